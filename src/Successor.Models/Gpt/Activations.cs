// The activation arena for one (B, T): what forward saves for backward, per layer, plus the scratch
// gradients backward reuses layer after layer. Carved in two passes: measure, then point.
using Successor.Tensors;

namespace Successor.Models.Gpt;

public sealed unsafe class Activations : IDisposable
{
    public sealed class Layer
    {
        public float* Input, Ln1, Ln1Mean, Ln1Rstd, Qkv, Att, AttY, AttProj, AttMask, AttOut, Res2;
        public float* Ln2, Ln2Mean, Ln2Rstd, Fc, FcAct, FcProj, FcMask, FcOut, Res3;
    }

    readonly FloatArena arena;
    readonly long attentionState;

    /// <summary>attentionState: floats of att per layer, and of the shared datt (IKernels.AttentionStateLength).
    /// </summary>
    public Activations(ModelConfig c, int B, int T, long attentionState)
    {
        this.B = B;
        this.T = T;
        this.attentionState = attentionState;
        Layers = new Layer[c.Layers];
        for (int l = 0; l < c.Layers; l++) Layers[l] = new Layer();
        long size = Carve(c, null);
        arena = new FloatArena(size);
        Carve(c, arena.Pointer);
    }

    public int B { get; }
    public int T { get; }
    /// <summary>Floats in the arena.</summary>
    public long Length => arena.Length;
    public int* Inputs, Targets;
    /// <summary>Digit position ids (B,T) of the last forward, for backward; null unless positions is digits.</summary>
    public int* DigitIds;
    public float* Encoded, EncodedMask, X0, Lnf, LnfMean, LnfRstd, Logits, Losses;
    public Layer[] Layers { get; }
    // scratch gradients (shared across layers)
    public float* DResidual, DBranch, DLn, DQkv, DAtt, DAttY, DFc, DFcAct;

    long Carve(ModelConfig c, float* basePointer)
    {
        long used = 0;
        float* Take(long count)
        {
            float* p = basePointer == null ? null : basePointer + used;
            used = FloatArena.Align(used + count);
            return p;
        }
        long N = (long)B * T, C = c.Embedding, H = c.Hidden, fcOut = c.Activation == Activation.SwiGlu ? 2 * H : H;
        long att = attentionState;
        bool dropout = c.Dropout > 0;
        Inputs = (int*)Take(N);
        Targets = (int*)Take(N);
        DigitIds = c.Positions == Positions.Digits ? (int*)Take(N) : null;
        Encoded = Take(N * C);
        EncodedMask = dropout ? Take(N * C) : null;
        X0 = dropout ? Take(N * C) : Encoded;
        float* input = X0;
        foreach (var a in Layers)
        {
            a.Input = input;
            a.Ln1 = Take(N * C); a.Ln1Mean = Take(N); a.Ln1Rstd = Take(N);
            a.Qkv = Take(N * 3 * C); a.Att = Take(att); a.AttY = Take(N * C); a.AttProj = Take(N * C);
            a.AttMask = dropout ? Take(N * C) : null;
            a.AttOut = dropout ? Take(N * C) : a.AttProj;
            a.Res2 = Take(N * C);
            a.Ln2 = Take(N * C); a.Ln2Mean = Take(N); a.Ln2Rstd = Take(N);
            a.Fc = Take(N * fcOut); a.FcAct = Take(N * H);
            a.FcProj = Take(N * C);
            a.FcMask = dropout ? Take(N * C) : null;
            a.FcOut = dropout ? Take(N * C) : a.FcProj;
            a.Res3 = Take(N * C);
            input = a.Res3;
        }
        Lnf = Take(N * C); LnfMean = Take(N); LnfRstd = Take(N);
        Logits = Take(N * c.VocabSize);
        Losses = Take(N);
        DResidual = Take(N * C); DBranch = Take(N * C); DLn = Take(N * C);
        DQkv = Take(N * 3 * C); DAtt = Take(att); DAttY = Take(N * C);
        DFc = Take(N * fcOut); DFcAct = Take(N * H);
        return used;
    }

    public void Dispose() => arena.Dispose();
}
