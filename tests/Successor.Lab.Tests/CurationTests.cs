using Successor.Lab.Stages;
using Successor.Lab.Trials;
using Successor.Records;
using Successor.Data.Curriculum;
using Successor.Lab.SelfGeneration;

namespace Successor.Lab.Tests;

public sealed class CurationTests
{
    static readonly List<Problem> Problems =
        CurriculumGenerator.Set(TaskFamilies.Parse("radd"), [4], 6, 3, CurriculumSplit.Train);

    static List<string?> Answers() =>
        [Problems[0].Answer, "12", null, Problems[3].Answer, "1=2", Problems[5].Answer + "9"];

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

public sealed class KeptDataMonitorsTests
{
    static readonly List<Problem> Posed =
        CurriculumGenerator.Set(TaskFamilies.Parse("radd"), [3], 30, 5, CurriculumSplit.Train);

    static Models.Gpt.GptModel Model(ulong seed)
    {
        var model = new Models.Gpt.GptModel(new Models.Gpt.ModelConfig { Layers = 1, Heads = 2, Embedding = 16,
            BlockSize = 24 }, new Tensors.Fast.FastKernels());
        model.Initialize(seed);
        return model;
    }

    static double Value(KeptDataMeasures a, string key) => key switch
    {
        "perplexity_drift" => a.PerplexityDrift!.Value, "diversity_ratio" => a.DiversityRatio!.Value, "tail_coverage" =>
            a.TailCoverage!.Value,
        "perplexity_parent" => a.PerplexityParent!.Value, "perplexity_reference" => a.PerplexityReference!.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    [Fact]
    public void Right_labels_match_the_truth_on_every_monitor_however_few_are_kept()
    {
        using var parent = Model(1);
        using var reference = Model(2);
        foreach (var kept in new[] { Posed, Posed.Take(4).ToList() })
        {
            var a = KeptDataMonitors.Measure(parent, reference, kept, Posed);
            Assert.Equal(1.0, Value(a, "perplexity_drift"), 12);
            Assert.Equal(1.0, Value(a, "diversity_ratio"), 12);
            Assert.Equal(1.0, Value(a, "tail_coverage"));
            Assert.Equal(Evaluation.Curriculum.AnswerPerplexity.Of(parent, kept), Value(a, "perplexity_parent"));
            Assert.Equal(Evaluation.Curriculum.AnswerPerplexity.Of(reference, kept), Value(a, "perplexity_reference"));
            Assert.NotEqual(Value(a, "perplexity_parent"), Value(a, "perplexity_reference"));
        }
    }

    [Fact]
    public void One_answer_for_everything_drifts_repeats_itself_and_loses_the_tail()
    {
        using var parent = Model(1);
        using var reference = Model(2);
        var collapsed = Posed.Select(p => p with { Answer = "0000" }).ToList();
        var a = KeptDataMonitors.Measure(parent, reference, collapsed, Posed);
        Assert.NotEqual(1.0, Value(a, "perplexity_drift"), 3);
        Assert.Equal(Evaluation.Curriculum.AnswerPerplexity.Of(reference,
            collapsed) / Evaluation.Curriculum.AnswerPerplexity.Of(reference, Posed),
            Value(a, "perplexity_drift"), 12);
        Assert.True(Value(a, "tail_coverage") < 0.1, $"tail coverage {a.TailCoverage}");
        Assert.True(Value(a, "diversity_ratio") < 0.1, $"diversity ratio {a.DiversityRatio}");
    }

    [Fact]
    public void Half_wrong_labels_lose_part_of_the_tail_and_nothing_kept_measures_nothing()
    {
        using var model = Model(1);
        var half = Posed.Select((p, i) => i % 2 == 0 ? p : p with { Answer = "0000" }).ToList();
        Assert.InRange(Value(KeptDataMonitors.Measure(model, model, half, Posed), "tail_coverage"), 0.2, 0.8);
        Assert.Equal(new KeptDataMeasures(null, null, null, null, null, null, null, null, null),
            KeptDataMonitors.Measure(model, model, [], Posed));
    }
}
