// Every family generates problems its exact checker accepts, rejects wrong answers, is deterministic,
// and keeps train and evaluation problems apart by construction.
using Successor.Data.Curriculum;
using Successor.Tensors;

namespace Successor.Data.Tests.Curriculum;

public sealed class CurriculumTests
{
    public static TheoryData<string> Families => [.. TaskFamilies.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Families))]
    public void Generated_problems_pass_their_checker_and_wrong_answers_fail(string name)
    {
        var family = TaskFamilies.Get(name);
        var rng = new Rng(5);
        foreach (int d in new[] { 1, 2, 3, 5, 8, 12 })
            for (int i = 0; i < 30; i++)
            {
                var p = family.Generate(rng, d);
                Assert.StartsWith(name + " ", p.Prompt);
                Assert.EndsWith("=", p.Prompt);
                Assert.DoesNotContain('=', p.Prompt[..^1]);
                Assert.DoesNotContain('=', p.Answer);
                Assert.True(TaskFamilies.Check(p.Prompt, p.Answer), p.Line);
                Assert.False(TaskFamilies.Check(p.Prompt, p.Answer + "0"), p.Line);
                Assert.False(TaskFamilies.Check(p.Prompt, ""), p.Line);
                Assert.Equal((p.Prompt, p.Answer), Problem.Split(p.Line));
            }
    }

    [Fact]
    public void Known_answers_are_solved_exactly()
    {
        Assert.True(TaskFamilies.Check("add 999+1=", "1000"));
        Assert.True(TaskFamilies.Check("radd 999+1=", "0001")); // 999 + 1 = 1000, digits least significant first
        Assert.True(TaskFamilies.Check("radd 21+43=", "64"));
        Assert.True(TaskFamilies.Check("mul 123*45=", "5535"));
        Assert.True(TaskFamilies.Check("rev abc=", "cba"));
        Assert.True(TaskFamilies.Check("sort 42,7,19=", "7,19,42"));
        Assert.True(TaskFamilies.Check("kv ab:3,xy:7?xy=", "7"));
        Assert.True(TaskFamilies.Check("bal ([]())=", "yes"));
        Assert.True(TaskFamilies.Check("bal ([)]=", "no"));
        Assert.False(TaskFamilies.Check("nope 1+1=", "2"));
        Assert.False(TaskFamilies.Check("add 1+x=", "1"));
    }

    [Fact]
    public void Difficulty_sets_the_problem_size()
    {
        var rng = new Rng(1);
        var p = TaskFamilies.Get("radd").Generate(rng, 7);
        Assert.Equal("radd ".Length + 7 + 1 + 7 + 1, p.Prompt.Length);
        Assert.Equal(2 * 9 + "bal =".Length, TaskFamilies.Get("bal").Generate(rng, 9).Prompt.Length);
        Assert.Equal(6, TaskFamilies.Get("sort").Generate(rng, 6).Prompt.Count(c => c == ',') + 1);
    }

    [Fact]
    public void Problem_sets_are_deterministic_and_on_their_side_of_the_partition()
    {
        var families = TaskFamilies.All;
        var a = CurriculumGenerator.Set(families, [1, 2, 4], 20, 7, CurriculumSplit.Validation);
        Assert.Equal(a, CurriculumGenerator.Set(families, [1, 2, 4], 20, 7, CurriculumSplit.Validation));
        Assert.All(a, p => Assert.Equal(1, CurriculumPartition.SideOf(p.Prompt)));
        var train = CurriculumGenerator.Set(families, [1, 2, 4], 20, 7, CurriculumSplit.Train);
        Assert.All(train, p => Assert.Equal(0, CurriculumPartition.SideOf(p.Prompt)));
    }

    [Fact]
    public void Training_batches_never_contain_an_evaluation_problem_and_score_only_answers()
    {
        var source = new CurriculumBatchSource([TaskFamilies.Get("radd")], 1, 2, CurriculumSplit.Train);
        int B = 64, T = 40;
        var inputs = new int[B * T];
        var targets = new int[B * T];
        source.Sample(new Rng(3), B, T, inputs, targets);
        var held = CurriculumGenerator.Set([TaskFamilies.Get("radd")], [1, 2], 50, 1, CurriculumSplit.Validation)
            .Select(p => p.Prompt)
            .ToHashSet();
        for (int b = 0; b < B; b++)
        {
            string row = new([.. inputs.AsSpan(b * T, T).ToArray().Select(t => (char)t)]);
            // One problem per row, from position 0, padded with newlines.
            var (prompt, answer) = Problem.Split(row.TrimEnd('\n'))!.Value;
            Assert.DoesNotContain(prompt, held);
            Assert.True(TaskFamilies.Check(prompt, answer), row);
            Assert.StartsWith("radd ", row);
            for (int t = 0; t < T; t++)
            {
                // Scored targets are answer characters or the newline that ends an answer.
                int y = targets[b * T + t];
                if (y >= 0) Assert.True(char.IsAsciiDigit((char)y) || y == '\n');
                if (inputs[b * T + t] == '=') Assert.NotEqual(-1, targets[b * T + t]);
            }
        }
        Assert.Contains(targets, y => y == -1);
    }

    [Fact]
    public void Packed_batches_put_problems_back_to_back_and_score_only_answers()
    {
        var source = new CurriculumBatchSource([TaskFamilies.Get("rev")], 3, 3, CurriculumSplit.Train, pack: true);
        int B = 4, T = 40;
        var inputs = new int[B * T];
        var targets = new int[B * T];
        source.Sample(new Rng(3), B, T, inputs, targets);
        string row = new([.. inputs.AsSpan(0, T).ToArray().Select(t => (char)t)]);
        var lines = row.Split('\n');
        Assert.True(lines.Length >= 3);
        foreach (var line in lines.SkipLast(1))
            Assert.True(TaskFamilies.Check(Problem.Split(line)!.Value.Prompt, Problem.Split(line)!.Value.Answer), line);
        // "rev abc=cba\n": 8 prompt characters whose targets are unscored, then 3 answer letters and the newline.
        Assert.Equal(Enumerable.Repeat(-1, 7), targets.Take(7));
        Assert.All(targets.Skip(7).Take(4), y => Assert.NotEqual(-1, y));
    }

    [Theory]
    [InlineData("1-5", new[] { 1, 2, 3, 4, 5 })]
    [InlineData("3", new[] { 3 })]
    [InlineData("8,2,2-3", new[] { 2, 3, 8 })]
    public void Difficulties_parse(string text, int[] expected) =>
        Assert.Equal(expected, CurriculumGenerator.ParseDifficulties(text));

    [Theory]
    [InlineData("0-3")]
    [InlineData("5-1")]
    [InlineData("x")]
    [InlineData("")]
    public void Bad_difficulties_are_one_line_errors(string text) =>
        Assert.Contains("difficulties",
            Assert.Throws<ArgumentException>(() => CurriculumGenerator.ParseDifficulties(text)).Message);

    [Fact]
    public void An_unknown_family_lists_the_known_ones() =>
        Assert.Contains("known families: add, radd",
            Assert.Throws<ArgumentException>(() => TaskFamilies.Parse("radd,nope")).Message);
}
