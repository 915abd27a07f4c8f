// A kept set drawn by length gives every length the same share of rows, however many problems each holds; drawn
// uniformly, each problem the same share. Either way the same seed draws the same rows.
using Successor.Data.Curriculum;
using Successor.Tensors;
using Successor.Training.Data;

namespace Successor.Data.Tests.Curriculum;

public sealed class ProblemSetBatchSourceTests
{
    /// <summary>900 six-digit problems, 90 seven-digit and 10 eight-digit: what an exact filter keeps from a
    /// champion that knows 6 digits, half-knows 7 and barely starts on 8.</summary>
    static readonly List<Problem> Kept = [
        .. CurriculumGenerator.Set([TaskFamilies.Get("radd")], [6], 900, 1, CurriculumSplit.Train),
        .. CurriculumGenerator.Set([TaskFamilies.Get("radd")], [7], 90, 2, CurriculumSplit.Train),
        .. CurriculumGenerator.Set([TaskFamilies.Get("radd")], [8], 10, 3, CurriculumSplit.Train)];

    static int[] RowsPerLength(ProblemSetBatchSource source, ulong seed)
    {
        const int B = 3000, T = 40;
        var inputs = new int[B * T];
        source.Sample(new Rng(seed), B, T, inputs, new int[B * T]);
        var rows = new int[3];
        for (int b = 0; b < B; b++)
        {
            string row = string.Concat(inputs.AsSpan(b * T, T).ToArray().Select(t => (char)t)); // byte tokens
            int digits = row[(row.IndexOf(' ') + 1)..row.IndexOf('+')].Length;
            rows[digits - 6]++;
        }
        return rows;
    }

    [Fact]
    public void By_length_every_length_gets_a_third_of_the_rows()
    {
        var source = new ProblemSetBatchSource(Kept, byLength: true);
        Assert.Equal(3, source.Strata);
        var rows = RowsPerLength(source, 5);
        Assert.All(rows, n => Assert.InRange(n, 900, 1100));
        Assert.Equal(rows, RowsPerLength(source, 5));
    }

    [Fact]
    public void Uniformly_each_length_gets_its_share_of_the_problems()
    {
        var source = new ProblemSetBatchSource(Kept);
        Assert.Equal(1, source.Strata);
        var rows = RowsPerLength(source, 5);
        Assert.InRange(rows[0], 2600, 2800);
        Assert.InRange(rows[1], 200, 340);
        Assert.InRange(rows[2], 10, 60);
    }

    [Fact]
    public void An_empty_set_is_refused_with_what_is_wrong()
    {
        var e = Assert.Throws<DataException>(() => new ProblemSetBatchSource([], true));
        Assert.Contains("nothing was kept", e.Message);
    }
}
