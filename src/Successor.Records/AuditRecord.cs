namespace Successor.Records;

/// <summary>`audit:LAB/gN`: the generation's safety audit, every required check with whether it ran and
/// passed, and whether all of them did.</summary>
public sealed record AuditRecord(int Generation, bool Promoted, bool Complete,
    IReadOnlyList<AuditRecord.CheckEntry> Checks)
    : LabRecord<AuditRecord>
{
    public const string Type = "safety-audit";

    // A list absent from the ledger's attributes reads as empty.
    public IReadOnlyList<CheckEntry> Checks { get; init; } = Checks ?? [];

    /// <summary>One required check: whether it ran, whether it passed, and one line on what it saw.</summary>
    public sealed record CheckEntry(string Name, bool Ran, bool Passed, string Detail)
    {
        /// <summary>"passed", "failed", "did not run" or "not applicable" (a check with nothing to look at, which
        /// neither ran nor passed); null in records from before the state was kept.</summary>
        public string? State { get; init; }
    }
}
