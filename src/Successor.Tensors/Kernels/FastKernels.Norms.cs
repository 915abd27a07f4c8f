// Fast LayerNorm and RMSNorm: rows in parallel for the input gradient, column blocks in parallel
// for the weight gradients (a fixed row order per column, whatever the thread count).
using System.Numerics.Tensors;
using Successor.Tensors.Reference;

namespace Successor.Tensors.Kernels;

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
            else TensorPrimitives.MultiplyAdd(xc, new ReadOnlySpan<float>(weight, C), new ReadOnlySpan<float>(bias, C), Row(output, n, C));
            mean[n] = m;
            rstd[n] = s;
        });

    public override void LayerNormBackward(float* dinput, float* dweight, float* dbias, float* dout, float* input,
        float* weight, float* mean, float* rstd, int N, int C)
    {
        Parallelism.For(N, n =>
        {
            Span<float> xhat = stackalloc float[C], dxhat = stackalloc float[C];
            TensorPrimitives.Subtract(Row(input, n, C), mean[n], xhat);
            TensorPrimitives.Multiply(xhat, rstd[n], xhat);
            TensorPrimitives.Multiply(Row(dout, n, C), new ReadOnlySpan<float>(weight, C), dxhat);
            float sumD = TensorPrimitives.Sum(dxhat) / C, sumDX = TensorPrimitives.Dot(dxhat, xhat) / C;
            // dx += rstd * (dxhat - sumD - xhat * sumDX)
            TensorPrimitives.Subtract(dxhat, sumD, dxhat);
            TensorPrimitives.MultiplyAdd(xhat, -sumDX, dxhat, dxhat);
            TensorPrimitives.MultiplyAdd(dxhat, rstd[n], Row(dinput, n, C), Row(dinput, n, C));
        });
        Parallelism.For((C + ColumnBlock - 1) / ColumnBlock, j =>
        {
            int c0 = j * ColumnBlock, width = Math.Min(ColumnBlock, C - c0);
            Span<float> xhat = stackalloc float[width];
            var dw = new Span<float>(dweight + c0, width);
            for (int n = 0; n < N; n++)
            {
                var d = new ReadOnlySpan<float>(dout + (long)n * C + c0, width);
                TensorPrimitives.Subtract(new ReadOnlySpan<float>(input + (long)n * C + c0, width), mean[n], xhat);
                TensorPrimitives.Multiply(xhat, rstd[n], xhat);
                TensorPrimitives.MultiplyAdd(d, xhat, dw, dw);
                if (dbias != null) TensorPrimitives.Add(new ReadOnlySpan<float>(dbias + c0, width), d, new Span<float>(dbias + c0, width));
            }
        });
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
        Parallelism.For(N, n =>
        {
            Span<float> dxhat = stackalloc float[C];
            var x = Row(input, n, C);
            float s = rstd[n];
            TensorPrimitives.Multiply(Row(dout, n, C), new ReadOnlySpan<float>(weight, C), dxhat);
            float dot = TensorPrimitives.Dot(dxhat, x) / C;
            // dx += s * dxhat - x * s^3 * dot
            TensorPrimitives.Multiply(dxhat, s, dxhat);
            TensorPrimitives.MultiplyAdd(x, -s * s * s * dot, dxhat, dxhat);
            TensorPrimitives.Add(Row(dinput, n, C), dxhat, Row(dinput, n, C));
        });
        Parallelism.For((C + ColumnBlock - 1) / ColumnBlock, j =>
        {
            int c0 = j * ColumnBlock, width = Math.Min(ColumnBlock, C - c0);
            Span<float> xs = stackalloc float[width];
            var dw = new Span<float>(dweight + c0, width);
            for (int n = 0; n < N; n++)
            {
                TensorPrimitives.Multiply(new ReadOnlySpan<float>(input + (long)n * C + c0, width), rstd[n], xs);
                TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(dout + (long)n * C + c0, width), xs, dw, dw);
            }
        });
    }
}
