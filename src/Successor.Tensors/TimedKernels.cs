// Wraps any kernels and adds up the wall time of each operation (forward and backward separately),
// for `successor bench --profile`: where a training step's time goes.
using System.Diagnostics;

namespace Successor.Tensors;

public sealed unsafe class TimedKernels(IKernels inner) : IKernels
{
    readonly Dictionary<string, (long Ticks, long Calls)> totals = [];

    public IReadOnlyDictionary<string, (TimeSpan Time, long Calls)> Totals =>
        totals.ToDictionary(p => p.Key, p =>
            (TimeSpan.FromTicks(p.Value.Ticks * TimeSpan.TicksPerSecond / Stopwatch.Frequency), p.Value.Calls));

    public void Reset() => totals.Clear();

    void Time(string name, Action run)
    {
        long start = Stopwatch.GetTimestamp();
        run();
        long elapsed = Stopwatch.GetTimestamp() - start;
        var (ticks, calls) = totals.GetValueOrDefault(name);
        totals[name] = (ticks + elapsed, calls + 1);
    }

    public long AttentionStateLength(int B, int NH, int T) => inner.AttentionStateLength(B, NH, T);

    public void EncoderForward(float* output, int* tokens, float* wte, float* wpe, int B, int T, int C) =>
        Time("encoder.forward", () => inner.EncoderForward(output, tokens, wte, wpe, B, T, C));
    public void EncoderBackward(float* dwte, float* dwpe, float* dout, int* tokens, int B, int T, int C) =>
        Time("encoder.backward", () => inner.EncoderBackward(dwte, dwpe, dout, tokens, B, T, C));
    public void LayerNormForward(float* output, float* mean, float* rstd, float* input, float* weight,
        float* bias, int N, int C) =>
        Time("norm.forward", () => inner.LayerNormForward(output, mean, rstd, input, weight, bias, N, C));
    public void LayerNormBackward(float* dinput, float* dweight, float* dbias, float* dout, float* input, float* weight,
        float* mean, float* rstd, int N, int C) =>
        Time("norm.backward", () =>
            inner.LayerNormBackward(dinput, dweight, dbias, dout, input, weight, mean, rstd, N, C));
    public void RmsNormForward(float* output, float* rstd, float* input, float* weight, int N, int C) =>
        Time("norm.forward", () => inner.RmsNormForward(output, rstd, input, weight, N, C));
    public void RmsNormBackward(float* dinput, float* dweight, float* dout, float* input, float* weight,
        float* rstd, int N, int C) =>
        Time("norm.backward", () => inner.RmsNormBackward(dinput, dweight, dout, input, weight, rstd, N, C));
    public void MatmulForward(float* output, float* input, float* weight, float* bias, int N, int C, int OC) =>
        Time("matmul.forward", () => inner.MatmulForward(output, input, weight, bias, N, C, OC));
    public void MatmulBackward(float* dinput, float* dweight, float* dbias, float* dout, float* input, float* weight,
        int N, int C, int OC) =>
        Time("matmul.backward", () => inner.MatmulBackward(dinput, dweight, dbias, dout, input, weight, N, C, OC));
    public void GeluForward(float* output, float* input, int count) =>
        Time("activation.forward", () => inner.GeluForward(output, input, count));
    public void GeluBackward(float* dinput, float* input, float* dout, int count) =>
        Time("activation.backward", () => inner.GeluBackward(dinput, input, dout, count));
    public void ReluSquaredForward(float* output, float* input, int count) =>
        Time("activation.forward", () => inner.ReluSquaredForward(output, input, count));
    public void ReluSquaredBackward(float* dinput, float* input, float* dout, int count) =>
        Time("activation.backward", () => inner.ReluSquaredBackward(dinput, input, dout, count));
    public void SwiGluForward(float* output, float* input, int N, int H) =>
        Time("activation.forward", () => inner.SwiGluForward(output, input, N, H));
    public void SwiGluBackward(float* dinput, float* input, float* dout, int N, int H) =>
        Time("activation.backward", () => inner.SwiGluBackward(dinput, input, dout, N, H));
    public void RopeForward(float* qkv, float* cos, float* sin, int B, int T, int C, int NH) =>
        Time("rope.forward", () => inner.RopeForward(qkv, cos, sin, B, T, C, NH));
    public void RopeBackward(float* dqkv, float* cos, float* sin, int B, int T, int C, int NH) =>
        Time("rope.backward", () => inner.RopeBackward(dqkv, cos, sin, B, T, C, NH));
    public void AttentionForward(float* output, float* att, float* qkv, int B, int T, int C, int NH) =>
        Time("attention.forward", () => inner.AttentionForward(output, att, qkv, B, T, C, NH));
    public void AttentionBackward(float* dqkv, float* datt, float* dout, float* qkv, float* att, int B,
        int T, int C, int NH) =>
        Time("attention.backward", () => inner.AttentionBackward(dqkv, datt, dout, qkv, att, B, T, C, NH));
    public void ResidualForward(float* output, float* a, float* b, int count) =>
        Time("residual.forward", () => inner.ResidualForward(output, a, b, count));
    public void ResidualBackward(float* da, float* db, float* dout, int count) =>
        Time("residual.backward", () => inner.ResidualBackward(da, db, dout, count));
    public void DropoutForward(float* output, float* mask, float* input, float p, ulong seed, int count) =>
        Time("dropout.forward", () => inner.DropoutForward(output, mask, input, p, seed, count));
    public void DropoutBackward(float* dinput, float* dout, float* mask, int count) =>
        Time("dropout.backward", () => inner.DropoutBackward(dinput, dout, mask, count));
    public void CrossEntropyForward(float* losses, float* logits, int* targets, int N, int V) =>
        Time("cross_entropy.forward", () => inner.CrossEntropyForward(losses, logits, targets, N, V));
    public void CrossEntropyForwardBackward(float* losses, float* dlogits, float* logits, int* targets,
        float scale, int N, int V) =>
        Time("cross_entropy.forward_backward", () =>
            inner.CrossEntropyForwardBackward(losses, dlogits, logits, targets, scale, N, V));
    public void DistillationForwardBackward(float* losses, float* dlogits, float* logits, float* teacher, int* targets,
        float weight, float scale, int N, int V) =>
        Time("distillation.forward_backward", () =>
            inner.DistillationForwardBackward(losses, dlogits, logits, teacher, targets, weight, scale, N, V));
}
