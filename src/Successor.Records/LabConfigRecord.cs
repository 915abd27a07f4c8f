namespace Successor.Records;

/// <summary>`lab-config:LAB/current`: the lab's config when it first started (an artifact): the SHA-256 of the
/// canonical config without its budgets (what may not change on resume), the budgets as compact JSON, and
/// what compute utilization divides by: the cores and the threads a trial uses; and whether its workers run in
/// the operating-system sandbox ("on" or "off"; null in a ledger from before the sandbox).</summary>
public sealed record LabConfigRecord(string Sha256, string Researcher, string Budgets, int Cores, int ThreadsPerWorker,
    string? Digest = null, string? Sandbox = null) : LabRecord<LabConfigRecord>
{
    public const string Type = "lab-config";
}
