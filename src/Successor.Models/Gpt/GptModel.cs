// A GPT (Radford et al. 2019) as a sequence of kernel calls, llm.c style: Forward saves activations,
// Backward adds into the gradient arena, which the optimizer zeroes once per step. Training draws its
// random choices (dropout masks, digit position offsets) from the seed ForwardBackward is given.
// Legend: B batch, T time, C channels, N = B*T rows, NH heads, H MLP hidden width, V vocabulary.
using Successor.Plugins;
using Successor.Tensors;

namespace Successor.Models.Gpt;

public sealed unsafe class GptModel : IDisposable
{
    readonly LayerWeights[] weights, grads;
    readonly FloatArena rope;
    Activations? acts;

    public GptModel(ModelConfig config, IKernels kernels)
    {
        if (config.Validate() is { } error) throw new ArgumentException($"model config: {error}");
        Config = config;
        Kernels = kernels;
        Layout = new ParameterLayout(config);
        Parameters = new FloatArena(Layout.Length);
        Gradients = new FloatArena(Layout.Length);
        weights = [.. Enumerable.Range(0, config.Layers).Select(l => new LayerWeights(Layout, Parameters, l))];
        grads = [.. Enumerable.Range(0, config.Layers).Select(l => new LayerWeights(Layout, Gradients, l))];
        rope = RopeTable.Create(config);
    }

    public ModelConfig Config { get; }
    public IKernels Kernels { get; }
    public ParameterLayout Layout { get; }
    public FloatArena Parameters { get; }
    public FloatArena Gradients { get; }

    /// <summary>A plug-in's elementwise MLP activation in place of the config's (null: the config's own). Only
    /// for an elementwise config activation: swiglu halves the width, which a plug-in cannot.</summary>
    public IActivation? ActivationPlugin
    {
        get;
        set => field = value is null || Config.Activation != Activation.SwiGlu ? value
            : throw new ArgumentException("an activation plug-in replaces gelu or relu_squared, not swiglu; "
                + "set model.activation to gelu");
    }

    /// <summary>Floats of activations held for the last forward's (B, T): what a step needs beyond the parameters,
    /// their gradients and the optimizer's moments (0 before any forward).</summary>
    public long ActivationFloats => acts?.Length ?? 0;

    /// <summary>Logits (B,T,V) of the last Forward without a gradient.</summary>
    public float* Logits => acts!.Logits;
    /// <summary>Per-position losses (B,T) of the last forward (0 where the target was ignored).</summary>
    public float* Losses => acts!.Losses;

    float* P(string name) => LayerWeights.At(Layout, Parameters, name);
    float* G(string name) => LayerWeights.At(Layout, Gradients, name);
    float* HeadWeight(FloatArena arena) => LayerWeights.At(Layout, arena, Config.TieWeights ? "wte" : "lm_head.weight");

    /// <summary>GPT-2 initialisation: N(0, 0.02), residual projections scaled by 1/sqrt(2L), norms 1, biases
    /// 0.</summary>
    public void Initialize(ulong seed)
    {
        var rng = new Rng(seed);
        double residualStd = 0.02 / Math.Sqrt(2.0 * Config.Layers);
        foreach (var t in Layout.Tensors)
        {
            var span = Parameters.Slice(t.Offset, t.Count);
            if (t.Name.EndsWith(".bias", StringComparison.Ordinal)) span.Clear();
            else if (!t.IsMatrix && !t.IsEmbedding) span.Fill(1f);
            else
            {
                double std = t.Name.EndsWith("proj.weight", StringComparison.Ordinal) ? residualStd : 0.02;
                for (int i = 0; i < span.Length; i++) span[i] = (float)(rng.NextGaussian() * std);
            }
        }
    }

