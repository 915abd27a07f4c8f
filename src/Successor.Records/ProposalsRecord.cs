namespace Successor.Records;

/// <summary>`proposals:LAB/gN`: the researcher's proposals and exactly what it was shown of the sealed
/// holdout, so a resumed run uses the same proposals and the audit can recompute what was allowed.</summary>
public sealed record ProposalsRecord(int Generation, string Researcher,
    IReadOnlyList<ProposalsRecord.HoldoutFeedbackEntry> HoldoutFeedback,
    IReadOnlyList<ProposalsRecord.ProposalEntry> Proposals)
    : LabRecord<ProposalsRecord>
{
    public const string Type = "proposals";

    // A list absent from the ledger's attributes reads as empty.
    public IReadOnlyList<HoldoutFeedbackEntry> HoldoutFeedback { get; init; } = HoldoutFeedback ?? [];
    public IReadOnlyList<ProposalEntry> Proposals { get; init; } = Proposals ?? [];

    /// <summary>One holdout answer the researcher saw (Thresholdout), or a refusal.</summary>
    public sealed record HoldoutFeedbackEntry(int Generation, double? Value, bool FromHoldout, bool Refused);

    /// <summary>One proposed change: recipe overrides, the weakness it targets and why.</summary>
    public sealed record ProposalEntry(string Id, IReadOnlyList<string> Overrides, string Targets, string Rationale)
    {
        /// <summary>Its plug-ins, each source an artifact; absent (null) for a proposal without any, so the records
        /// of labs without plug-ins stay as they were.</summary>
        public IReadOnlyList<PluginEntry>? Plugins { get; init; }
    }

    /// <summary>A plug-in of a proposal: its extension point and the digest of its source in the artifact
    /// store.</summary>
    public sealed record PluginEntry(string Point, string Source);
}
