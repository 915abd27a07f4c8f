// The promotion rule, as one pure function of its evidence: a successor is promoted only when its training
// ran, the Verifier found it genuinely better on the sealed holdout, its kept labels meet the gate, its kept
// data passed the safety check, no critical incident taints it (a refused proposal never ran, so it taints
// nothing) and, when they apply, the people at the promotion and data-mix gates approved. The gates are
// asked only of a successor every automatic check accepts, and data-mix only after promotion's approval. Under
// the adopt-every-successor ablation the Verifier's verdict is recorded in the reason but decides nothing.
namespace Successor.Lab.Stages;

public static class PromotionPolicy
{
    /// <summary>The incident kind that never taints a candidate: a refused proposal never trained.</summary>
    public const string RefusedProposal = "protected-surface";

    public static PromotionDecision Decide(PromotionEvidence e)
    {
        var failed = new List<string>();
        if (e.TrainingError is { } error) failed.Add($"the successor's training failed ({error})");
        else
        {
            if (!e.GenuinelyBetter && !e.AdoptWithoutJudge)
                failed.Add($"not genuinely better on the sealed holdout: {e.Verdict}");
            if (e.Kept > 0 && e.KeptLabelAccuracy < e.MinKeptLabelAccuracy)
                failed.Add($"kept-label accuracy {e.KeptLabelAccuracy:0.000} is below the gate's " +
                    $"{e.MinKeptLabelAccuracy:0.000}");
            if (!e.KeptDataSafe) failed.Add("the safety check of the kept data failed");
            foreach (var (kind, id) in e.CriticalIncidents.Where(i => i.Kind != RefusedProposal))
                failed.Add($"fail closed: {kind} incident {id}");
        }
        bool checks = failed.Count == 0;
        if (checks && e.PromotionDecision is { Approved: false } no) failed.Add($"rejected by {no.By}: {no.Reason}");
        if (failed.Count == 0 && e.DataMixDecision is { Approved: false } mix)
            failed.Add($"data-mix change rejected by {mix.By}: {mix.Reason}");
        bool promoted = failed.Count == 0;
        string? approvedBy = checks && e.PromotionDecision is { Approved: true } yes ? yes.By : null;
        string reason = !promoted ? string.Join("; ", failed)
            : e.AdoptWithoutJudge ? $"{GenerationRecord.AdoptedReason} (promotion.adopt_every_successor), " +
                $"which found it {(e.GenuinelyBetter ? "" : "not ")}genuinely better: {e.Verdict}"
            : $"promoted: {e.Verdict}";
        return new(promoted, failed, reason, approvedBy) { PassesChecks = checks };
    }
}
