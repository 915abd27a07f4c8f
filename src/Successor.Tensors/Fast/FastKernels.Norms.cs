// Fast LayerNorm and RMSNorm: rows in parallel for the input gradient, column blocks in parallel
// for the weight gradients (a fixed row order per column, whatever the thread count).
using System.Numerics.Tensors;

namespace Successor.Tensors.Fast;

public sealed unsafe partial class FastKernels
{
    public override void LayerNormForward(float* output, float* mean, float* rstd, float* input, float* weight,
        float* bias, int N, int C) =>
        Parallelism.For(N, n =>
        {
            Span<float> xc = stackalloc float[C];
            var x = Row(input, n, C);
            float m = TensorPrimitives.Sum(x) / C;
            TensorPrimitives.Subtract(x, m, xc);
            float s = 1f / MathF.Sqrt(TensorPrimitives.SumOfSquares(xc) / C + NormEpsilon);
            TensorPrimitives.Multiply(xc, s, xc);
            if (bias == null) TensorPrimitives.Multiply(xc, new ReadOnlySpan<float>(weight, C), Row(output, n, C));
            else TensorPrimitives.MultiplyAdd(xc, new ReadOnlySpan<float>(weight, C),
                new ReadOnlySpan<float>(bias, C), Row(output, n, C));
            mean[n] = m;
            rstd[n] = s;
        });

    /// <summary>Weight gradients are summed in this many fixed row groups, then the groups in order:
    /// one pass over the rows, parallel, and the same bits for any thread count.</summary>
    const int RowGroups = 16;

    [ThreadStatic] static float[]? partials;

    static float[] Partials(int length) => partials is { } p && p.Length >= length ? p : partials = new float[length];

    public override void LayerNormBackward(float* dinput, float* dweight, float* dbias, float* dout, float* input,
        float* weight, float* mean, float* rstd, int N, int C)
    {
        int groups = Math.Min(RowGroups, N);
        var sums = Partials(2 * groups * C);
        fixed (float* pw = sums)
        {
            float* dwParts = pw, dbParts = pw + groups * C;
            Parallelism.For(groups, g =>
            {
                var dw = new Span<float>(dwParts + g * C, C);
                var db = new Span<float>(dbParts + g * C, C);
                dw.Clear();
                db.Clear();
                Span<float> xhat = stackalloc float[C], dxhat = stackalloc float[C];
                for (int n = (int)((long)N * g / groups), end = (int)((long)N * (g + 1) / groups); n < end; n++)
                {
                    var d = Row(dout, n, C);
                    TensorPrimitives.Subtract(Row(input, n, C), mean[n], xhat);
                    TensorPrimitives.Multiply(xhat, rstd[n], xhat);
                    TensorPrimitives.MultiplyAdd(d, xhat, dw, dw);
                    TensorPrimitives.Add(db, d, db);
                    TensorPrimitives.Multiply(d, new ReadOnlySpan<float>(weight, C), dxhat);
                    float sumD = TensorPrimitives.Sum(dxhat) / C, sumDX = TensorPrimitives.Dot(dxhat, xhat) / C;
                    // dx += rstd * (dxhat - sumD - xhat * sumDX)
                    TensorPrimitives.Subtract(dxhat, sumD, dxhat);
                    TensorPrimitives.MultiplyAdd(xhat, -sumDX, dxhat, dxhat);
                    TensorPrimitives.MultiplyAdd(dxhat, rstd[n], Row(dinput, n, C), Row(dinput, n, C));
                }
            });
            AddGroups(dweight, dwParts, groups, C);
            if (dbias != null) AddGroups(dbias, dbParts, groups, C);
        }
    }

    /// <summary>target[c] += Σ_g parts[g, c], groups in order.</summary>
    static void AddGroups(float* target, float* parts, int groups, int C)
    {
        var t = new Span<float>(target, C);
        for (int g = 0; g < groups; g++) TensorPrimitives.Add(t, new ReadOnlySpan<float>(parts + g * C, C), t);
    }

    public override void RmsNormForward(float* output, float* rstd, float* input, float* weight, int N, int C) =>
        Parallelism.For(N, n =>
        {
            var x = Row(input, n, C);
            float s = 1f / MathF.Sqrt(TensorPrimitives.SumOfSquares(x) / C + NormEpsilon);
            TensorPrimitives.Multiply(x, s, Row(output, n, C));
            TensorPrimitives.Multiply(Row(output, n, C), new ReadOnlySpan<float>(weight, C), Row(output, n, C));
            rstd[n] = s;
        });

    public override void RmsNormBackward(float* dinput, float* dweight, float* dout, float* input, float* weight,
        float* rstd, int N, int C)
    {
        int groups = Math.Min(RowGroups, N);
        var sums = Partials(groups * C);
        fixed (float* parts = sums)
        {
            float* dwParts = parts;
            Parallelism.For(groups, g =>
            {
                var dw = new Span<float>(dwParts + g * C, C);
                dw.Clear();
                Span<float> xs = stackalloc float[C], dxhat = stackalloc float[C];
                for (int n = (int)((long)N * g / groups), end = (int)((long)N * (g + 1) / groups); n < end; n++)
                {
                    var x = Row(input, n, C);
                    var d = Row(dout, n, C);
                    float s = rstd[n];
                    TensorPrimitives.Multiply(x, s, xs);
                    TensorPrimitives.MultiplyAdd(d, xs, dw, dw);
                    TensorPrimitives.Multiply(d, new ReadOnlySpan<float>(weight, C), dxhat);
                    float dot = TensorPrimitives.Dot(dxhat, x) / C;
                    // dx += s * dxhat - x * s^3 * dot
                    TensorPrimitives.Multiply(dxhat, s, dxhat);
                    TensorPrimitives.MultiplyAdd(x, -s * s * s * dot, dxhat, dxhat);
                    TensorPrimitives.Add(Row(dinput, n, C), dxhat, Row(dinput, n, C));
                }
            });
            AddGroups(dweight, dwParts, groups, C);
        }
    }
}
