// The exact (Clopper–Pearson 1934) one-sided upper confidence bound on a binomial rate: the largest rate p
// at which seeing `events` or fewer in `trials` still has probability at least 1 − confidence. With no
// events it is 1 − (1 − confidence)^(1/trials), about 3/trials at 95% (the rule of three): no number of
// clean trials makes the bound 0, and 0 events in 2 trials bounds the rate only at 0.78.
namespace Successor.Statistics;

public static class ClopperPearson
{
    /// <summary>The one-sided upper bound on the event rate at `confidence` (e.g. 0.95); 1 with no trials.</summary>
    public static double Upper(int events, int trials, double confidence = 0.95)
    {
        if (trials < 0 || events < 0 || events > trials)
            throw new ArgumentOutOfRangeException(nameof(events), events,
                $"{events} events in {trials} trials; need 0 ≤ events ≤ trials");
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be in (0, 1)");
        if (events == trials) return 1;
        return MathNet.Numerics.Distributions.Beta.InvCDF(events + 1, trials - events, confidence);
    }
}