    Activations Prepare(int* inputs, int* targets, int B, int T)
    {
        if (T < 1 || T > Config.BlockSize)
            throw new ArgumentOutOfRangeException(nameof(T),
                $"sequence length {T} must be in [1, block_size {Config.BlockSize}]");
        if (acts is null || acts.B != B || acts.T != T)
        {
            acts?.Dispose();
            acts = new Activations(Config, B, T, Kernels.AttentionStateLength(B, Config.Heads, T));
        }
        int N = B * T;
        for (int i = 0; i < N; i++)
        {
            if ((uint)inputs[i] >= (uint)Config.VocabSize)
                throw new ArgumentOutOfRangeException(nameof(inputs),
                    $"token {inputs[i]} at {i} is outside the vocabulary [0, {Config.VocabSize})");
            acts.Inputs[i] = inputs[i];
            acts.Targets[i] = targets == null ? -1 : targets[i];
        }
        return acts;
    }

    /// <summary>Evaluation forward (no dropout). Returns the mean loss over targets ≥ 0, or NaN without
    /// targets.</summary>
    public float Forward(int* inputs, int* targets, int B, int T)
    {
        var a = Prepare(inputs, targets, B, T);
        Run(a, training: false, dropoutSeed: 0);
        if (targets == null) return float.NaN;
        Kernels.CrossEntropyForward(a.Losses, a.Logits, a.Targets, B * T, Config.VocabSize);
        return MeanLoss(a, B * T);
    }

    /// <summary>Training forward and backward: adds d(lossWeight · Σ token losses)/dθ into Gradients.
    /// Returns the mean loss of this batch over targets ≥ 0. With teacher logits (B·T rows of the same
    /// vocabulary, from a teacher's Forward on the same inputs), each token's loss mixes in the KL divergence
    /// from the teacher with weight `distillation`.</summary>
    public float ForwardBackward(int* inputs, int* targets, int B, int T, float lossWeight, ulong dropoutSeed,
        float* teacherLogits = null, float distillation = 0f)
    {
        var a = Prepare(inputs, targets, B, T);
        Run(a, training: true, dropoutSeed);
        if (teacherLogits != null && distillation > 0)
            Kernels.DistillationForwardBackward(a.Losses, a.Logits, a.Logits, teacherLogits, a.Targets, distillation,
                lossWeight, B * T, Config.VocabSize);
        else
            Kernels.CrossEntropyForwardBackward(a.Losses, a.Logits, a.Logits, a.Targets, lossWeight,
                B * T, Config.VocabSize);
        float loss = MeanLoss(a, B * T);
        Backward(a);
        return loss;
    }

