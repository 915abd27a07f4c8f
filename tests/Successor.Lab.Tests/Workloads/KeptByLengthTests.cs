// curriculum.kept_by_length reaches the rows a trial trains on: with it, the one 8-digit problem a filter kept
// beside 400 six-digit ones is drawn as often as all of them together; without it, once in about 400 kept rows.
// The data's name and digest say which draw it is.
using Successor.Data.Curriculum;
using Successor.Lab.Config;
using Successor.Lab.SelfGeneration;
using Successor.Lab.Workloads;
using Successor.Tensors;
using Successor.Training.Recipes;

namespace Successor.Lab.Tests.Workloads;

public sealed class KeptByLengthTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("kept-by-length-").FullName;
    readonly List<string> digests = [];

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Rows out of 2,000 whose first operand has 8 digits, from a recipe that draws 90% kept rows.</summary>
    int EightDigitRows(bool byLength)
    {
        var radd = TaskFamilies.Parse("radd");
        var kept = CurriculumGenerator.Set(radd, [6], 400, 1, CurriculumSplit.Train)
            .Concat(CurriculumGenerator.Set(radd, [8], 1, 2, CurriculumSplit.Train));
        string path = Path.Combine(folder, "kept.txt");
        File.WriteAllText(path, SelfGeneratedData.Format(kept));
        var workload = new CurriculumWorkload(new CurriculumConfig { KeptByLength = byLength }, 1,
            new PromotionConfig());
        var data = workload.Data(new Recipe { SelfGeneratedFraction = 0.9 }, [path]);
        Assert.Equal(byLength, data.Name.EndsWith(", by length)", StringComparison.Ordinal));
        digests.Add(data.Sha256);
        const int B = 2000, T = 48;
        var inputs = new int[B * T];
        data.Train.Sample(new Rng(3), B, T, inputs, new int[B * T]);
        return Enumerable.Range(0, B).Count(b =>
        {
            string row = string.Concat(inputs.AsSpan(b * T, T).ToArray().Select(t => (char)t)); // byte tokens
            return row.StartsWith("radd ", StringComparison.Ordinal) && row.IndexOf('+') - 5 == 8;
        });
    }

    [Fact]
    public void Drawn_by_length_the_newest_length_gets_half_the_kept_rows()
    {
        Assert.InRange(EightDigitRows(byLength: true), 800, 1000);
        Assert.InRange(EightDigitRows(byLength: false), 0, 20);
        // the same problems drawn another way are another stream of rows: the data's digest says so
        Assert.NotEqual(digests[0], digests[1]);
    }
}
