namespace Successor.Lab.Stages;

/// <summary>Every replayed case's outcome, and the rule's error counts over them.</summary>
public sealed record ReplayResult(IReadOnlyList<ReplayOutcome> Outcomes)
{
    public int KnownBad => Outcomes.Count(o => !o.Case.ShouldAccept);
    public int FalseAccepts => Outcomes.Count(o => !o.Case.ShouldAccept && o.Accepted);
    public int KnownGood => Outcomes.Count(o => o.Case.ShouldAccept);
    public int FalseRejects => Outcomes.Count(o => o.Case.ShouldAccept && !o.Accepted);
    public double Accuracy => Outcomes.Count(o => o.Correct) / (double)Outcomes.Count;
    public double FalseAcceptRate => KnownBad == 0 ? 0 : FalseAccepts / (double)KnownBad;
}
