// `audit:LAB/gN`: the generation's safety audit, every required check with whether it ran and passed.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record AuditRecord : LabRecord
{
    public const string Type = "safety-audit";

    public int Generation { get; init; }
    public bool Promoted { get; init; }
    public bool Complete { get; init; }
    public IReadOnlyList<CheckEntry> Checks { get; init; } = [];

    public static AuditRecord From(JsonObject attributes) => RecordJson.Read<AuditRecord>(attributes);

    /// <summary>One required check: whether it ran, whether it passed, and one line on what it saw.</summary>
    public sealed record CheckEntry(string Name, bool Ran, bool Passed, string Detail);
}
