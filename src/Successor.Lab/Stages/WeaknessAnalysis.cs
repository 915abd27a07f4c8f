// Stage 1. Weakness analysis: the champion on public validation (never the sealed holdout); its worst
// slices are what the researcher is asked to fix. Recorded once, with the report as an artifact.
using System.Text;
using Successor.Ledger.Statements;
using Successor.Research;

namespace Successor.Lab.Stages;

sealed class WeaknessAnalysis(LabContext lab)
{
    public List<PublicWeakness> Run(GenerationState s)
    {
        var journal = lab.Journal;
        string id = journal.Id("weakness", $"g{s.Number}");
        List<PublicWeakness>? weak = null;
        var attributes = journal.Once(id, () =>
        {
            using var model = lab.Load(s.Champion.CheckpointDigest);
            var (found, report) = lab.Task.Weaknesses(model);
            weak = found;
            report = report with
            {
                Generation = s.Number, Metric = lab.Task.Metric,
                Weaknesses = [.. found.Select(w => new WeaknessRecord.WeaknessEntry(w.Slice, w.Score, w.Metric))],
            };
            var attributes = report.ToAttributes();
            string digest = journal.Store(Encoding.UTF8.GetBytes(attributes.ToJsonString()));
            return ProvStatement.Artifact(id, WeaknessRecord.Type, digest, attributes);
        });
        var record = WeaknessRecord.From(attributes);
        weak ??= [.. record.Weaknesses.Select(w => new PublicWeakness(w.Slice, w.Score, w.Metric))];
        lab.Report(new(s.Number, "weakness",
            $"public {lab.Task.Metric} {record.PublicScore:0.000}; worst: {string.Join(", ", weak.Take(3))}"));
        return weak;
    }
}
