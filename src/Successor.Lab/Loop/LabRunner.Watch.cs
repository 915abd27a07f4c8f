// Gaming and drift checks on a verified successor; alarms become incidents, and critical ones fail the
// candidate closed: public-vs-sealed divergence of this candidate and summed over the lineage it would
// join, canaries, the promotion rule's replay of known cases, and the automated checks' compounded
// reliability (kept-label accuracy and the rule's false-accept rate, generation by generation).
using System.Text.Json.Nodes;
using Successor.Evaluation.Statistics;
using Successor.Lab.Trials;
using Successor.Models.Gpt;
using Successor.Safety.Monitors;
using Successor.Statistics;

namespace Successor.Lab.Loop;

public sealed partial class LabRunner
{
    void Watch(int g, Champion parent, GptModel champion, GptModel successor, TrialResult trial, Comparison sealedGain, JsonObject attributes)
    {
        var publicGain = SeededBootstrap.Compare(task.PublicScores(champion), [.. trial.Scores], PairedBootstrap.MinResamples, SeedFor(g, 5));
        var (publicNow, sealedNow) = (new GainEstimate(publicGain.Difference, publicGain.Low, publicGain.High), new GainEstimate(sealedGain.Difference, sealedGain.Low, sealedGain.High));
        var divergence = Divergence.Check(publicNow, sealedNow, config.Safety.DivergenceZ);
        attributes["public_improvement"] = publicGain.Difference;
        attributes["public_improvement_low"] = publicGain.Low;
        attributes["public_improvement_high"] = publicGain.High;
        attributes["divergence_z"] = double.IsFinite(divergence.ZValue) ? divergence.ZValue : null;
        attributes["divergence_alarm"] = divergence.Alarm;
        if (divergence.Alarm) RaiseIncident(g, "divergence", "divergence", divergence.Reason);
        WatchLineage(g, publicNow, sealedNow, attributes);
        int leaked = task.CanariesCompleted(successor);
        attributes["canaries_completed"] = leaked;
        if (leaked > 0) RaiseIncident(g, "canary-leak", "canary-leak", $"the successor completes {leaked} holdout canar{(leaked == 1 ? "y" : "ies")} from their prefix: it has seen the sealed holdout");
        var replay = ReplayPromotionRule(g, parent, champion);
        attributes["replay_false_accepts"] = replay["false_accepts"]?.DeepClone();
        if ((int)replay["false_accepts"]! > 0)
            RaiseIncident(g, "promotion-rule-false-accept", "promotion-rule-false-accept", $"the promotion rule accepted {replay["false_accepts"]} of {replay["known_bad"]} known-bad replayed cases (the champion against itself or its silenced copy); it cannot be trusted to decide this candidate");
        var checks = Enumerable.Range(1, g).Select(n => (IReadOnlyList<CheckAccuracy>)[.. ChecksOf(n)]).Where(c => c.Count > 0).ToList();
        if (checks.Count == 0) return;
        var reliability = new Reliability(checks);
        double projected = reliability.ProjectedReliability(config.Safety.ReliabilityHorizon);
        attributes["cumulative_reliability"] = reliability.Current;
        attributes["projected_reliability"] = projected;
        attributes["reliability_alarm"] = reliability.ShouldHalt(config.Safety.ReliabilityHorizon, config.Safety.MinProjectedReliability);
        if ((bool)attributes["reliability_alarm"]!)
            RaiseIncident(g, "reliability", "compounding-error", $"the automated checks' reliability, {reliability.Current:0.000} so far, projects to {projected:0.000} over {config.Safety.ReliabilityHorizon} generations, below safety.min_projected_reliability {config.Safety.MinProjectedReliability:0.00}");
    }

    /// <summary>The measured accuracy of every automated check that decided something in generation `n`.</summary>
    IEnumerable<CheckAccuracy> ChecksOf(int n)
    {
        if (journal.Get(journal.Id("curation", $"g{n}")) is { } c && (int)c["kept"]! > 0)
            yield return new CheckAccuracy("kept-label accuracy", (double)c["kept_label_accuracy"]!);
        if (journal.Get(journal.Id("replay", $"g{n}")) is { } r)
            yield return new CheckAccuracy("promotion rule (1 - false-accept rate)", 1 - (double)r["false_accept_rate"]!);
    }

    /// <summary>The known cases of PromotionReplay through the promotion rule, on a small sealed slice; recorded once.</summary>
    JsonObject ReplayPromotionRule(int g, Champion parent, GptModel champion)
    {
        string id = journal.Id("replay", $"g{g}");
        return journal.Once(id, () =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var silenced = Load(parent.CheckpointDigest);
            PromotionReplay.Silence(silenced);
            var result = PromotionReplay.Run(pairs => task.Replay([champion, silenced], pairs));
            report(new(g, "replay", $"promotion rule on known cases: {result.FalseAccepts} of {result.KnownBad} known-bad accepted, {result.KnownGood - result.FalseRejects} of {result.KnownGood} known-good accepted ({clock.Elapsed.TotalSeconds:0.0} s)"));
            return Ledger.Prov.ProvStatement.Activity(id, "promotion-replay", new JsonObject
            {
                ["generation"] = g,
                ["cases"] = new JsonArray([.. result.Outcomes.Select(o => (JsonNode)new JsonObject
                {
                    ["case"] = o.Case.Name, ["should_accept"] = o.Case.ShouldAccept, ["accepted"] = o.Accepted, ["reason"] = o.Reason,
                })]),
                ["known_bad"] = result.KnownBad, ["false_accepts"] = result.FalseAccepts,
                ["known_good"] = result.KnownGood, ["false_rejects"] = result.FalseRejects,
                ["accuracy"] = result.Accuracy, ["false_accept_rate"] = result.FalseAcceptRate,
                ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
            });
        });
    }

    /// <summary>The divergence summed over the lineage this candidate would join. With no earlier promotion the
    /// sum is this candidate's own gap, which the per-candidate test has judged: no second incident for it.</summary>
    void WatchLineage(int g, GainEstimate publicNow, GainEstimate sealedNow, JsonObject attributes)
    {
        var lineage = LineageDivergence.Lineage(journal.All(journal.Id("generation", "")).Select(x => x.Attributes), g);
        var across = LineageDivergence.Check(lineage, publicNow, sealedNow, config.Safety.DivergenceZ);
        attributes["divergence_sum_generations"] = lineage.Count + 1;
        attributes["divergence_sum_z"] = double.IsFinite(across.ZValue) ? across.ZValue : null;
        attributes["divergence_sum_alarm"] = across.Alarm;
        if (across.Alarm && lineage.Count > 0)
            RaiseIncident(g, "divergence-across-generations", "divergence-across-generations", $"generations {string.Join(", ", lineage.Select(a => (int)a["generation"]!))} and {g}: {across.Reason}");
    }
}