    static float MeanLoss(Activations a, int N)
    {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < N; i++)
            if (a.Targets[i] >= 0) { sum += a.Losses[i]; count++; }
        return count == 0 ? float.NaN : (float)(sum / count);
    }

    void Run(Activations a, bool training, ulong dropoutSeed)
    {
        var k = Kernels;
        int B = a.B, T = a.T, N = B * T, C = Config.Embedding, NH = Config.Heads, H = Config.Hidden;
        int fcOut = Config.Activation == Activation.SwiGlu ? 2 * H : H;
        float p = training ? Config.Dropout : 0f;
        k.EncoderForward(a.Encoded, a.Inputs, P("wte"),
            Config.Positions == Positions.Learned ? P("wpe") : null, B, T, C);
        if (a.DigitIds != null)
        {
            var offsets =
                training && Config.DigitOffset > 0 ? DigitPositions.Offsets(dropoutSeed, B, Config.DigitOffset) : null;
            DigitPositions.Ids(a.DigitIds, a.Inputs, offsets, B, T);
            DigitPositions.Forward(a.Encoded, a.DigitIds, P("wpe"), N, C);
        }
        if (a.EncodedMask != null) Dropout(a.X0, a.EncodedMask, a.Encoded, p, dropoutSeed, 0, N * C);
        for (int l = 0; l < Config.Layers; l++)
        {
            var w = weights[l];
            var x = a.Layers[l];
            NormForward(x.Ln1, x.Ln1Mean, x.Ln1Rstd, x.Input, w.Ln1W, w.Ln1B, N, C);
            k.MatmulForward(x.Qkv, x.Ln1, w.QkvW, w.QkvB, N, C, 3 * C);
            if (Config.Positions == Positions.Rope) k.RopeForward(x.Qkv, RopeCos, RopeSin, B, T, C, NH);
            k.AttentionForward(x.AttY, x.Att, x.Qkv, B, T, C, NH);
            k.MatmulForward(x.AttProj, x.AttY, w.ProjW, w.ProjB, N, C, C);
            if (x.AttMask != null) Dropout(x.AttOut, x.AttMask, x.AttProj, p, dropoutSeed, 2 * l + 1, N * C);
            k.ResidualForward(x.Res2, x.Input, x.AttOut, N * C);
            NormForward(x.Ln2, x.Ln2Mean, x.Ln2Rstd, x.Res2, w.Ln2W, w.Ln2B, N, C);
            k.MatmulForward(x.Fc, x.Ln2, w.FcW, w.FcB, N, C, fcOut);
            if (ActivationPlugin is { } plugin)
                plugin.Forward(new ReadOnlySpan<float>(x.Fc, N * H), new Span<float>(x.FcAct, N * H));
            else switch (Config.Activation)
            {
                case Activation.Gelu: k.GeluForward(x.FcAct, x.Fc, N * H); break;
                case Activation.ReluSquared: k.ReluSquaredForward(x.FcAct, x.Fc, N * H); break;
                default: k.SwiGluForward(x.FcAct, x.Fc, N, H); break;
            }
            k.MatmulForward(x.FcProj, x.FcAct, w.FcProjW, w.FcProjB, N, H, C);
            if (x.FcMask != null) Dropout(x.FcOut, x.FcMask, x.FcProj, p, dropoutSeed, 2 * l + 2, N * C);
            k.ResidualForward(x.Res3, x.Res2, x.FcOut, N * C);
        }
        var last = a.Layers[^1].Res3;
        NormForward(a.Lnf, a.LnfMean, a.LnfRstd, last, P("lnf.weight"), P("lnf.bias"), N, C);
        k.MatmulForward(a.Logits, a.Lnf, HeadWeight(Parameters), null, N, C, Config.VocabSize);
    }

    void Backward(Activations a)
    {
        var k = Kernels;
        int B = a.B, T = a.T, N = B * T, C = Config.Embedding, NH = Config.Heads, H = Config.Hidden;
        int fcOut = Config.Activation == Activation.SwiGlu ? 2 * H : H;
        // a.Logits now holds dLoss/dlogits (fused cross-entropy).
        k.MatmulBackward(a.DLn, HeadWeight(Gradients), null, a.Logits, a.Lnf, HeadWeight(Parameters),
            N, C, Config.VocabSize);
        Clear(a.DResidual, N * C);
        NormBackward(a.DResidual, G("lnf.weight"), G("lnf.bias"), a.DLn, a.Layers[^1].Res3, P("lnf.weight"),
            a.LnfMean, a.LnfRstd, N, C);
        for (int l = Config.Layers - 1; l >= 0; l--)
        {
            var w = weights[l];
            var g = grads[l];
            var x = a.Layers[l];
            // DResidual = dL/dRes3; Res3 = Res2 + dropout(FcProj)
            float* dbranch = DropoutBackward(a, x.FcMask, N * C);
            k.MatmulBackward(a.DFcAct, g.FcProjW, g.FcProjB, dbranch, x.FcAct, w.FcProjW, N, H, C);
            if (ActivationPlugin is { } plugin)
            {
                Clear(a.DFc, N * H);
                plugin.Backward(new ReadOnlySpan<float>(x.Fc, N * H), new ReadOnlySpan<float>(a.DFcAct, N * H),
                    new Span<float>(a.DFc, N * H));
            }
            else switch (Config.Activation)
            {
                case Activation.Gelu: k.GeluBackward(a.DFc, x.Fc, a.DFcAct, N * H); break;
                case Activation.ReluSquared: k.ReluSquaredBackward(a.DFc, x.Fc, a.DFcAct, N * H); break;
                default: k.SwiGluBackward(a.DFc, x.Fc, a.DFcAct, N, H); break;
            }
            k.MatmulBackward(a.DLn, g.FcW, g.FcB, a.DFc, x.Ln2, w.FcW, N, C, fcOut);
            NormBackward(a.DResidual, g.Ln2W, g.Ln2B, a.DLn, x.Res2, w.Ln2W, x.Ln2Mean, x.Ln2Rstd, N, C);
            // DResidual = dL/dRes2; Res2 = Input + dropout(AttProj)
            dbranch = DropoutBackward(a, x.AttMask, N * C);
            k.MatmulBackward(a.DAttY, g.ProjW, g.ProjB, dbranch, x.AttY, w.ProjW, N, C, C);
            k.AttentionBackward(a.DQkv, a.DAtt, a.DAttY, x.Qkv, x.Att, B, T, C, NH);
            if (Config.Positions == Positions.Rope) k.RopeBackward(a.DQkv, RopeCos, RopeSin, B, T, C, NH);
            k.MatmulBackward(a.DLn, g.QkvW, g.QkvB, a.DQkv, x.Ln1, w.QkvW, N, C, 3 * C);
            NormBackward(a.DResidual, g.Ln1W, g.Ln1B, a.DLn, x.Input, w.Ln1W, x.Ln1Mean, x.Ln1Rstd, N, C);
        }
        float* dx0 = DropoutBackward(a, a.EncodedMask, N * C);
        k.EncoderBackward(G("wte"), Config.Positions == Positions.Learned ? G("wpe") : null, dx0, a.Inputs, B, T, C);
        if (a.DigitIds != null) DigitPositions.Backward(G("wpe"), dx0, a.DigitIds, N, C);
    }

    /// <summary>The gradient through a dropout branch: DResidual itself, or DResidual ⊙ mask in DBranch.</summary>
    float* DropoutBackward(Activations a, float* mask, int count)
    {
        if (mask == null) return a.DResidual;
        Clear(a.DBranch, count);
        Kernels.DropoutBackward(a.DBranch, a.DResidual, mask, count);
        return a.DBranch;
    }

    void Dropout(float* output, float* mask, float* input, float p, ulong seed, int site, int count)
    {
        if (p > 0) Kernels.DropoutForward(output, mask, input, p, Rng.For(seed, (ulong)site).NextULong(), count);
        else new Span<float>(input, count).CopyTo(new Span<float>(output, count));
    }

    void NormForward(float* output, float* mean, float* rstd, float* input, float* weight, float* bias, int N, int C)
    {
        if (Config.Norm == Norm.LayerNorm) Kernels.LayerNormForward(output, mean, rstd, input, weight, bias, N, C);
        else Kernels.RmsNormForward(output, rstd, input, weight, N, C);
    }

    void NormBackward(float* dinput, float* dweight, float* dbias, float* dout, float* input, float* weight,
        float* mean, float* rstd, int N, int C)
    {
        if (Config.Norm == Norm.LayerNorm)
            Kernels.LayerNormBackward(dinput, dweight, dbias, dout, input, weight, mean, rstd, N, C);
        else Kernels.RmsNormBackward(dinput, dweight, dout, input, weight, rstd, N, C);
    }

    static void Clear(float* p, long count) => new Span<float>(p, (int)count).Clear();

    float* RopeCos => RopeTable.Cos(rope, Config, 0);
    float* RopeSin => RopeTable.Sin(rope, Config, 0);

    public void Dispose()
    {
        acts?.Dispose();
        rope.Dispose();
        Parameters.Dispose();
        Gradients.Dispose();
    }
}
