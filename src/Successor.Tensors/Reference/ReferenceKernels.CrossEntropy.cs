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

    public virtual void DistillationForwardBackward(float* losses, float* dlogits, float* logits,
        float* teacher, int* targets,
        float weight, float scale, int N, int V)
    {
        for (int n = 0; n < N; n++)
        {
            float* x = logits + (long)n * V, t = teacher + (long)n * V, d = dlogits + (long)n * V;
            int target = targets[n];
            if (target < 0)
            {
                losses[n] = 0f;
                for (int v = 0; v < V; v++) d[v] = 0f;
                continue;
            }
            float lse = LogSumExp(x, V), lseT = LogSumExp(t, V);
            float kl = 0f;
            for (int v = 0; v < V; v++)
            {
                float logP = t[v] - lseT;
                kl += MathF.Exp(logP) * (logP - (x[v] - lse));
            }
            losses[n] = (1 - weight) * (lse - x[target]) + weight * kl;
            for (int v = 0; v < V; v++)
                d[v] = (MathF.Exp(x[v] - lse) - (1 - weight) * (v == target ? 1f : 0f) - weight
                    * MathF.Exp(t[v] - lseT)) * scale;
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
