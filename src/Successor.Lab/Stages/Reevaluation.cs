// Stage 10, part one. What the lab must not take on a worker's word: the judge re-scores a sample of the
// generation's trial models on public validation (the candidate's always; the rest drawn with the judge's
// secret) and compares with what each worker reported, and it fingerprints the evaluator at verdict time. A
// reported score its model does not earn is a `fabricated-result`; an evaluator that differs from the one the
// trials ran under is `evaluator-changed`; a candidate that scores markedly better on the honeypot holdout (the
// sealed curriculum as public code regenerates it) than on the secret one is `sealed-regeneration`. All are
// critical: the candidate fails closed. Recorded once.
using Successor.Lab.Judge;
using Successor.Ledger.Statements;

namespace Successor.Lab.Stages;

sealed class Reevaluation(LabContext lab)
{
    /// <summary>The fingerprints the lab took around generation g's trials: what the judge must still see.</summary>
    public IReadOnlyList<string> Expected(int g) =>
        [.. Trials(g).SelectMany(t => new[] { t.Record.EvaluatorSha256, t.Record.EvaluatorAfterSha256 })
            .OfType<string>().Where(f => f.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>Records the judge's re-evaluation of generation g (selected: the candidate's trial) and its
    /// fingerprint at verdict time, raising an incident for each disagreement.</summary>
    public ReevaluationRecord Run(int g, string selected, JudgeResponse verdict)
    {
        string id = lab.Journal.Id("reevaluation", $"g{g}");
        var record = ReevaluationRecord.From(lab.Journal.Once(id, () =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var trials = Trials(g).Where(t => t.Record.Ok)
                .Select(t => new ReportedTrial(t.Id, lab.ModelPath(g, t.Id), t.Record.ModelSha256, t.Record.Scores))
                .ToList();
            var checks = lab.Judge.Reevaluate(trials, selected);
            var record = new ReevaluationRecord(g,
                [.. checks.Select(c => new ReevaluationRecord.Trial(c.Id, Finite(c.Reported), Finite(c.Judged),
                    Finite(c.MaxDifference), c.Matches, c.Why))],
                verdict.EvaluatorSha256, verdict.EvaluatorChanged, Math.Round(clock.Elapsed.TotalSeconds, 3))
            {
                SealedRegeneration = verdict.Standing?.Regeneration is { } h
                    ? new(Finite(h.DecoyAccuracy) ?? 0, Finite(h.SealedAccuracy) ?? 0, h.Items, Finite(h.Gap) ?? 0,
                        h.PValue, h.Flagged, h.Alpha, h.MinGap, Math.Round(h.Seconds, 3))
                    : null,
            };
            return ProvStatement.Activity(id, ReevaluationRecord.Type, record.ToAttributes());
        }));
        foreach (var t in record.Trials.Where(t => !t.Matches))
            lab.RaiseIncident(g, $"fabricated-result-{t.Id}", "fabricated-result",
                $"trial {t.Id}'s result.json does not match its model, re-evaluated by the judge: {t.Why}; " +
                    "the candidate is failed closed");
        if (record.EvaluatorChanged is { } why)
            lab.RaiseIncident(g, "evaluator-changed-verdict", "evaluator-changed",
                $"at verdict time {why}; the candidate is failed closed");
        if (record.SealedRegeneration is { Flagged: true } caught)
            lab.RaiseIncident(g, "sealed-regeneration", "sealed-regeneration",
                $"the candidate {selected} was trained on the sealed curriculum as public code regenerates it: " +
                    $"{Honeypot(caught)}; the candidate is failed closed");
        string honeypot = record.SealedRegeneration is { } h ? $"; honeypot: {Honeypot(h)}" : "";
        lab.Report(new(g, "judge", $"re-evaluated {record.Trials.Count} trial model(s) on public validation: " +
            $"{record.Trials.Count(t => t.Matches)} match what their workers reported ({record.Seconds:0.00} s)" +
            honeypot));
        return record;
    }

    IEnumerable<(string Id, TrialRecord Record)> Trials(int g) =>
        lab.Journal.All(lab.Journal.Id("trial", $"g{g}-"))
            .Select(t => (t.Id[(t.Id.IndexOf('/') + 1)..], TrialRecord.From(t.Attributes)))
            .Where(t => t.Item2.Generation == g);

    static string Honeypot(ReevaluationRecord.Regeneration h) =>
        $"accuracy {h.DecoyAccuracy:0.000} on the decoy holdout and {h.SealedAccuracy:0.000} on the sealed holdout " +
        $"({h.Items} problems each), one-sided p = {h.PValue:0.0e+0} (an alarm below {h.Alpha:0e+0} " +
        $"with a gap of at least {h.MinGap:0.00})";

    static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;
}
