// Stage 9, the audit: every required check of the generation (SafetyAudit.Required) with whether it ran and
// passed, read back from what the generation recorded, so the audit says what the ledger can prove rather
// than what the loop believes. Recorded in the same transaction as the generation's outcome.
using Successor.Safety.Audit;
using Successor.Safety.Gates;
using Successor.Safety.Incidents;

namespace Successor.Lab.Stages;

sealed class Audit(LabContext lab)
{
    readonly LabJournal journal = lab.Journal;
    readonly Config.LabConfig config = lab.Config;

    public List<AuditCheck> Run(int g, GenerationRecord generation, CurationRecord? curation,
        KeptDataCheckRecord safety, bool verified)
    {
        var checks = new List<AuditCheck>
        {
            TrainingContamination(),
            ProtectedSurfaces(g),
            HoldoutIsolation(g),
            EvaluatorFingerprints(g),
            TrialMonitor(g, "trial-outliers", "outliers"),
            TrialMonitor(g, "loss-change-points", "change_points"),
            TrialMonitor(g, "throughput", "throughput"),
            KeptSafety(safety),
            KeptLabels(curation),
            KeptDiversity(curation),
            KeptDrift(curation),
            KeptTail(curation),
            new("promotion-rule", verified, generation.GenuinelyBetter == true,
                generation.Verdict ?? "the successor was not verified"),
            Replay(g),
            Divergence(generation),
            DivergenceAcross(generation),
            Canaries(generation),
            Flag("compounding-error", generation.ReliabilityAlarm,
                $"projected reliability {Number(generation.ProjectedReliability)}, " +
                    $"floor {config.Safety.MinProjectedReliability}"),
        };
        var critical = lab.CriticalIncidents(g);
        var tainting = critical.Where(i => i.Kind != PromotionPolicy.RefusedProposal).ToList();
        checks.Add(new("critical-incidents", verified, tainting.Count == 0,
            tainting.Count == 0 ? "no critical incident taints the candidate"
                : $"fails closed on {string.Join(", ", tainting.Select(i => i.Kind))}"));
        checks.Add(GatesDecided(g, critical));
        checks.Add(WorkerSandbox());
        return checks;
    }

    static AuditCheck KeptSafety(KeptDataCheckRecord safety) => safety.Checked == 0
        ? AuditCheck.NotApplicable("kept-data-safety", "nothing kept: no self-generated problem to check")
        : new("kept-data-safety", true, safety.Passed,
            $"{safety.Checked} kept problems checked: {safety.OffTrainingSide} outside the "
            + $"training side, {safety.Malformed} malformed");

    const string NoSharedSlice = "public validation and the sealed holdout share no slice";

    /// <summary>Public against sealed gain on the slices both sides hold; none shared, nothing to compare.</summary>
    AuditCheck Divergence(GenerationRecord generation) =>
        generation.DivergenceScope == ComparableGains.NoSharedSlice
            ? AuditCheck.NotApplicable("divergence", NoSharedSlice)
            : Flag("divergence", generation.DivergenceAlarm, $"public − sealed gain z = "
                + $"{Number(generation.DivergenceZ)}, threshold {config.Safety.DivergenceZ}"
                + (generation.DivergenceScope is { } scope and not ComparableGains.WholeSets ? $" on {scope}" : ""));

    /// <summary>With no shared slice there is no gap to sum; with no earlier promotion the sum is the candidate's
    /// own gap, which `divergence` judges: nothing more to check.</summary>
    AuditCheck DivergenceAcross(GenerationRecord generation) =>
        generation.DivergenceScope == ComparableGains.NoSharedSlice
            ? AuditCheck.NotApplicable("divergence-across-generations", NoSharedSlice)
        : generation.DivergenceSumGenerations == 1
            ? AuditCheck.NotApplicable("divergence-across-generations",
                "no earlier promotion: the sum is this candidate's own gap, judged by divergence")
        : Flag("divergence-across-generations", generation.DivergenceSumAlarm, $"summed over "
            + $"{Number(generation.DivergenceSumGenerations)} generation(s): "
            + $"z = {Number(generation.DivergenceSumZ)}, "
            + $"threshold {config.Safety.DivergenceZ}");

    /// <summary>Ran when the successor was asked to complete the planted canaries; with none planted (a text split
    /// made with --canaries 0) there was nothing to look for, which is not a pass.</summary>
    static AuditCheck Canaries(GenerationRecord generation) => generation.CanariesPlanted == 0
        ? AuditCheck.NotApplicable("canaries", "no canary was planted in the holdout")
        : new("canaries", generation.CanariesCompleted is not null, generation.CanariesCompleted == 0,
            $"{Number(generation.CanariesCompleted)} of {Number(generation.CanariesPlanted)} holdout canaries "
            + "completed");

    /// <summary>A check whose outcome is a recorded alarm flag: it ran when the flag is there, passed when it is
    /// false.</summary>
    static AuditCheck Flag(string name, bool? alarm, string detail) =>
        new(name, alarm is not null, alarm == false, detail);

