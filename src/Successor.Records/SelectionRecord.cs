namespace Successor.Records;

/// <summary>`selection:LAB/gN`: the change re-run with several seeds, the overrides adopted (the candidate,
/// or none), its effect with a 95% CI, the last rung's trials reused as seed 0, each raced finalist, and
/// why.</summary>
public sealed record SelectionRecord(int Generation, IReadOnlyList<string> Candidate, IReadOnlyList<string> Adopted,
    double? Effect, double? Low, double? High, int Seeds, IReadOnlyList<string> ReusedTrials,
    IReadOnlyList<SelectionRecord.FinalistEntry> Finalists, string Reason) : LabRecord<SelectionRecord>
{
    public const string Type = "selection";

    // A list absent from the ledger's attributes reads as empty.
    public IReadOnlyList<string> Candidate { get; init; } = Candidate ?? [];
    public IReadOnlyList<string> Adopted { get; init; } = Adopted ?? [];
    public IReadOnlyList<string> ReusedTrials { get; init; } = ReusedTrials ?? [];
    public IReadOnlyList<FinalistEntry> Finalists { get; init; } = Finalists ?? [];

    /// <summary>One raced finalist: its effect over all seeds and over the fresh seeds alone.</summary>
    public sealed record FinalistEntry(string Proposal, string Arm, IReadOnlyList<string> Candidate, double Effect,
        double Low, double High)
    {
        public double? FreshEffect { get; init; }
        public double? FreshLow { get; init; }
        public double? FreshHigh { get; init; }
    }
}
