// Fast LayerNorm and RMSNorm: rows in parallel for the input gradient, column blocks in parallel
// for the weight gradients (a fixed row order per column, whatever the thread count).
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Successor.Tensors.Fast;

public sealed unsafe partial class FastKernels
{
    public override void LayerNormForward(float* output, float* mean, float* rstd, float* input, float* weight,
        float* bias, int N, int C) =>
        Parallelism.For(N, n =>
        {
            float* x = input + (long)n * C, y = output + (long)n * C;
            float m = TensorPrimitives.Sum(new ReadOnlySpan<float>(x, C)) / C;
            // Σ (x − m)², then y = (x − m)·s·w + b: two passes over the row, nothing stored between them.
            int c = 0, whole = C / Vector256<float>.Count * Vector256<float>.Count;
            Vector256<float> vm = Vector256.Create(m), squares = default;
            for (; c < whole; c += Vector256<float>.Count)
            {
                var xc = Vector256.Load(x + c) - vm;
                squares += xc * xc;
            }
            float sum = Vector256.Sum(squares);
            for (int i = c; i < C; i++) sum += (x[i] - m) * (x[i] - m);
            float s = 1f / MathF.Sqrt(sum / C + NormEpsilon);
            Vector256<float> vs = Vector256.Create(s);
            for (c = 0; c < whole; c += Vector256<float>.Count)
            {
                var v = (Vector256.Load(x + c) - vm) * vs * Vector256.Load(weight + c);
                (bias == null ? v : v + Vector256.Load(bias + c)).Store(y + c);
            }
            for (int i = c; i < C; i++) y[i] = (x[i] - m) * s * weight[i] + (bias == null ? 0f : bias[i]);
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
                for (int n = (int)((long)N * g / groups), end = (int)((long)N * (g + 1) / groups); n < end; n++)
                    LayerNormBackwardRow(dinput + (long)n * C, dwParts + g * C, dbParts + g * C, dout + (long)n * C,
                        input + (long)n * C, weight, mean[n], rstd[n], C);
            });
            AddGroups(dweight, dwParts, groups, C);
            if (dbias != null) AddGroups(dbias, dbParts, groups, C);
        }
    }

    /// <summary>One row of LayerNorm's backward, in two passes over the row (which stays in L1) instead of a
    /// library call per operation: dw += d·x̂ and db += d, the row's sums of d·w and d·w·x̂, then
    /// dx += rstd·(d·w − mean(d·w) − x̂·mean(d·w·x̂)), x̂ = (x − mean)·rstd recomputed rather than stored.</summary>
    static void LayerNormBackwardRow(float* dx, float* dw, float* db, float* d, float* x, float* w, float mean,
        float rstd, int C)
    {
        int c = 0, whole = C / Vector256<float>.Count * Vector256<float>.Count;
        Vector256<float> vmean = Vector256.Create(mean), vrstd = Vector256.Create(rstd);
        Vector256<float> sumD = default, sumDX = default;
        for (; c < whole; c += Vector256<float>.Count)
        {
            var dc = Vector256.Load(d + c);
            var xhat = (Vector256.Load(x + c) - vmean) * vrstd;
            (Vector256.Load(dw + c) + dc * xhat).Store(dw + c);
            (Vector256.Load(db + c) + dc).Store(db + c);
            var dxhat = dc * Vector256.Load(w + c);
            sumD += dxhat;
            sumDX += dxhat * xhat;
        }
        float sd = Vector256.Sum(sumD), sdx = Vector256.Sum(sumDX);
        for (int i = c; i < C; i++)
        {
            float xhat = (x[i] - mean) * rstd, dxhat = d[i] * w[i];
            dw[i] += d[i] * xhat;
            db[i] += d[i];
            sd += dxhat;
            sdx += dxhat * xhat;
        }
        float meanD = sd / C, meanDX = sdx / C;
        Vector256<float> vmeanD = Vector256.Create(meanD), vmeanDX = Vector256.Create(meanDX);
        for (c = 0; c < whole; c += Vector256<float>.Count)
        {
            var xhat = (Vector256.Load(x + c) - vmean) * vrstd;
            var dxhat = Vector256.Load(d + c) * Vector256.Load(w + c);
            (Vector256.Load(dx + c) + vrstd * (dxhat - vmeanD - xhat * vmeanDX)).Store(dx + c);
        }
        for (int i = c; i < C; i++)
        {
            float xhat = (x[i] - mean) * rstd, dxhat = d[i] * w[i];
            dx[i] += rstd * (dxhat - meanD - xhat * meanDX);
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
                for (int n = (int)((long)N * g / groups), end = (int)((long)N * (g + 1) / groups); n < end; n++)
                    RmsNormBackwardRow(dinput + (long)n * C, dwParts + g * C, dout + (long)n * C,
                        input + (long)n * C, weight, rstd[n], C);
            });
            AddGroups(dweight, dwParts, groups, C);
        }
    }

    /// <summary>One row of RMSNorm's backward in two passes, as LayerNormBackwardRow: dw += d·x·s and the row's
    /// Σ d·w·x, then dx += s·d·w − x·s³·mean(d·w·x).</summary>
    static void RmsNormBackwardRow(float* dx, float* dw, float* d, float* x, float* w, float s, int C)
    {
        int c = 0, whole = C / Vector256<float>.Count * Vector256<float>.Count;
        Vector256<float> vs = Vector256.Create(s), dots = default;
        for (; c < whole; c += Vector256<float>.Count)
        {
            var dc = Vector256.Load(d + c);
            var xc = Vector256.Load(x + c);
            (Vector256.Load(dw + c) + dc * (xc * vs)).Store(dw + c);
            dots += dc * Vector256.Load(w + c) * xc;
        }
        float dot = Vector256.Sum(dots);
        for (int i = c; i < C; i++)
        {
            dw[i] += d[i] * (x[i] * s);
            dot += d[i] * w[i] * x[i];
        }
        float k = s * s * s * (dot / C);
        Vector256<float> vk = Vector256.Create(k);
        for (c = 0; c < whole; c += Vector256<float>.Count)
        {
            var xc = Vector256.Load(x + c);
            (Vector256.Load(dx + c) + (vs * (Vector256.Load(d + c) * Vector256.Load(w + c)) - xc * vk)).Store(dx + c);
        }
        for (int i = c; i < C; i++) dx[i] += s * (d[i] * w[i]) - x[i] * k;
    }
}