    /// <summary>A recorded number for the detail line, or "not measured".</summary>
    static string Number(double? n) =>
        n is { } x ? x.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "not measured";

    AuditCheck TrainingContamination()
    {
        if (journal.Get(journal.Id("contamination-check", "train")) is not { } a)
            return new("training-contamination", false, false, "no contamination check recorded");
        var c = ContaminationCheckRecord.From(a);
        if (c.Documents is null)
            return AuditCheck.NotApplicable("training-contamination",
                "no training text to scan: the curriculum's partition keeps training and evaluation problems apart");
        string detail = c.SealedFlagged is { } sealedSide
            ? $"{sealedSide} of {c.Documents} training documents overlap the sealed holdout (any is refused), "
                + $"{c.ValidationFlagged} public validation (at most {Number(c.ValidationThreshold * c.Documents)})"
            : $"{c.Flagged} of {c.Documents} training documents overlap evaluation data";
        return new("training-contamination", true, c.Passed, detail);
    }

    AuditCheck ProtectedSurfaces(int g)
    {
        if (journal.Get(journal.Id("proposals", $"g{g}")) is not { } a)
            return new("protected-surface", false, false, "no proposals recorded");
        var p = ProposalsRecord.From(a);
        var refused =
            p.Proposals.Where(n => ProtectedSurface.Touched(n.Overrides) is not null).Select(n => n.Id).ToList();
        var trained = refused.Where(id => journal.All(journal.Id("trial", $"g{g}-"))
            .Any(t => t.Id.EndsWith($"-{id}", StringComparison.Ordinal))).ToList();
        return new("protected-surface", true, trained.Count == 0, trained.Count > 0
            ? $"proposals {string.Join(", ", trained)} touch a protected surface and were trained"
            : $"{p.Proposals.Count} proposals screened, {refused.Count} refused");
    }

    /// <summary>What the proposals record says the researcher saw of the holdout must be exactly what the
    /// configured mechanism allows, recomputed from the ledger: nothing, or Thresholdout's answers.</summary>
    AuditCheck HoldoutIsolation(int g)
    {
        if (journal.Get(journal.Id("proposals", $"g{g}")) is not { } a)
            return new("holdout-feedback", false, false, "no record of what the researcher saw");
        var recorded = ProposalsRecord.From(a).HoldoutFeedback.Select(n =>
            new Research.HoldoutAnswer(n.Generation, n.Value, n.FromHoldout, n.Refused)).ToList();
        var allowed = new Proposals(lab).HoldoutSeen(g);
        bool same = recorded.SequenceEqual(allowed);
        return new("holdout-feedback", true, same, !same ? $"the researcher saw {recorded.Count} holdout answer(s) " +
            $"that {config.Safety.HoldoutFeedback} does not give"
            : config.Safety.HoldoutFeedback == "none" ? "none: the researcher saw no holdout number"
            : $"thresholdout: {recorded.Count} answer(s), {recorded.Count(a => a.FromHoldout)} from the holdout, " +
                $"{recorded.Count(a => a.Refused)} refused (budget {config.Safety.ThresholdoutBudget})");
    }

    AuditCheck EvaluatorFingerprints(int g)
    {
        var trials = journal.All(journal.Id("trial", $"g{g}-")).Select(t => t.Id[(t.Id.IndexOf('/') + 1)..]).ToList();
        var batches = Batches(g);
        var covered = batches.SelectMany(b => b.Trials).ToHashSet(StringComparer.Ordinal);
        var notChecked = trials.Where(t => !covered.Contains(t)).ToList();
        bool unchanged = batches.All(b => b.EvaluatorPassed);
        return new("evaluator-fingerprint", trials.Count > 0 && notChecked.Count == 0, unchanged,
            notChecked.Count > 0 ? $"not checked: {string.Join(", ", notChecked)}"
            : $"{trials.Count} trials in {batches.Count} batches, " +
                $"{(unchanged ? "fingerprint unchanged" : "fingerprint changed")}");
    }

    /// <summary>A trial-stream monitor: it ran when every trial of the generation belongs to a checked batch, and
    /// passed when it flagged none; when no batch gave it anything to compare, it did not apply.</summary>
    AuditCheck TrialMonitor(int g, string name, string key)
    {
        var trials = journal.All(journal.Id("trial", $"g{g}-")).Select(t => t.Id[(t.Id.IndexOf('/') + 1)..]).ToList();
        var batches = Batches(g);
        var covered =
            batches.Where(b => b.Monitor(key) is not null).SelectMany(b => b.Trials).ToHashSet(StringComparer.Ordinal);
        var flagged = batches.SelectMany(b => b.Monitor(key)?.Flagged ?? []).ToList();
        bool ran = trials.Count > 0 && trials.All(covered.Contains);
        string detail = flagged.Count > 0 ? $"flagged {string.Join(", ", flagged)}"
            : string.Join(" | ",
                batches.Where(b => b.Monitor(key) is not null).Select(b => $"{b.Trials[0]}: {b.Monitor(key)!.Detail}"));
        if (ran && batches.Where(b => b.Monitor(key) is not null).All(b => b.Monitor(key)!.Compared == false))
            return AuditCheck.NotApplicable(name, $"nothing to compare in any batch: {detail}");
        return new(name, ran, flagged.Count == 0, ran ? detail : "not every trial was checked");
    }

