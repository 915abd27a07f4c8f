// A worker continuing another trial's stable state (research.continue_trials): it pays only the new steps,
// ends where one longer run ends, and refuses a state that does not hash to what its trial recorded.
using Successor.Lab.Config;
using Successor.Lab.Trials;
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Training.Recipes;

namespace Successor.Lab.Tests;

public sealed class TrialWorkerTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("successor-worker-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    static readonly Recipe Shorter = new()
    {
        Model = new ModelConfig { Layers = 1, Heads = 2, Embedding = 32, BlockSize = 32 },
        BatchSize = 4, WarmupSteps = 3, EvalInterval = 0, Schedule = Schedule.Wsd, Steps = 12, CooldownSteps = 2,
    };
    static readonly Recipe Longer = Shorter with { Steps = 24, CooldownSteps = 4 };

    TrialResult Run(string id, Recipe recipe, bool keepStable = false, string? from = null, int fromStep = 0,
        string? sha = null)
    {
        string folder = Path.Combine(root, id);
        new TrialSpec
        {
            Id = id, Recipe = recipe, KeepStable = keepStable, ContinueFrom = from,
            ContinueStep = fromStep, ContinueSha256 = sha,
            Curriculum =
                new CurriculumConfig { TrainDifficulties = "1-2", EvalDifficulties = "1-2", EvalItemsPerSlice = 10 },
        }.Save(folder);
        return TrialWorker.Run(folder);
    }

    [Fact]
    public void A_continued_trial_pays_only_its_new_steps_and_ends_where_one_longer_run_ends()
    {
        var first = Run("r0", Shorter, keepStable: true);
        string stable = Path.Combine(root, "r0", TrialWorker.StableFolder);
        Assert.Equal(first.StableSha256, TrialWorker.StableSha256(stable));
        Assert.Equal(12L * 4 * 32, first.Tokens);

        var continued = Run("r1", Longer, from: stable, fromStep: 10, sha: first.StableSha256);
        var whole = Run("whole", Longer);
        Assert.Equal(24, continued.Steps);
        Assert.Equal((24L - 10) * 4 * 32, continued.Tokens);
        Assert.Equal(whole.ModelSha256, continued.ModelSha256); // the same weights, bit for bit
        Assert.Equal(whole.Scores, continued.Scores);
        Assert.Equal(whole.TrainLoss, continued.TrainLoss);
    }

    [Fact]
    public void A_stable_state_that_does_not_hash_to_its_record_is_refused()
    {
        var first = Run("r0", Shorter, keepStable: true);
        string stable = Path.Combine(root, "r0", TrialWorker.StableFolder);
        var e = Assert.Throws<CheckpointFormatException>(() =>
            Run("r1", Longer, from: stable, fromStep: 10, sha: new string('0', 64)));
        Assert.Contains("hashes to", e.Message);
        Assert.Contains("but its trial recorded 000000000000", e.Message);
        var step = Assert.Throws<CheckpointFormatException>(() =>
            Run("r1b", Longer, from: stable, fromStep: 8, sha: first.StableSha256));
        Assert.Contains("is at step 10, not 8", step.Message);
    }
}
