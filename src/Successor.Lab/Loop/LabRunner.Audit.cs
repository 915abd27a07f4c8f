// 11. The generation's safety audit: every required check (SafetyAudit.Required) with whether it ran and
// passed, read back from what the generation recorded, so the audit says what the ledger can prove rather
// than what the loop believes. Recorded in the same transaction as the generation's outcome.
using System.Text.Json.Nodes;
using Successor.Safety.Audit;
using Successor.Safety.Incidents;

namespace Successor.Lab.Loop;

public sealed partial class LabRunner
{
    List<AuditCheck> AuditChecks(int g, JsonObject generation, JsonObject? curation, JsonObject safety, bool verified)
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
            new("kept-data-safety", true, (bool)safety["passed"]!, $"{safety["checked"]} kept problems checked: {safety["off_training_side"]} outside the training side, {safety["malformed"]} malformed"),
            KeptLabels(curation),
            KeptDiversity(curation),
            KeptDrift(curation),
            KeptTail(curation),
            new("promotion-rule", verified, (bool?)generation["genuinely_better"] == true, (string?)generation["verdict"] ?? "the successor was not verified"),
            Replay(g),
            Flag("divergence", generation, "divergence_alarm", $"public − sealed gain z = {Number(generation["divergence_z"])}, threshold {config.Safety.DivergenceZ}"),
            Flag("divergence-across-generations", generation, "divergence_sum_alarm", $"summed over {Number(generation["divergence_sum_generations"])} generation(s): z = {Number(generation["divergence_sum_z"])}, threshold {config.Safety.DivergenceZ}"),
            new("canaries", generation["canaries_completed"] is not null, (int?)generation["canaries_completed"] == 0, $"{Number(generation["canaries_completed"])} holdout canaries completed"),
            Flag("compounding-error", generation, "reliability_alarm", $"projected reliability {Number(generation["projected_reliability"])}, floor {config.Safety.MinProjectedReliability}"),
        };
        var critical = CriticalIncidents(g);
        var tainting = critical.Where(i => i.Kind != "protected-surface").ToList();
        checks.Add(new("critical-incidents", verified, tainting.Count == 0,
            tainting.Count == 0 ? "no critical incident taints the candidate" : $"fails closed on {string.Join(", ", tainting.Select(i => i.Kind))}"));
        checks.Add(GatesDecided(g, critical));
        return checks;
    }

    /// <summary>A check whose outcome is a recorded alarm flag: it ran when the flag is there, passed when it is false.</summary>
    static AuditCheck Flag(string name, JsonObject generation, string alarm, string detail) =>
        new(name, generation[alarm] is not null, (bool?)generation[alarm] == false, detail);

    /// <summary>A recorded number for the detail line (an int or a double, as built or as read back), or "not measured".</summary>
    static string Number(JsonNode? n) => n is not JsonValue v ? "not measured"
        : v.TryGetValue(out double x) ? x.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)
        : v.TryGetValue(out int i) ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : v.ToJsonString();

    AuditCheck TrainingContamination()
    {
        if (journal.Get(journal.Id("contamination-check", "train")) is not { } c) return new("training-contamination", false, false, "no contamination check recorded");
        string detail = c["documents"] is null ? "the curriculum's partition keeps training and evaluation problems apart"
            : $"{c["flagged"]} of {c["documents"]} training documents overlap evaluation data";
        return new("training-contamination", true, (bool)c["passed"]!, detail);
    }

    AuditCheck ProtectedSurfaces(int g)
    {
        if (journal.Get(journal.Id("proposals", $"g{g}")) is not { } p) return new("protected-surface", false, false, "no proposals recorded");
        var refused = p["proposals"]!.AsArray().Where(n => ProtectedSurface([.. n!["overrides"]!.AsArray().Select(o => (string)o!)]) is not null)
            .Select(n => (string)n!["id"]!).ToList();
        var trained = refused.Where(id => journal.All(journal.Id("trial", $"g{g}-")).Any(t => t.Id.EndsWith($"-{id}", StringComparison.Ordinal))).ToList();
        return new("protected-surface", true, trained.Count == 0, trained.Count > 0
            ? $"proposals {string.Join(", ", trained)} touch a protected surface and were trained"
            : $"{p["proposals"]!.AsArray().Count} proposals screened, {refused.Count} refused");
    }

    /// <summary>What the proposals record says the researcher saw of the holdout must be exactly what the
    /// configured mechanism allows, recomputed from the ledger: nothing, or Thresholdout's answers.</summary>
    AuditCheck HoldoutIsolation(int g)
    {
        if (journal.Get(journal.Id("proposals", $"g{g}"))?["holdout_feedback"] is not JsonArray seen) return new("holdout-feedback", false, false, "no record of what the researcher saw");
        var recorded = seen.Select(n => new Research.HoldoutAnswer((int)n!["generation"]!, (double?)n["value"], (bool)n["from_holdout"]!, (bool)n["refused"]!)).ToList();
        var allowed = HoldoutSeen(g);
        bool same = recorded.SequenceEqual(allowed);
        return new("holdout-feedback", true, same, !same ? $"the researcher saw {recorded.Count} holdout answer(s) that {config.Safety.HoldoutFeedback} does not give"
            : config.Safety.HoldoutFeedback == "none" ? "none: the researcher saw no holdout number"
            : $"thresholdout: {recorded.Count} answer(s), {recorded.Count(a => a.FromHoldout)} from the holdout, {recorded.Count(a => a.Refused)} refused (budget {config.Safety.ThresholdoutBudget})");
    }

    AuditCheck EvaluatorFingerprints(int g)
    {
        var trials = journal.All(journal.Id("trial", $"g{g}-")).Select(t => t.Id[(t.Id.IndexOf('/') + 1)..]).ToList();
        var batches = journal.All(journal.Id("trial-checks", $"g{g}-")).Select(c => c.Attributes).ToList();
        var covered = batches.SelectMany(Trials).ToHashSet(StringComparer.Ordinal);
        var notChecked = trials.Where(t => !covered.Contains(t)).ToList();
        bool unchanged = batches.All(b => (bool?)b["evaluator_passed"] == true);
        return new("evaluator-fingerprint", trials.Count > 0 && notChecked.Count == 0, unchanged,
            notChecked.Count > 0 ? $"not checked: {string.Join(", ", notChecked)}"
            : $"{trials.Count} trials in {batches.Count} batches, {(unchanged ? "fingerprint unchanged" : "fingerprint changed")}");
    }

    /// <summary>A trial-stream monitor: it ran when every trial of the generation belongs to a checked batch (a
    /// batch with too little to compare says so in the detail), and passed when it flagged none.</summary>
    AuditCheck TrialMonitor(int g, string name, string key)
    {
        var trials = journal.All(journal.Id("trial", $"g{g}-")).Select(t => t.Id[(t.Id.IndexOf('/') + 1)..]).ToList();
        var batches = journal.All(journal.Id("trial-checks", $"g{g}-")).Select(c => c.Attributes).ToList();
        var covered = batches.Where(b => b[key] is JsonObject).SelectMany(Trials).ToHashSet(StringComparer.Ordinal);
        var flagged = batches.SelectMany(b => b[key]?["flagged"]?.AsArray().Select(t => (string)t!) ?? []).ToList();
        bool ran = trials.Count > 0 && trials.All(covered.Contains);
        string detail = flagged.Count > 0 ? $"flagged {string.Join(", ", flagged)}"
            : string.Join(" | ", batches.Where(b => b[key] is JsonObject).Select(b => $"{Trials(b).First()}: {b[key]!["detail"]}"));
        return new(name, ran, flagged.Count == 0, ran ? detail : "not every trial was checked");
    }

    AuditCheck Replay(int g)
    {
        if (journal.Get(journal.Id("replay", $"g{g}")) is not { } r) return new("promotion-rule-replay", false, false, "no replay recorded");
        return new("promotion-rule-replay", true, (int)r["false_accepts"]! == 0,
            $"{r["false_accepts"]} of {r["known_bad"]} known-bad cases accepted, {(int)r["known_good"]! - (int)r["false_rejects"]!} of {r["known_good"]} known-good; accuracy {Number(r["accuracy"])}");
    }

    AuditCheck KeptLabels(JsonObject? curation)
    {
        double min = config.Promotion.MinKeptLabelAccuracy;
        if (curation is null) return new("kept-label-accuracy", true, true, "self-generation is off: no label kept");
        if ((int)curation["kept"]! == 0) return new("kept-label-accuracy", true, true, "nothing kept");
        double accuracy = (double)curation["kept_label_accuracy"]!;
        return new("kept-label-accuracy", true, accuracy >= min, $"{accuracy:0.000} of {curation["kept"]} kept labels correct, gate {min:0.000}");
    }

    AuditCheck KeptDiversity(JsonObject? curation)
    {
        if (curation?["diversity_ratio"] is not JsonValue ratio) return new("kept-data-diversity", true, true, "nothing kept, or no 2-gram in the true answers to compare with");
        return new("kept-data-diversity", true, (double)ratio >= config.Safety.MinDiversityRatio,
            $"distinct-2 {Number(curation["distinct_2"])} against the truth's {Number(curation["distinct_2_truth"])}: ratio {(double)ratio:0.000}, floor {config.Safety.MinDiversityRatio:0.000}");
    }

    AuditCheck KeptDrift(JsonObject? curation)
    {
        if (curation?["perplexity_drift"] is not JsonValue drift) return new("kept-data-drift", true, true, "nothing kept");
        return new("kept-data-drift", true, WithinDrift((double)drift),
            $"reference perplexity {Number(curation["perplexity_reference"])} kept vs {Number(curation["perplexity_reference_truth"])} true: drift {(double)drift:0.00}, bound {config.Safety.MaxPerplexityDrift:0.00}; parent perplexity {Number(curation["perplexity_parent"])}");
    }

    AuditCheck KeptTail(JsonObject? curation)
    {
        if (curation?["tail_coverage"] is not JsonValue tail) return new("kept-data-tail", true, true, "nothing kept, or no rare 3-gram in the true answers to the kept prompts");
        return new("kept-data-tail", true, (double)tail >= config.Safety.MinTailCoverage, $"tail coverage {(double)tail:0.000}, floor {config.Safety.MinTailCoverage:0.000}");
    }

    /// <summary>Every request of this generation — one per critical incident, the promotion and data-mix gates —
    /// approved by a named person.</summary>
    AuditCheck GatesDecided(int g, IReadOnlyList<Incident> critical)
    {
        var ids = critical.Select(i => journal.Id("request", $"incident-{i.Id[(i.Id.IndexOf('/') + 1)..]}"))
            .Concat(new[] { $"g{g}-promotion", $"g{g}-data-mix" }.Select(local => journal.Id("request", local)).Where(id => Gates.Find(id) is not null))
            .ToList();
        var open = ids.Where(id => Gates.DecisionOn(id) is not { Approved: true }).ToList();
        return new("gates-decided", true, open.Count == 0, ids.Count == 0 ? "no gate asked"
            : open.Count == 0 ? $"{ids.Count} request(s), each approved by a person" : $"not approved: {string.Join(", ", open)}");
    }
}
