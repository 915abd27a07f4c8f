// `proposals:LAB/gN`: the researcher's proposals and exactly what it was shown of the sealed holdout, so
// a resumed run uses the same proposals and the audit can recompute what was allowed.
using System.Text.Json.Nodes;

namespace Successor.Records;

public sealed record ProposalsRecord : LabRecord
{
    public const string Type = "proposals";

    public int Generation { get; init; }
    public string Researcher { get; init; } = "";
    public IReadOnlyList<HoldoutFeedbackEntry> HoldoutFeedback { get; init; } = [];
    public IReadOnlyList<ProposalEntry> Proposals { get; init; } = [];

    public static ProposalsRecord From(JsonObject attributes) => RecordJson.Read<ProposalsRecord>(attributes);

    /// <summary>One holdout answer the researcher saw (Thresholdout), or a refusal.</summary>
    public sealed record HoldoutFeedbackEntry(int Generation, double? Value, bool FromHoldout, bool Refused);

    /// <summary>One proposed change: recipe overrides, the weakness it targets and why.</summary>
    public sealed record ProposalEntry(string Id, IReadOnlyList<string> Overrides, string Targets, string Rationale);
}
