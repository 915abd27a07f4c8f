// `selection:LAB/gN`: the change re-run with several seeds, whether it was adopted and why.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record SelectionRecord : LabRecord
{
    public const string Type = "selection";

    public int Generation { get; init; }
    public IReadOnlyList<string> Candidate { get; init; } = [];
    /// <summary>The adopted overrides: the candidate when adopted, else empty.</summary>
    public IReadOnlyList<string> Adopted { get; init; } = [];
    public double? Effect { get; init; }
    public double? Low { get; init; }
    public double? High { get; init; }
    public int Seeds { get; init; }
    public IReadOnlyList<string> ReusedTrials { get; init; } = [];
    public IReadOnlyList<FinalistEntry> Finalists { get; init; } = [];
    public string Reason { get; init; } = "";

    public static SelectionRecord From(JsonObject attributes) => RecordJson.Read<SelectionRecord>(attributes);

    /// <summary>One raced finalist: its effect over all seeds and over the fresh seeds alone.</summary>
    public sealed record FinalistEntry(string Proposal, string Arm, IReadOnlyList<string> Candidate, double Effect, double Low, double High)
    {
        public double? FreshEffect { get; init; }
        public double? FreshLow { get; init; }
        public double? FreshHigh { get; init; }
    }
}
