using Successor.Statistics;

namespace Successor.Lab.Stages;

/// <summary>Every replayed case's outcome, and the rule's error counts over them.</summary>
public sealed record ReplayResult(IReadOnlyList<ReplayOutcome> Outcomes)
{
    public int KnownBad => Outcomes.Count(o => !o.Case.ShouldAccept);
    public int FalseAccepts => Outcomes.Count(o => !o.Case.ShouldAccept && o.Accepted);
    public int KnownGood => Outcomes.Count(o => o.Case.ShouldAccept);
    public int FalseRejects => Outcomes.Count(o => o.Case.ShouldAccept && !o.Accepted);
    public double Accuracy => Outcomes.Count == 0 ? 0 : Outcomes.Count(o => o.Correct) / (double)Outcomes.Count;
    public double FalseAcceptRate => KnownBad == 0 ? 0 : FalseAccepts / (double)KnownBad;

    /// <summary>The one-sided Clopper–Pearson upper bound on the false-accept rate from these cases and the lab's
    /// earlier replays (the same rule and tolerance every generation, so their cases pool): what the
    /// compounded reliability takes, never the point estimate.</summary>
    public double FalseAcceptBound(int earlierKnownBad, int earlierFalseAccepts) =>
        ClopperPearson.Upper(earlierFalseAccepts + FalseAccepts, earlierKnownBad + KnownBad,
            PromotionReplay.Confidence);
}