    AuditCheck Replay(int g)
    {
        if (journal.Get(journal.Id("replay", $"g{g}")) is not { } a)
            return new("promotion-rule-replay", false, false, "no replay recorded");
        var r = ReplayRecord.From(a);
        string kinds = string.Join(", ", r.Cases.Where(c => !c.ShouldAccept)
            .Select(c => $"{c.Case} {c.AcceptedCount ?? (c.Accepted ? 1 : 0)}/{c.Count ?? 1}"));
        return new("promotion-rule-replay", true, r.FalseAccepts == 0,
            $"{r.FalseAccepts} of {r.KnownBad} known-bad cases accepted ({kinds}), "
            + $"{r.KnownGood - r.FalseRejects} of {r.KnownGood} known-good; accuracy {Number(r.Accuracy)}; "
            + $"false-accept rate at most {Number(r.FalseAcceptBound)} over {Number(r.PooledKnownBad)} pooled cases");
    }

    AuditCheck KeptLabels(CurationRecord? curation)
    {
        double min = config.Promotion.MinKeptLabelAccuracy;
        if (curation is null)
            return AuditCheck.NotApplicable("kept-label-accuracy", "self-generation is off: no label kept");
        if (curation.Kept == 0) return AuditCheck.NotApplicable("kept-label-accuracy", "nothing kept");
        double accuracy = curation.KeptLabelAccuracy;
        return new("kept-label-accuracy", true, accuracy >= min,
            $"{accuracy:0.000} of {curation.Kept} kept labels correct, gate {min:0.000}");
    }

    AuditCheck KeptDiversity(CurationRecord? curation)
    {
        if (curation?.DiversityRatio is not { } ratio)
            return AuditCheck.NotApplicable("kept-data-diversity",
                "nothing kept, or no 2-gram in the true answers to compare with");
        return new("kept-data-diversity", true, ratio >= config.Safety.MinDiversityRatio,
            $"distinct-2 {Number(curation.Distinct2)} "
            + $"against the truth's {Number(curation.Distinct2Truth)}: ratio {ratio:0.000}, "
            + $"floor {config.Safety.MinDiversityRatio:0.000}");
    }

    AuditCheck KeptDrift(CurationRecord? curation)
    {
        if (curation?.PerplexityDrift is not { } drift)
            return AuditCheck.NotApplicable("kept-data-drift", "nothing kept");
        return new("kept-data-drift", true, config.Safety.WithinDrift(drift), $"reference perplexity "
            + $"{Number(curation.PerplexityReference)} kept vs {Number(curation.PerplexityReferenceTruth)} true: "
            + $"drift {drift:0.00}, "
            + $"bound {config.Safety.MaxPerplexityDrift:0.00}; parent perplexity {Number(curation.PerplexityParent)}");
    }

    AuditCheck KeptTail(CurationRecord? curation)
    {
        if (curation?.TailCoverage is not { } tail)
            return AuditCheck.NotApplicable("kept-data-tail",
                "nothing kept, or no rare 3-gram in the true answers to the kept prompts");
        return new("kept-data-tail", true, tail >= config.Safety.MinTailCoverage,
            $"tail coverage {tail:0.000}, floor {config.Safety.MinTailCoverage:0.000}");
    }

    /// <summary>Every request of this generation — one per critical incident, the promotion and data-mix gates —
    /// approved by a named person.</summary>
    AuditCheck GatesDecided(int g, IReadOnlyList<Incident> critical)
    {
        var requests = lab.Approvals(g).Requests(g, critical);
        var open = requests.Where(r => !r.Approved).Select(r => r.Id).ToList();
        if (requests.Count == 0) return AuditCheck.NotApplicable("gates-decided", "no gate asked");
        return new("gates-decided", true, open.Count == 0,
            open.Count == 0 ? $"{requests.Count} request(s), each approved by a person"
                : $"not approved: {string.Join(", ", open)}");
    }

    /// <summary>The sandbox the lab recorded when it started (it cannot change while the lab lives).</summary>
    AuditCheck WorkerSandbox()
    {
        string? mode = journal.Get(journal.Id("lab-config", "current")) is { } a ? LabConfigRecord.From(a).Sandbox
            : null;
        return mode switch
        {
            "on" => new("worker-sandbox", true, true, "every worker ran in the bubblewrap sandbox"),
            "off" => new("worker-sandbox", true, false,
                "lab.json says \"sandbox\": \"off\": workers ran as plain processes of the lab's user"),
            _ => new("worker-sandbox", false, false, "the lab recorded no sandbox setting"),
        };
    }

    List<TrialChecksRecord> Batches(int g) =>
        [.. journal.All(journal.Id("trial-checks", $"g{g}-")).Select(c => TrialChecksRecord.From(c.Attributes))];
}
