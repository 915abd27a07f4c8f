using Successor.Data.Curriculum;
using Successor.Lab.Curation;

namespace Successor.Lab.Tests;

public sealed class CurationTests
{
    static readonly List<Problem> Problems = CurriculumGenerator.Set(TaskFamilies.Parse("radd"), [4], 6, 3, CurriculumSplit.Train);

    static List<string?> Answers() => [Problems[0].Answer, "12", null, Problems[3].Answer, "1=2", Problems[5].Answer + "9"];

    [Fact]
    public void The_exact_filter_keeps_only_right_answers()
    {
        var (kept, result) = SelfGeneratedData.Keep(Problems, Answers(), "exact", [4]);
        Assert.Equal([Problems[0].Prompt, Problems[3].Prompt], kept.Select(p => p.Prompt));
        Assert.Equal((6, 2, 2, 1.0), (result.Generated, result.Kept, result.KeptCorrect, result.KeptLabelAccuracy));
    }

    [Fact]
    public void Without_a_filter_wrong_labels_are_kept_and_measured()
    {
        var (kept, result) = SelfGeneratedData.Keep(Problems, Answers(), "none", [4]);
        Assert.Equal(4, kept.Count); // null and the answer with '=' are not answers at all
        Assert.Equal(2, result.KeptCorrect);
        Assert.Equal(0.5, result.KeptLabelAccuracy);
        Assert.Contains(kept, p => p.Answer == "12");
    }

    [Fact]
    public void Kept_data_round_trips_through_its_file_format()
    {
        var (kept, _) = SelfGeneratedData.Keep(Problems, Answers(), "none", [4]);
        string path = Path.Combine(Path.GetTempPath(), $"kept-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, SelfGeneratedData.Format(kept));
            Assert.Equal(kept.Select(p => p.Line), SelfGeneratedData.Read(path).Select(p => p.Line));
            File.AppendAllText(path, "not a problem\n");
            var e = Assert.Throws<Successor.Training.Data.DataException>(() => SelfGeneratedData.Read(path));
            Assert.Contains($"line {kept.Count + 1}", e.Message);
        }
        finally { File.Delete(path); }
    }
}
