// `lab-config:LAB/current`: the lab's config when it first started (an artifact), the hash of what may not
// change on resume, and what compute utilization divides by.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record LabConfigRecord : LabRecord
{
    public const string Type = "lab-config";

    /// <summary>SHA-256 of the canonical config without its budgets.</summary>
    public string Sha256 { get; init; } = "";
    public string Researcher { get; init; } = "";
    /// <summary>The budgets as compact JSON.</summary>
    public string Budgets { get; init; } = "";
    public int Cores { get; init; }
    public int ThreadsPerWorker { get; init; }
    public string? Digest { get; init; }

    public static LabConfigRecord From(JsonObject attributes) => RecordJson.Read<LabConfigRecord>(attributes);
}
