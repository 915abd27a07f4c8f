// Every reference backward kernel against central finite differences of its forward kernel.
// The loss is Σ out · w for a fixed random w, so backward receives dout = w.
using Successor.Tensors.Reference;

namespace Successor.Tensors.Tests.Reference;

public sealed unsafe class ReferenceGradientTests
{
    static readonly ReferenceKernels K = new();

    [Fact]
    public void Encoder_gradients_match_finite_differences()
    {
        using var m = new NativeBuffers(1);
        const int B = 2, T = 3, C = 4, V = 5;
        int* tokens = m.Ints(B * T, V);
        float* wte = m.Random(V * C), wpe = m.Random(T * C), output = m.Zeros(B * T * C), w = m.Random(B * T * C);
        double Loss() { K.EncoderForward(output, tokens, wte, wpe, B, T, C); return NativeBuffers.Dot(output, w,
            B * T * C); }
        float* dwte = m.Zeros(V * C), dwpe = m.Zeros(T * C);
        K.EncoderBackward(dwte, dwpe, w, tokens, B, T, C);
        GradientCheck.Matches("dwte", wte, V * C, dwte, Loss);
        GradientCheck.Matches("dwpe", wpe, T * C, dwpe, Loss);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Matmul_gradients_match_finite_differences(bool withBias)
    {
        using var m = new NativeBuffers(2);
        const int N = 3, C = 5, OC = 4;
        float* x = m.Random(N * C), weight = m.Random(OC * C), bias = withBias ? m.Random(OC) : null;
        float* output = m.Zeros(N * OC), w = m.Random(N * OC);
        double Loss() { K.MatmulForward(output, x, weight, bias, N, C, OC); return NativeBuffers.Dot(output, w,
            N * OC); }
        float* dx = m.Zeros(N * C), dweight = m.Zeros(OC * C), dbias = withBias ? m.Zeros(OC) : null;
        K.MatmulBackward(dx, dweight, dbias, w, x, weight, N, C, OC);
        GradientCheck.Matches("dx", x, N * C, dx, Loss);
        GradientCheck.Matches("dweight", weight, OC * C, dweight, Loss);
        if (withBias) GradientCheck.Matches("dbias", bias, OC, dbias, Loss);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LayerNorm_gradients_match_finite_differences(bool withBias)
    {
        using var m = new NativeBuffers(3);
        const int N = 3, C = 8;
        float* x = m.Random(N * C, 2f), weight = m.Random(C), bias = withBias ? m.Random(C) : null;
        float* output = m.Zeros(N * C), mean = m.Zeros(N), rstd = m.Zeros(N), w = m.Random(N * C);
        double Loss() { K.LayerNormForward(output, mean, rstd, x, weight, bias, N, C); return NativeBuffers.Dot(output,
            w, N * C); }
        Loss();
        float* dx = m.Zeros(N * C), dweight = m.Zeros(C), dbias = withBias ? m.Zeros(C) : null;
        K.LayerNormBackward(dx, dweight, dbias, w, x, weight, mean, rstd, N, C);
        GradientCheck.Matches("dx", x, N * C, dx, Loss);
        GradientCheck.Matches("dweight", weight, C, dweight, Loss);
        if (withBias) GradientCheck.Matches("dbias", bias, C, dbias, Loss);
    }

    [Fact]
    public void RmsNorm_gradients_match_finite_differences()
    {
        using var m = new NativeBuffers(4);
        const int N = 3, C = 8;
        float* x = m.Random(N * C, 2f), weight = m.Random(C), output = m.Zeros(N * C), rstd = m.Zeros(N),
            w = m.Random(N * C);
        double Loss() { K.RmsNormForward(output, rstd, x, weight, N, C); return NativeBuffers.Dot(output, w, N * C); }
        Loss();
        float* dx = m.Zeros(N * C), dweight = m.Zeros(C);
        K.RmsNormBackward(dx, dweight, w, x, weight, rstd, N, C);
        GradientCheck.Matches("dx", x, N * C, dx, Loss);
        GradientCheck.Matches("dweight", weight, C, dweight, Loss);
    }

    [Theory]
    [InlineData("gelu")]
    [InlineData("relu2")]
    public void Elementwise_activation_gradients_match_finite_differences(string activation)
    {
        using var m = new NativeBuffers(5);
        const int Count = 40;
        float* x = m.Random(Count, 3f), output = m.Zeros(Count), w = m.Random(Count), dx = m.Zeros(Count);
        for (int i = 0; i < Count; i++) if (MathF.Abs(x[i]) < 0.05f) x[i] = 0.5f; // keep away from ReLU's kink
        Action forward = activation == "gelu" ? () => K.GeluForward(output, x, Count) : () =>
            K.ReluSquaredForward(output, x, Count);
        double Loss() { forward(); return NativeBuffers.Dot(output, w, Count); }
        if (activation == "gelu") K.GeluBackward(dx, x, w, Count); else K.ReluSquaredBackward(dx, x, w, Count);
        GradientCheck.Matches("dx", x, Count, dx, Loss, eps: 1e-3f);
    }

    [Fact]
    public void SwiGlu_gradients_match_finite_differences()
    {
        using var m = new NativeBuffers(6);
        const int N = 3, H = 5;
        float* x = m.Random(N * 2 * H, 2f), output = m.Zeros(N * H), w = m.Random(N * H), dx = m.Zeros(N * 2 * H);
        double Loss() { K.SwiGluForward(output, x, N, H); return NativeBuffers.Dot(output, w, N * H); }
        K.SwiGluBackward(dx, x, w, N, H);
        GradientCheck.Matches("dx", x, N * 2 * H, dx, Loss);
    }

    [Fact]
    public void Attention_gradients_match_finite_differences()
    {
        using var m = new NativeBuffers(7);
        const int B = 2, T = 5, C = 8, NH = 2;
        float* qkv = m.Random(B * T * 3 * C), output = m.Zeros(B * T * C), att = m.Zeros(B * NH * T * T),
            w = m.Random(B * T * C);
        double Loss() { K.AttentionForward(output, att, qkv, B, T, C, NH); return NativeBuffers.Dot(output, w,
            B * T * C); }
        Loss();
        float* dqkv = m.Zeros(B * T * 3 * C), datt = m.Zeros(B * NH * T * T);
        K.AttentionBackward(dqkv, datt, w, qkv, att, B, T, C, NH);
        GradientCheck.Matches("dqkv", qkv, B * T * 3 * C, dqkv, Loss);
    }

    [Fact]
    public void Attention_is_causal()
    {
        using var m = new NativeBuffers(8);
        const int B = 1, T = 6, C = 8, NH = 2;
        float* qkv = m.Random(T * 3 * C), output = m.Zeros(T * C), att = m.Zeros(NH * T * T);
        K.AttentionForward(output, att, qkv, B, T, C, NH);
        var before = NativeBuffers.ToArray(output, T * C);
        for (int i = 0; i < 3 * C; i++) qkv[(T - 1) * 3 * C + i] += 1f; // change only the last position
        K.AttentionForward(output, att, qkv, B, T, C, NH);
        Assert.Equal(before[..((T - 1) * C)], NativeBuffers.ToArray(output, (T - 1) * C));
        Assert.NotEqual(before[((T - 1) * C)..], NativeBuffers.ToArray(output, T * C)[((T - 1) * C)..]);
    }

    [Fact]
    public void Rope_gradients_match_finite_differences()
    {
        using var m = new NativeBuffers(9);
        const int B = 2, T = 4, C = 8, NH = 2, Half = C / NH / 2;
        float* qkv = m.Random(B * T * 3 * C), work = m.Zeros(B * T * 3 * C), w = m.Random(B * T * 3 * C);
        float* cos = m.Random(T * Half), sin = m.Random(T * Half);
        double Loss()
        {
            new Span<float>(qkv, B * T * 3 * C).CopyTo(new Span<float>(work, B * T * 3 * C));
            K.RopeForward(work, cos, sin, B, T, C, NH);
            return NativeBuffers.Dot(work, w, B * T * 3 * C);
        }
        float* dqkv = m.Copy(w, B * T * 3 * C);
        K.RopeBackward(dqkv, cos, sin, B, T, C, NH);
        GradientCheck.Matches("dqkv", qkv, B * T * 3 * C, dqkv, Loss);
    }

    [Fact]
    public void CrossEntropy_gradients_match_finite_differences_and_ignore_masked_rows()
    {
        using var m = new NativeBuffers(10);
        const int N = 4, V = 7;
        float* logits = m.Random(N * V, 3f), losses = m.Zeros(N), dlogits = m.Zeros(N * V);
        int* targets = m.Ints(N, V);
        targets[2] = -1;
        double Loss()
        {
            K.CrossEntropyForward(losses, logits, targets, N, V);
            double sum = 0;
            for (int n = 0; n < N; n++) sum += losses[n];
            return sum;
        }
        K.CrossEntropyForwardBackward(losses, dlogits, logits, targets, 1f, N, V);
        Assert.Equal(0f, losses[2]);
        GradientCheck.Matches("dlogits", logits, N * V, dlogits, Loss);
    }

    [Fact]
    public void Distillation_gradients_match_finite_differences_and_reduce_to_cross_entropy()
    {
        using var m = new NativeBuffers(14);
        const int N = 4, V = 7;
        const float W = 0.4f;
        float* logits = m.Random(N * V, 3f), teacher = m.Random(N * V, 3f), losses = m.Zeros(N),
            dlogits = m.Zeros(N * V);
        int* targets = m.Ints(N, V);
        targets[1] = -1;
        float* scratchGrad = m.Zeros(N * V);
        double Loss()
        {
            K.DistillationForwardBackward(losses, scratchGrad, logits, teacher, targets, W, 1f, N, V);
            double sum = 0;
            for (int n = 0; n < N; n++) sum += losses[n];
            return sum;
        }
        K.DistillationForwardBackward(losses, dlogits, logits, teacher, targets, W, 1f, N, V);
        Assert.Equal(0f, losses[1]);
        GradientCheck.Matches("dlogits", logits, N * V, dlogits, Loss);

        // Weight 0 is plain cross-entropy; a student equal to its teacher has zero KL.
        float* ce = m.Zeros(N), dce = m.Zeros(N * V);
        K.CrossEntropyForwardBackward(ce, dce, logits, targets, 1f, N, V);
        K.DistillationForwardBackward(losses, dlogits, logits, teacher, targets, 0f, 1f, N, V);
        for (int i = 0; i < N * V; i++) Assert.Equal(dce[i], dlogits[i], 6);
        for (int n = 0; n < N; n++) Assert.Equal(ce[n], losses[n], 5);
        K.DistillationForwardBackward(losses, dlogits, logits, logits, targets, 0.999f, 1f, N, V);
        for (int n = 0; n < N; n++)
            Assert.True(Math.Abs(losses[n] - 0.001f * ce[n]) < 1e-4, $"row {n}: {losses[n]} vs {0.001f * ce[n]}");
    }

    [Fact]
    public void Dropout_gradient_is_its_mask_and_keeps_the_expected_scale()
    {
        using var m = new NativeBuffers(11);
        const int Count = 20000;
        const float P = 0.25f;
        float* x = m.Random(Count), output = m.Zeros(Count), mask = m.Zeros(Count), ones = m.Zeros(Count),
            dx = m.Zeros(Count);
        new Span<float>(ones, Count).Fill(1f);
        K.DropoutForward(output, mask, x, P, 42, Count);
        K.DropoutBackward(dx, ones, mask, Count);
        int dropped = 0;
        for (int i = 0; i < Count; i++)
        {
            Assert.Equal(mask[i], dx[i]);
            Assert.Equal(x[i] * mask[i], output[i]);
            if (mask[i] == 0f) dropped++; else Assert.Equal(1f / (1f - P), mask[i]);
        }
        Assert.InRange(dropped / (double)Count, P - 0.02, P + 0.02);
    }
}
