// Exact match is judged by the family's checker on the decoded line; problems longer than the context
// count as failures; the weakness report lists the worst slices with their failures.
using Successor.Data.Curriculum;
using Successor.Evaluation.Curriculum;
using Successor.Evaluation.Statistics;
using Successor.Models.Gpt;
using Successor.Tensors.Fast;

namespace Successor.Evaluation.Tests.Curriculum;

public sealed class CurriculumEvaluatorTests
{
    [Fact]
    public void Every_problem_gets_a_result_and_too_long_problems_fail()
    {
        using var model =
            new GptModel(new ModelConfig { Layers = 1, Heads = 2, Embedding = 16, BlockSize = 16 }, new FastKernels());
        model.Initialize(1);
        var problems =
            CurriculumGenerator.Set([TaskFamilies.Get("radd")], [1, 2, 6], 10, 1, CurriculumSplit.Validation);
        var items = CurriculumEvaluator.Run(model, problems, batchSize: 7);
        Assert.Equal(problems.Select(p => p.Prompt), items.Select(i => i.Prompt));
        Assert.All(items.Where(i => i.Difficulty == 6), i => Assert.False(i.Correct)); // "radd 6+6=" is 19 tokens > 16
        Assert.All(items, i => Assert.Equal(TaskFamilies.Check(i.Prompt, i.Output), i.Correct));
        var slices = CurriculumEvaluator.Slices(items);
        Assert.Equal([1, 2, 6], slices.Select(s => s.Difficulty));
        Assert.All(slices, s => Assert.Equal(10, s.Count));
    }

    [Fact]
    public void The_weakness_report_lists_the_worst_slices_with_failures()
    {
        ItemResult Item(int d, bool ok) => new("radd", d, $"radd {d}+{d}=", "x", ok ? "x" : "y", ok);
        var items =
            new[] { Item(1, true), Item(1, true), Item(2, true), Item(2, false), Item(3, false), Item(3, false) };
        var weak = WeaknessReport.Worst(items);
        Assert.Equal([3, 2], weak.Select(w => w.Slice.Difficulty));
        Assert.Equal(2, weak[0].Failures.Count);
        Assert.All(weak.SelectMany(w => w.Failures), f => Assert.False(f.Correct));
    }
}
