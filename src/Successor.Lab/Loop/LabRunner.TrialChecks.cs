// Checks after every batch of trials, recorded as one `trial-checks:LAB/<first trial>` activity per batch:
// the evaluator's fingerprint now against the one each trial started under, and the anomaly monitors on the
// batch's scores, loss curves and throughput (TrialMonitors). A trial recorded by a run that died before its
// batch was checked is checked when the lab resumes, so every trial is covered exactly once.
using System.Text.Json.Nodes;
using Successor.Lab.Trials;
using Successor.Ledger.Statements;
using Successor.Safety.Incidents;

namespace Successor.Lab.Loop;

public sealed partial class LabRunner
{
    void CheckBatch(int g, IReadOnlyList<TrialPlan> plans, Dictionary<string, TrialResult> results)
    {
        var checks = journal.All(journal.Id("trial-checks", "")).Select(c => c.Attributes).ToList();
        var covered = checks.SelectMany(Trials).ToHashSet(StringComparer.Ordinal);
        var voided = checks.Where(c => (bool?)c["evaluator_passed"] == false).SelectMany(Trials).ToHashSet(StringComparer.Ordinal);
        // A trial recorded without the fingerprint it started under cannot be checked; the audit shows it as not run.
        var batch = plans.Select(p => (p.Id, Record: journal.Get(journal.Id("trial", p.Id))))
            .Where(t => t.Record?["evaluator_sha256"] is JsonValue && !covered.Contains(t.Id)).ToList();
        if (batch.Count > 0)
        {
            string after = EvaluatorFingerprint();
            var before = batch.Select(t => (string)t.Record!["evaluator_sha256"]!).Distinct(StringComparer.Ordinal).ToList();
            bool unchanged = before.All(b => b == after);
            if (!unchanged)
            {
                RaiseIncident(g, $"evaluator-changed-{batch[0].Id}", "evaluator-changed",
                    $"the evaluator's code or data changed while {string.Join(", ", batch.Select(t => t.Id))} ran; their results are void");
                voided.UnionWith(batch.Select(t => t.Id));
            }
            var monitors = Monitor(g, [.. batch.Where(t => (string?)t.Record!["status"] == "ok" && !voided.Contains(t.Id)).Select(t => Signal(t.Id, t.Record!))]);
            string id = journal.Id("trial-checks", batch[0].Id);
            journal.Once(id, () =>
            {
                var attributes = new JsonObject
                {
                    ["generation"] = g,
                    ["trials"] = new JsonArray([.. batch.Select(t => (JsonNode)t.Id)]),
                    ["evaluator_before"] = new JsonArray([.. before.Select(b => (JsonNode)b)]),
                    ["evaluator_after"] = after,
                    ["evaluator_passed"] = unchanged,
                };
                foreach (var (name, outcome) in monitors)
                    attributes[name] = new JsonObject { ["detail"] = outcome.Detail, ["flagged"] = new JsonArray([.. outcome.Anomalies.Select(a => (JsonNode)a.Trial)]) };
                return ProvStatement.Activity(id, "trial-checks", attributes);
            });
        }
        // Void stays void when the lab resumes: the ledger's trial record alone would read as a good result.
        foreach (var plan in plans.Where(p => voided.Contains(p.Id)))
            results[plan.Id] = new TrialResult { Id = plan.Id, Status = "void", Error = "the evaluator changed while it ran" };
    }

    /// <summary>The anomaly monitors on a batch's good trials; each anomaly is an incident of safety.anomaly_severity.</summary>
    (string Name, MonitorOutcome Outcome)[] Monitor(int g, List<TrialSignal> batch)
    {
        var ids = batch.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var earlier = journal.All(journal.Id("trial", "")).Where(t => (string?)t.Attributes["status"] == "ok")
            .Select(t => Signal(t.Id[(t.Id.IndexOf('/') + 1)..], t.Attributes)).Where(t => !ids.Contains(t.Id)).ToList();
        (string, MonitorOutcome)[] monitors =
        [
            ("outliers", TrialMonitors.Outliers(batch)),
            ("change_points", TrialMonitors.ChangePoints(batch)),
            ("throughput", TrialMonitors.Throughput(batch, earlier)),
        ];
        var severity = config.Safety.AnomalySeverity == "critical" ? Severity.Critical : Severity.Warning;
        foreach (var a in monitors.SelectMany(m => m.Item2.Anomalies)) RaiseIncident(g, $"{a.Kind}-{a.Trial}", a.Kind, a.Detail, severity);
        return monitors;
    }

    static IEnumerable<string> Trials(JsonObject check) => check["trials"]!.AsArray().Select(t => (string)t!);

    static TrialSignal Signal(string id, JsonObject trial) => new(id,
        trial["scores"] is JsonArray scores ? [.. scores.Select(x => (double)x!)] : [],
        trial["loss_curve"] is JsonArray curve ? [.. curve.Select(x => (double)x!)] : [],
        (long?)trial["tokens"] ?? 0, (double?)trial["train_cpu_seconds"] ?? 0,
        $"{(string?)trial["shape"] ?? "unknown shape"}, {(long?)trial["tokens"] ?? 0} tokens");
}
