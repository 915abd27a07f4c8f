// `replay:LAB/gN`: the promotion rule run on known cases, to measure the rule itself.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record ReplayRecord : LabRecord
{
    public const string Type = "promotion-replay";

    public int Generation { get; init; }
    public IReadOnlyList<ReplayCase> Cases { get; init; } = [];
    public int KnownBad { get; init; }
    public int FalseAccepts { get; init; }
    public int KnownGood { get; init; }
    public int FalseRejects { get; init; }
    public double Accuracy { get; init; }
    public double FalseAcceptRate { get; init; }
    public double Seconds { get; init; }

    public static ReplayRecord From(JsonObject attributes) => RecordJson.Read<ReplayRecord>(attributes);

    /// <summary>One known case: whether the rule should accept it, whether it did, and its reason.</summary>
    public sealed record ReplayCase(string Case, bool ShouldAccept, bool Accepted, string Reason);
}
