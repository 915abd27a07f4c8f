// `successor status`: where a lab stands, from its ledger alone (it works while the lab runs).
using Successor.Lab.Loop;
using Successor.Records;
using Successor.Safety.Audit;

namespace Successor.Cli.Commands.Lab;

public static class StatusCommand
{
    public static Command Create()
    {
        var labOptions = new LabOptions();
        var json = CommonOptions.Json();
        return CliCommand.Create("status", "Show where the lab stands: generations, champion, trials, compute",
            [.. labOptions.All, json], r =>
        {
            var lab = labOptions.LoadConfig(r);
            var (store, journal) = labOptions.Open(r, lab, create: false);
            using var _ = store;
            var rows = LabSummary.Rows(journal);
            var trials = journal.All(journal.Id("trial", "")).Select(t => TrialRecord.From(t.Attributes)).ToList();
            var last = journal.All("").LastOrDefault();
            var champion = rows.LastOrDefault(x => x.Promoted);
            // the horizon of the champion standing now (generation 0's when none was promoted), never a number
            // outside the difficulties it was measured on
            var horizon = rows.LastOrDefault(x => x.Promoted || x.Generation == 0) is { Metric: "accuracy" } standing
                ? standing.HorizonShown : null;
            var findings = journal.All(journal.Id("finding", ""))
                .Select(f => FindingRecord.From(f.Attributes).Effect).ToList();
            var selections = journal.All(journal.Id("selection", ""))
                .Select(s => SelectionRecord.From(s.Attributes)).ToList();
            var audit = AuditCoverage.Of(store, lab.Name);
            var printer = new Output.Printer(r.GetValue(json));
            if (!printer.Json) Console.Write(LabSummary.Table(rows));
            if (!printer.Json && lab.Split is null
                && HorizonHeadline.For(rows, lab.Curriculum.TrainDifficulties, lab.Curriculum.Families) is { } line)
                Console.WriteLine(line);
            printer.Result([
                ("lab", lab.Name),
                ("generations_done", rows.Count(x => x.Generation > 0)),
                ("generations_planned", lab.Generations),
                ("champion_generation", champion?.Generation),
                ("trials", trials.Count),
                ("trials_failed", trials.Count(t => !t.Ok)),
                ("tokens", trials.Sum(t => t.Tokens)),
                ("findings", findings.Count),
                ("mean_effect", findings.Count > 0 ? Math.Round(findings.Average(), 6) : null),
                ("best_effect", findings.Count > 0 ? findings.Max() : null),
                ("changes_adopted", selections.Count(x => x.Adopted.Count > 0)),
                ("champion_holdout", champion?.Holdout),
                ("holdout_metric", champion?.Metric),
                ("champion_horizon", horizon?.Value is { } h ? Math.Round(h, 4) : null),
                ("horizon_bound", horizon?.Bound),
                ("horizon_edge", horizon?.Edge),
                ("promotions", audit.Promotions),
                ("audited_promotions", audit.Audited),
                ("audit_coverage", audit.Share),
                ("audit_not_applicable",
                    audit.NotApplicable.Count > 0 ? string.Join(" | ", audit.NotApplicable) : null),
                ("sandbox", journal.Get(journal.Id("lab-config", "current")) is { } c
                    ? LabConfigRecord.From(c).Sandbox ?? "not recorded" : lab.Sandbox),
                ("last_record", last.Id),
            ]);
            return ExitCodes.Success;
        });
    }
}
