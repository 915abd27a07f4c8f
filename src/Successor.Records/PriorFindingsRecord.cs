namespace Successor.Records;

/// <summary>`prior-findings:LAB/N`: the findings of an earlier lab named in research.memory_from, copied at this
/// lab's first start from that lab's ledger after it verified, with the size and head hash of the ledger they came
/// from. The researcher's memory begins with them; a resumed run reads this copy, not the earlier lab again.</summary>
public sealed record PriorFindingsRecord(string SourceLedger, string SourceLab, long SourceRecords, string SourceHead,
    IReadOnlyList<PriorFindingsRecord.Entry> Findings) : LabRecord<PriorFindingsRecord>
{
    public const string Type = "prior-findings";

    // A list absent from the ledger's attributes reads as empty.
    public IReadOnlyList<Entry> Findings { get; init; } = Findings ?? [];

    /// <summary>One finding as the earlier lab recorded it (its generation, proposal, overrides and paired
    /// effect).</summary>
    public sealed record Entry(int Generation, string Proposal, IReadOnlyList<string> Overrides, int Steps,
        double Score, double Effect, double Low, double High);
}
