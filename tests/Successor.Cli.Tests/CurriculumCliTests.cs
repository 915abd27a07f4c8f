// The curriculum verbs as a user runs them: generate, train, eval and compare, end to end.
using System.Text.Json;

namespace Successor.Cli.Tests;

public sealed class TinyCurriculumModel : IDisposable
{
    public TinyCurriculumModel() =>
        Result = SuccessorProcess.Run("curriculum", "train", "--families", "radd", "--difficulties", "1-2", "--steps",
            "5", "--out", Checkpoint,
            "--set", "layers=1", "--set", "embedding=32", "--set", "heads=2", "--set", "block_size=24", "--set",
                "batch_size=8", "--threads", "2");

    public string Folder { get; } = Directory.CreateTempSubdirectory("successor-curriculum-").FullName;
    public string Checkpoint => Path.Combine(Folder, "model");
    public ProcessResult Result { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

public sealed class CurriculumCliTests(TinyCurriculumModel model) : IClassFixture<TinyCurriculumModel>
{
    [Fact]
    public void Generate_writes_problems_in_the_documented_format_and_repeats_with_the_same_seed()
    {
        var a = SuccessorProcess.Run("curriculum", "generate", "--families", "radd,sort", "--difficulties", "2-3",
            "--count", "3", "--split", "validation");
        var b = SuccessorProcess.Run("curriculum", "generate", "--families", "radd,sort", "--difficulties", "2-3",
            "--count", "3", "--split", "validation");
        Assert.True(a.ExitCode == 0, a.Stderr);
        Assert.Equal(a.Stdout, b.Stdout);
        Assert.Equal(12, a.OutputLines.Length);
        Assert.All(a.OutputLines, line => Assert.Matches(@"^(radd|sort) [0-9,+]+=[0-9,]+$", line));
    }

    [Fact]
    public void A_trained_checkpoint_is_evaluated_per_difficulty_with_a_horizon()
    {
        Assert.True(model.Result.ExitCode == 0, model.Result.Stderr);
        var r = SuccessorProcess.Run("eval", "--checkpoint", model.Checkpoint, "--curriculum", "radd", "--difficulties",
            "1-3", "--count", "20", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = JsonDocument.Parse(r.OutputLines[^1]).RootElement;
        Assert.Equal(60, json.GetProperty("items").GetInt32());
        Assert.InRange(json.GetProperty("accuracy").GetDouble(), 0, 1);
        // the horizon is a number inside the difficulties tested (1 to 3), else a bound at the edge it passed
        var horizon = json.GetProperty("horizons")[0];
        if (horizon.GetProperty("bound").ValueKind == JsonValueKind.String)
            Assert.Equal(horizon.GetProperty("bound").GetString() == "below" ? 1 : 3,
                horizon.GetProperty("edge").GetInt32());
        else Assert.InRange(horizon.GetProperty("horizon").GetDouble(), 1, 3);
        var text = SuccessorProcess.Run("eval", "--checkpoint", model.Checkpoint, "--curriculum", "radd",
            "--difficulties", "1-3", "--count", "20");
        Assert.Matches(@"^(< 1|> 3|[123]\.\d\d) \[", text.Value("horizon_radd"));
    }

    [Fact]
    public void A_digit_shift_is_refused_in_one_line_for_a_model_without_digit_positions()
    {
        Assert.True(model.Result.ExitCode == 0, model.Result.Stderr);
        var r = SuccessorProcess.Run("eval", "--checkpoint", model.Checkpoint, "--curriculum", "radd",
            "--difficulties", "1-2", "--count", "5", "--digit-shift", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: a digit shift of 1 needs digit positions; this model has learned", r.Stderr.Trim());
        var text = SuccessorProcess.Run("eval", "--checkpoint", model.Checkpoint, "--data", model.Checkpoint,
            "--digit-shift", "1");
        Assert.Equal(2, text.ExitCode);
        Assert.Contains("--digit-shift applies to --curriculum only", text.Stderr);
    }

    [Fact]
    public void Comparing_a_checkpoint_with_itself_finds_no_difference_and_no_improvement()
    {
        var r = SuccessorProcess.Run("compare", model.Checkpoint, model.Checkpoint, "--curriculum", "radd",
            "--difficulties", "1-2", "--count", "20");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("0", r.Value("difference"));
        Assert.StartsWith("no", r.Value("genuinely_better"));
    }

    [Fact]
    public void An_unknown_task_family_is_refused_with_one_line_and_exit_code_2()
    {
        var r = SuccessorProcess.Run("curriculum", "generate", "--families", "division", "--difficulties", "1-2",
            "--count", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("division", Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
