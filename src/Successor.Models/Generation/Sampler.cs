// Draws the next token from logits: temperature scaling, then top-k, then top-p (Holtzman et al. 2020).
using Successor.Tensors;

namespace Successor.Models.Generation;

public static class Sampler
{
    public static int Next(ReadOnlySpan<float> logits, SamplingOptions options, Rng rng)
    {
        if (options.Temperature == 0f) return ArgMax(logits);
        // candidates by descending logit; ties broken by token id so the order is deterministic
        var order = new int[logits.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var values = logits.ToArray();
        Array.Sort(order, (a, b) => values[b].CompareTo(values[a]) is var c && c != 0 ? c : a.CompareTo(b));
        int keep = options.TopK > 0 ? Math.Min(options.TopK, order.Length) : order.Length;
        var probs = new double[keep];
        double max = values[order[0]], sum = 0;
        for (int i = 0; i < keep; i++) sum += probs[i] = Math.Exp((values[order[i]] - max) / options.Temperature);
        if (options.TopP < 1f)
        {
            double cumulative = 0;
            for (int i = 0; i < keep; i++)
            {
                cumulative += probs[i] / sum;
                if (cumulative >= options.TopP) { keep = i + 1; break; }
            }
            sum = 0;
            for (int i = 0; i < keep; i++) sum += probs[i];
        }
        double r = rng.NextDouble() * sum;
        for (int i = 0; i < keep; i++)
            if ((r -= probs[i]) < 0) return order[i];
        return order[keep - 1];
    }

    public static int ArgMax(ReadOnlySpan<float> logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++) if (logits[i] > logits[best]) best = i;
        return best;
    }
}
