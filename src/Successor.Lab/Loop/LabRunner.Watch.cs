// Gaming and drift checks on a verified successor; alarms become incidents, and critical ones fail the
// candidate closed: public-vs-sealed divergence of this candidate and summed over the lineage it would
// join, canaries, and the automated checks' compounded reliability.
using System.Text.Json.Nodes;
using Successor.Evaluation.Statistics;
using Successor.Lab.Trials;
using Successor.Models.Gpt;
using Successor.Safety.Monitors;

namespace Successor.Lab.Loop;

public sealed partial class LabRunner
{
    void Watch(int g, GptModel champion, GptModel successor, TrialResult trial, Comparison sealedGain, JsonObject attributes)
    {
        var publicGain = PairedBootstrap.Compare(task.PublicScores(champion), [.. trial.Scores], PairedBootstrap.MinResamples, SeedFor(g, 5));
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
        var checks = journal.All(journal.Id("curation", "")).Where(c => (int)c.Attributes["kept"]! > 0)
            .Select(c => (IReadOnlyList<CheckAccuracy>)[new CheckAccuracy("kept-label accuracy", (double)c.Attributes["kept_label_accuracy"]!)]).ToList();
        if (checks.Count == 0) return;
        var reliability = new Reliability(checks);
        double projected = reliability.ProjectedReliability(config.Safety.ReliabilityHorizon);
        attributes["cumulative_reliability"] = reliability.Current;
        attributes["projected_reliability"] = projected;
        attributes["reliability_alarm"] = reliability.ShouldHalt(config.Safety.ReliabilityHorizon, config.Safety.MinProjectedReliability);
        if ((bool)attributes["reliability_alarm"]!)
            RaiseIncident(g, "reliability", "compounding-error", $"the automated checks' reliability, {reliability.Current:0.000} so far, projects to {projected:0.000} over {config.Safety.ReliabilityHorizon} generations, below safety.min_projected_reliability {config.Safety.MinProjectedReliability:0.00}");
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
