// Reference softmax cross-entropy over the vocabulary. Legend in IKernels.cs.
namespace Successor.Tensors.Reference;

public unsafe partial class ReferenceKernels
{
    public virtual void CrossEntropyForward(float* losses, float* logits, int* targets, int N, int V)
    {
        for (int n = 0; n < N; n++)
        {
            float* x = logits + (long)n * V;
            losses[n] = targets[n] < 0 ? 0f : LogSumExp(x, V) - x[targets[n]];
        }
    }

    public virtual void CrossEntropyForwardBackward(float* losses, float* dlogits, float* logits, int* targets,
        float scale, int N, int V)
    {
        for (int n = 0; n < N; n++)
        {
            float* x = logits + (long)n * V, d = dlogits + (long)n * V;
            int target = targets[n];
            if (target < 0)
            {
                losses[n] = 0f;
                for (int v = 0; v < V; v++) d[v] = 0f;
                continue;
            }
            float lse = LogSumExp(x, V);
            losses[n] = lse - x[target];
            for (int v = 0; v < V; v++) d[v] = (MathF.Exp(x[v] - lse) - (v == target ? 1f : 0f)) * scale;
        }
    }

    static float LogSumExp(float* x, int V)
    {
        float max = float.NegativeInfinity;
        for (int v = 0; v < V; v++) max = MathF.Max(max, x[v]);
        float sum = 0f;
        for (int v = 0; v < V; v++) sum += MathF.Exp(x[v] - max);
        return max + MathF.Log(sum);
    }
}
