// What happens once per run before any generation: the config is recorded (a resumed lab must have the
// same config except its budgets; a budget change is recorded, and an increase waits for a person), and
// the original training data is checked against public validation and the sealed holdout.
using System.Text;
using Successor.Ledger.Statements;
using Successor.Safety.Gates;

namespace Successor.Lab.Loop;

sealed class LabStart(LabContext lab)
{
    public void RecordConfig()
    {
        var (config, journal) = (lab.Config, lab.Journal);
        string identity = Config.LabConfigJson.Canonical(config with { Budgets = new Config.BudgetConfig() });
        string budgets = System.Text.Json.JsonSerializer.Serialize(config.Budgets, Models.SnakeCaseJson.Compact);
        string id = journal.Id("lab-config", "current");
        if (journal.Get(id) is { } existing && LabConfigRecord.From(existing).Sha256 != Sha(identity))
            throw new Config.LabConfigException($"lab {config.Name}: " +
                "lab.json changed since the lab started (beyond its budgets); "
                + "restore it, or give the lab a new name");
        string researcher = lab.Researcher.Name;
        foreach (var (agent, type) in new[] { (LabJournal.LoopAgent, "software"),
            (LabJournal.PolicyAgent, "promotion-policy"),
                     ($"researcher:{researcher}", "researcher") })
            if (journal.Ledger.FindById(agent).Count == 0)
                journal.Ledger.Append(LabJournal.LoopAgent, ProvStatement.Agent(agent, type));
        var recorded = LabConfigRecord.From(journal.Once(id, () =>
        {
            string digest = journal.Store(Encoding.UTF8.GetBytes(Config.LabConfigJson.Canonical(config)));
            // the cores here and the threads a trial uses are what the dashboard's compute utilization divides by
            var record = new LabConfigRecord(Sha(identity), researcher, budgets, Environment.ProcessorCount,
                config.Research.ThreadsPerWorker, Sandbox: config.Sandbox);
            return ProvStatement.Artifact(id, LabConfigRecord.Type, digest, record.ToAttributes());
        }));
        string current = Changes().Select(b => b.Budgets).LastOrDefault() ?? recorded.Budgets;
        if (current != budgets)
        {
            string change = journal.Id("budget-change", $"{Changes().Count + 1}");
            var record = new BudgetChangeRecord(current, budgets);
            journal.Record(ProvStatement.Entity(change, BudgetChangeRecord.Type, record.ToAttributes()));
            lab.Report(new(0, "budget", $"budgets changed since the last run: {current} → {budgets}"));
        }
        var changes = Changes();
        if (changes.Count == 0) return;
        // Asked against the last budgets a person approved (or the first ones), not against the change before:
        // a raise still waiting would otherwise pass unasked behind any later edit that raises nothing.
        var approvals = lab.Approvals(0);
        string settled = recorded.Budgets;
        for (int i = 0; i < changes.Count - 1; i++)
            if (approvals.Approved($"budget-change-{i + 1}")) settled = changes[i].Budgets;
        var last = new BudgetChange(changes.Count, settled, changes[^1].Budgets);
        if (approvals.Await(new BudgetIncreaseGate(config.Gates.BudgetIncrease), last) is { Approved: false } decision)
            throw new LabHaltedException($"{decision.By} rejected the budget increase: {decision.Reason}; " +
                "restore the budgets in lab.json");
    }

    List<BudgetChangeRecord> Changes() =>
        [.. lab.Journal.All(lab.Journal.Id("budget-change", "")).Select(b => BudgetChangeRecord.From(b.Attributes))];

    static string Sha(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The original training data must not overlap the sealed holdout at all, nor public validation
    /// beyond the guard's threshold; a contaminated mixture is an incident and is refused before anything trains
    /// on it, each sealed overlap named.</summary>
    public void CheckTrainingData()
    {
        string id = lab.Journal.Id("contamination-check", "train");
        var c = ContaminationCheckRecord.From(lab.Journal.Once(id, () =>
        {
            const double threshold = Data.Contamination.ContaminationGuard.DefaultThreshold;
            // the curriculum's partition rules overlap out by construction: no need to start the judge for it
            var overlap = lab.Config.Split is null ? null : lab.Judge.Contamination();
            var worse = overlap is null ? null
                : overlap.Sealed.Flagged >= overlap.Validation.Flagged ? overlap.Sealed : overlap.Validation;
            var example = overlap?.Sealed.SealedHits.FirstOrDefault() ?? worse?.Examples.FirstOrDefault();
            var record = new ContaminationCheckRecord(
                Documents: worse?.Documents, Flagged: worse?.Flagged ?? 0, Rate: worse?.Rate ?? 0,
                Example: example is null ? null : $"{example.Describe()} overlaps {example.Reference}",
                Passed: overlap is null || overlap.Passed(threshold))
            {
                ValidationFlagged = overlap?.Validation.Flagged, SealedFlagged = overlap?.Sealed.SealedFlagged,
                ValidationThreshold = overlap is null ? null : threshold,
                SealedOverlaps = overlap is null ? null : [.. overlap.Sealed.SealedHits.Select(h =>
                    new ContaminationCheckRecord.Overlap(h.TrainingDocument, h.Line, h.Kind, h.ShortExcerpt))],
            };
            return ProvStatement.Activity(id, ContaminationCheckRecord.Type, record.ToAttributes());
        }));
        if (c.Passed) return;
        string detail = c.SealedFlagged is > 0
            ? $"{c.SealedFlagged} of {c.Documents} training documents overlap the sealed holdout: "
                + string.Join("; ", c.SealedOverlaps!.Take(Data.Contamination.ContaminationGuard.ListedInError)
                    .Select(o => $"{o.Document} line {o.Line} ({o.Kind}): \"{o.Excerpt}\""))
            : $"{c.Flagged} of {c.Documents} training documents overlap evaluation data, e.g. {c.Example}";
        lab.RaiseIncident(0, "contamination", "contamination", detail);
        throw new Training.Data.DataException($"training data refused: {detail}; " +
            "remove the overlapping documents and start a new lab");
    }
}
