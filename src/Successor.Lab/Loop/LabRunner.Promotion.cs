// 10. Verification and promotion. The Verifier compares champion and successor on the sealed holdout;
// the successor is promoted only when it is genuinely better (the paired CI of its improvement excludes
// zero and no slice regresses beyond the tolerance) and every configured gate passes. Otherwise the
// champion stays, and the reason is recorded either way.
using System.Diagnostics;
using System.Text.Json.Nodes;
using Successor.Lab.Trials;
using Successor.Ledger.Statements;
using Successor.Ledger.Attestations;
using Successor.Safety.Audit;
using Successor.Training.Recipes;

namespace Successor.Lab.Loop;

public sealed partial class LabRunner
{
    Champion Verify(int g, Champion champion, TrialResult successor, Recipe recipe, List<string> selfGenerated,
        JsonObject? curation, JsonObject safety, DateTimeOffset started, Stopwatch genClock)
    {
        string id = journal.Id("generation", $"g{g}");
        var failed = new List<string>();
        JsonObject verdictAttributes = new();
        Champion next = champion;
        if (!successor.Ok) failed.Add($"the successor's training failed ({successor.Error})");
        else
        {
            using var championModel = Load(champion.CheckpointDigest);
            using var successorModel = ModelCheckpointLoad(ModelPath(g, successor.Id));
            var (verdict, score) = task.Compare(championModel, successorModel);
            var o = verdict.Overall;
            verdictAttributes = new JsonObject
            {
                ["improvement"] = o.Difference, ["improvement_low"] = o.Low, ["improvement_high"] = o.High, ["improvement_p_value"] = o.PValue,
                ["holdout_items"] = o.Items, ["genuinely_better"] = verdict.GenuinelyBetter, ["verdict"] = verdict.Reason,
                ["candidate_public_score"] = successor.Score,
            };
            foreach (var (k, v) in score.Attributes) verdictAttributes[k] = v?.DeepClone();
            if (!verdict.GenuinelyBetter) failed.Add($"not genuinely better on the sealed holdout: {verdict.Reason}");
            Watch(g, champion, championModel, successorModel, successor, o, verdictAttributes);
            if (curation is not null && (int)curation["kept"]! > 0 && (double)curation["kept_label_accuracy"]! < config.Promotion.MinKeptLabelAccuracy)
                failed.Add($"kept-label accuracy {(double)curation["kept_label_accuracy"]!:0.000} is below the gate's {config.Promotion.MinKeptLabelAccuracy:0.000}");
            if (!(bool)safety["passed"]!) failed.Add("the safety check of the kept data failed");
            // A refused proposal never ran, so it taints nothing; every other critical incident does.
            foreach (var incident in CriticalIncidents(g).Where(i => i.Kind != "protected-surface")) failed.Add($"fail closed: {incident.Kind} incident {incident.Id}");
            if (failed.Count == 0 && config.Gates.Promotion)
            {
                var decision = Await(g, $"g{g}-promotion", "promotion", $"promote generation {g}'s successor ({score.Text}; improvement {Signed.S(o.Difference, 4)} [95% CI {Signed.S(o.Low, 4)}, {Signed.S(o.High, 4)}])");
                if (!decision.Approved) failed.Add($"rejected by {decision.By}: {decision.Reason}");
                else verdictAttributes["approved_by"] = decision.By;
            }
            double mixChange = Math.Abs(recipe.SelfGeneratedFraction - champion.Recipe.SelfGeneratedFraction);
            if (failed.Count == 0 && mixChange > config.Gates.DataMixChange)
            {
                var decision = Await(g, $"g{g}-data-mix", "data-mix-change", $"the self-generated share moves by {mixChange:0.00} ({champion.Recipe.SelfGeneratedFraction:0.00} → {recipe.SelfGeneratedFraction:0.00}), beyond gates.data_mix_change {config.Gates.DataMixChange:0.00}");
                if (!decision.Approved) failed.Add($"data-mix change rejected by {decision.By}: {decision.Reason}");
            }
            report(new(g, "verify", $"successor: {score.Text}; improvement over the champion {Signed.S(o.Difference, 4)} [95% CI {Signed.S(o.Low, 4)}, {Signed.S(o.High, 4)}] ({(task.Metric == "accuracy" ? "accuracy" : "bits per byte saved")})"));
        }
        bool promoted = failed.Count == 0;
        string reason = promoted ? $"promoted: {verdictAttributes["verdict"]}" : string.Join("; ", failed);
        var relations = new List<ProvStatement>();
        if (promoted)
        {
            string digest = journal.Artifacts.PutFile(ModelPath(g, successor.Id));
            next = new Champion(g, digest, recipe with { Steps = champion.Recipe.Steps, Seed = champion.Recipe.Seed }, selfGenerated, Frontier(champion, curation));
            relations.Add(ProvStatement.Artifact(next.Id, "checkpoint", digest, new JsonObject { ["lab"] = journal.Lab, ["generation"] = g }));
            relations.Add(ProvStatement.WasGeneratedBy(next.Id, journal.Id("trial", successor.Id)));
            relations.Add(ProvStatement.WasDerivedFrom(next.Id, champion.Id));
        }
        var attributes = next.ToAttributes();
        foreach (var (k, v) in verdictAttributes) attributes[k] = v?.DeepClone();
        attributes["generation"] = g;
        attributes["promoted"] = promoted;
        attributes["reason"] = reason;
        attributes["kept_label_accuracy"] = curation?["kept_label_accuracy"]?.DeepClone();
        attributes["kept"] = curation?["kept"]?.DeepClone();
        attributes["perplexity_drift"] = curation?["perplexity_drift"]?.DeepClone();
        attributes["tail_coverage"] = curation?["tail_coverage"]?.DeepClone();
        attributes["tokens"] = TokensUsed($"g{g}-");
        attributes["seconds"] = genClock.Elapsed.TotalSeconds;
        var audit = AuditChecks(g, attributes, curation, safety, successor.Ok);
        relations.Add(SafetyAudit.Statement(journal.Lab, g, promoted, audit));
        journal.Record(ProvStatement.Activity(id, "generation", attributes), [.. relations]);
        var gaps = SafetyAudit.Gaps(audit);
        report(new(g, "audit", gaps.Count == 0 ? $"all {SafetyAudit.Required.Count} required safety checks ran and passed"
            : $"{SafetyAudit.Required.Count - gaps.Count} of {SafetyAudit.Required.Count} required safety checks ran and passed; {string.Join("; ", gaps)}"));
        if (promoted)
        {
            var statement = new InTotoStatement($"successor-g{g}", next.CheckpointDigest, $"successor-lab:{journal.Lab}", id,
                [new ResolvedDependency("parent", champion.CheckpointDigest), .. selfGenerated.Select((d, i) => new ResolvedDependency($"data:self-generated:{i}", d))],
                started, DateTimeOffset.UtcNow);
            string approver = (string?)verdictAttributes["approved_by"] ?? LabJournal.PolicyAgent;
            PromotionRecorder.Record(journal.Ledger, journal.Artifacts, LabJournal.LoopAgent, next.Id, journal.Id("promotion", $"g{g}"), approver, statement);
        }
        report(new(g, promoted ? "promoted" : "rejected", reason));
        return next;
    }

    /// <summary>The successor's frontier: the hardest curated difficulty where at least a tenth of the
    /// problems were kept, or the champion's when none qualifies.</summary>
    static int Frontier(Champion champion, JsonObject? curation)
    {
        if (curation is null) return champion.Frontier;
        var difficulties = curation["difficulties"]!.AsArray().Select(n => (int)n!).ToList();
        var kept = curation["kept_per_difficulty"]!.AsArray().Select(n => (int)n!).ToList();
        int generated = (int)curation["generated"]! / Math.Max(1, difficulties.Count);
        int frontier = champion.Frontier;
        for (int i = 0; i < difficulties.Count; i++)
            if (kept[i] * 10 >= generated) frontier = Math.Max(frontier, difficulties[i]);
        return frontier;
    }

    Models.Gpt.GptModel ModelCheckpointLoad(string path) => Models.Checkpoints.ModelCheckpoint.Load(path, kernels).Model;
}
