namespace Successor.Records;

/// <summary>`finding:LAB/&lt;trial&gt;`: one change's paired effect against its control, with its 95% CI and
/// p-value; the lab's memory.</summary>
public sealed record FindingRecord(int Generation, string Proposal, string Trial, IReadOnlyList<string> Overrides,
    int Steps, double Score, double Effect, double Low, double High, double PValue) : LabRecord<FindingRecord>
{
    public const string Type = "finding";

    // A list absent from the ledger's attributes reads as empty.
    public IReadOnlyList<string> Overrides { get; init; } = Overrides ?? [];
}
