// Checks after every batch of trials, recorded as one `trial-checks:LAB/<first trial>` activity per batch:
// the evaluator's fingerprint now against the ones taken as each trial started and ended, and the anomaly
// monitors on the batch's scores, loss curves and throughput (TrialMonitors). A trial recorded by a run that
// died before its batch was checked is checked when the lab resumes, so every trial is covered exactly once.
using System.Security.Cryptography;
using Successor.Ledger.Statements;
using Successor.Safety.Incidents;

namespace Successor.Lab.Trials;

sealed class TrialChecks(LabContext lab)
{
    readonly LabJournal journal = lab.Journal;

    public void Check(int g, IReadOnlyList<TrialPlan> plans, Dictionary<string, TrialResult> results)
    {
        var checks =
            journal.All(journal.Id("trial-checks", "")).Select(c => TrialChecksRecord.From(c.Attributes)).ToList();
        var covered = checks.SelectMany(c => c.Trials).ToHashSet(StringComparer.Ordinal);
        var voided = checks.Where(c => !c.EvaluatorPassed).SelectMany(c => c.Trials).ToHashSet(StringComparer.Ordinal);
        // A trial recorded without the fingerprint it started under cannot be checked; the audit shows it as not run.
        var batch = plans.Select(p =>
            (p.Id, Record: journal.Get(journal.Id("trial", p.Id)) is { } a ? TrialRecord.From(a) : null))
            .Where(t => t.Record?.EvaluatorSha256 is not null && !covered.Contains(t.Id)).ToList();
        if (batch.Count > 0)
        {
            string after = EvaluatorFingerprint(lab.Config.Split);
            // Every trial's fingerprints, from its start and its end: one value for the whole batch, or a change.
            var before = batch.SelectMany(t => new[] { t.Record!.EvaluatorSha256!, t.Record.EvaluatorAfterSha256 })
                .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            bool unchanged = before.All(b => b == after);
            if (!unchanged)
            {
                var seen = batch.Where(t => t.Record!.EvaluatorSha256 != after
                    || (t.Record.EvaluatorAfterSha256 ?? after) != after).Select(t => t.Id).ToList();
                lab.RaiseIncident(g, $"evaluator-changed-{batch[0].Id}", "evaluator-changed",
                    $"the evaluator's code or data changed while {string.Join(", ", batch.Select(t => t.Id))} ran " +
                        $"(a fingerprint around {string.Join(", ", seen)} differs from the batch's end); " +
                        "their results are void");
                voided.UnionWith(batch.Select(t => t.Id));
            }
            var monitors = Monitor(g,
                [.. batch.Where(t => t.Record!.Ok && !voided.Contains(t.Id)).Select(t => Signal(t.Id, t.Record!))]);
            string id = journal.Id("trial-checks", batch[0].Id);
            var record = new TrialChecksRecord(g, [.. batch.Select(t => t.Id)], before, after, unchanged)
            {
                Outliers = Entry(monitors.Outliers),
                ChangePoints = Entry(monitors.ChangePoints),
                Throughput = Entry(monitors.Throughput),
            };
            journal.Once(id, () => ProvStatement.Activity(id, TrialChecksRecord.Type, record.ToAttributes()));
        }
        // Void stays void when the lab resumes: the ledger's trial record alone would read as a good result.
        foreach (var plan in plans.Where(p => voided.Contains(p.Id)))
            results[plan.Id] =
                new TrialResult { Id = plan.Id, Status = "void", Error = "the evaluator changed while it ran" };
    }

    static TrialChecksRecord.MonitorEntry Entry(MonitorOutcome o) =>
        new(o.Detail, [.. o.Anomalies.Select(a => a.Trial)]) { Compared = o.Compared ? null : false };

    /// <summary>The anomaly monitors on a batch's good trials; each anomaly is an incident of
    /// safety.anomaly_severity.</summary>
    (MonitorOutcome Outliers, MonitorOutcome ChangePoints, MonitorOutcome Throughput) Monitor(int g,
        List<TrialSignal> batch)
    {
        var ids = batch.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var earlier = journal.All(journal.Id("trial", "")).Select(t => (t.Id, Record: TrialRecord.From(t.Attributes)))
            .Where(t => t.Record.Ok).Select(t => Signal(t.Id[(t.Id.IndexOf('/') + 1)..], t.Record))
                .Where(t => !ids.Contains(t.Id))
                .ToList();
        var monitors = (TrialMonitors.Outliers(batch), TrialMonitors.ChangePoints(batch),
            TrialMonitors.Throughput(batch, earlier));
        var severity = lab.Config.Safety.AnomalySeverity == "critical" ? Severity.Critical : Severity.Warning;
        foreach (var a in new[] { monitors.Item1, monitors.Item2, monitors.Item3 }.SelectMany(m => m.Anomalies))
            lab.RaiseIncident(g, $"{a.Kind}-{a.Trial}", a.Kind, a.Detail, severity);
        return monitors;
    }

    static TrialSignal Signal(string id, TrialRecord trial) =>
        new(id, trial.Scores, trial.LossCurve, trial.Tokens, trial.TrainCpuSeconds,
        $"{trial.Shape ?? "unknown shape"}, {trial.Tokens} tokens");

    /// <summary>SHA-256 over the evaluator's code (the Verifier's and the curriculum checker's assemblies) and
    /// its public data (the split's files but training's and the sealed side's, which only the judge reads and
    /// fingerprints: SealedAtRest): taken around every trial and batch, and by the judge at verdict time, so a
    /// trial that changes either is caught, even if a later one reverts it.</summary>
    public static string EvaluatorFingerprint(string? split)
    {
        var files = new List<string>
        {
            typeof(Evaluation.Verification.Verifier).Assembly.Location,
            typeof(Data.Curriculum.CurriculumPartition).Assembly.Location,
        };
        if (split is not null)
        {
            // The sealed folder may be another account's: skipped unread, as are files no one may read.
            var skip = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
            files.AddRange(Directory.EnumerateFiles(split, "*", skip)
                .Where(f => !Judge.SealedAtRest.IsSealed(split, f)
                    && Path.GetFileName(f) != Data.Corpora.SplitWriter.TrainFile)
                .Order(StringComparer.Ordinal));
        }
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            sha.AppendData(File.Exists(file) ? File.ReadAllBytes(file) : []);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
