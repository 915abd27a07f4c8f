// Stage 8, part one. The safety check of this generation's new data: every kept problem must be a
// training-side problem (never a public validation or sealed one) of a known task family.
using Successor.Data.Curriculum;
using Successor.Lab.SelfGeneration;
using Successor.Ledger.Statements;

namespace Successor.Lab.Stages;

sealed class KeptDataCheck(LabContext lab)
{
    public KeptDataCheckRecord Run(int g, List<string> newSets)
    {
        var journal = lab.Journal;
        string id = journal.Id("safety", $"g{g}");
        var record = KeptDataCheckRecord.From(journal.Once(id, () =>
        {
            int checkedCount = 0, offSide = 0, malformed = 0;
            foreach (var digest in newSets)
                foreach (var p in SelfGeneratedData.Read(journal.Artifacts.PathOf(digest)))
                {
                    checkedCount++;
                    if (CurriculumPartition.SideOf(p.Prompt) != 0) offSide++;
                    if (TaskFamilies.All.All(f => f.Name != p.Family)) malformed++;
                }
            return ProvStatement.Activity(id, KeptDataCheckRecord.Type, new KeptDataCheckRecord(
                g, checkedCount, offSide, malformed, Passed: offSide == 0 && malformed == 0).ToAttributes());
        }));
        lab.Report(new(g, "safety",
            $"checked {record.Checked} kept problems: {record.OffTrainingSide} outside the training side, "
            + $"{record.Malformed} malformed"));
        return record;
    }
}
