// Stage 5. Interpretation: the paired effect of one change against its control, with a bootstrap 95% CI
// over the public validation items, recorded as a finding — the lab's memory the researcher reads.
using Successor.Evaluation.Statistics;
using Successor.Ledger.Statements;
using Successor.Research;

namespace Successor.Lab.Stages;

sealed class Interpretation(LabContext lab)
{
    public Finding Run(int g, string trialId, Proposal p, TrialResult trial, TrialResult control)
    {
        var c = SeededBootstrap.Compare(control.Scores, trial.Scores, PairedBootstrap.MinResamples, lab.SeedFor(g, 2));
        var finding = new Finding(g, p.Id, p.Overrides, trial.Steps, trial.Score, c.Difference, c.Low, c.High);
        string id = lab.Journal.Id("finding", trialId);
        var record = new FindingRecord(g, p.Id, trialId, p.Overrides, trial.Steps, trial.Score,
            c.Difference, c.Low, c.High, c.PValue);
        lab.Journal.Once(id, () => ProvStatement.Entity(id, FindingRecord.Type, record.ToAttributes()));
        return finding;
    }
}
