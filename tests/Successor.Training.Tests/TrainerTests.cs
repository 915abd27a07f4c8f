// The training loop end to end on tiny models: it learns, it is reproducible bit for bit (across
// resumes and thread counts), and it stops cleanly on divergence.
using System.Text;
using Successor.Models.Gpt;
using Successor.Tensors;
using Successor.Tensors.Fast;
using Successor.Training.Data;
using Successor.Training.Recipes;

namespace Successor.Training.Tests;

[Collection("Parallelism")]
public sealed class TrainerTests : IDisposable
{
    readonly string directory = Directory.CreateTempSubdirectory("successor-trainer-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    static readonly Recipe Tiny = new()
    {
        Model = new ModelConfig { Layers = 2, Heads = 2, Embedding = 32, BlockSize = 32 },
        BatchSize = 4, Steps = 8, WarmupSteps = 2, EvalInterval = 0, LearningRate = 3e-3, MinLearningRate = 3e-4,
    };

    static TextSplit Text(int bytes, int seed = 0, int blockSize = 32)
    {
        var rng = new Rng((ulong)seed);
        var words = new[] { "the ", "loop ", "trains ", "its ", "successor ", "and ", "verifies ", "it.\n" };
        var text = new StringBuilder();
        while (text.Length < bytes) text.Append(words[rng.NextInt(words.Length)]);
        return new TextSplit("test", Encoding.ASCII.GetBytes(text.ToString(0, bytes)), 0.1,
            Math.Min(blockSize, bytes / 20));
    }

    static List<float> Train(Recipe recipe, TextSplit corpus, int threads)
    {
        int saved = Parallelism.Threads;
        Parallelism.Threads = threads;
        try
        {
            using var trainer = new Trainer(recipe, corpus.ToTrainingData(), new FastKernels());
            trainer.Run();
            return trainer.Losses;
        }
        finally { Parallelism.Threads = saved; }
    }

    [Fact]
    public unsafe void A_two_layer_model_overfits_one_kilobyte_to_near_zero_loss()
    {
        const int T = 64;
        var kilobyte = Text(1200, seed: 99).Train.Tokens.Select(t => (byte)t).ToArray()[..1024];
        var corpus = new TextSplit("1kb", [.. kilobyte, .. kilobyte[..200]], 200.0 / 1224, T);
        var recipe = Tiny with { Model = Tiny.Model with { Embedding = 64, BlockSize = T }, Steps = 1000,
            WeightDecay = 0, BatchSize = 8, LearningRate = 3e-3, MinLearningRate = 1e-3 };
        int saved = Parallelism.Threads;
        Parallelism.Threads = 2;
        try
        {
            using var trainer = new Trainer(recipe, corpus.ToTrainingData(), new FastKernels());
            trainer.Run();
            Assert.True(trainer.Losses[0] > 2.5f, $"first loss {trainer.Losses[0]}");
            // Memorised: given 24 bytes of context, every next byte of the kilobyte is predicted.
            // (The first bytes of a window are unpredictable in any text, so they are not scored.)
            double sum = 0;
            int count = 0;
            foreach (var (inputs, targets, _) in corpus.Train.Pass(8, T))
            {
                for (int i = 0; i < targets.Length; i++) if (i % T < 24) targets[i] = -1;
                fixed (int* x = inputs, y = targets) trainer.Model.Forward(x, y, 8, T);
                for (int i = 0; i < targets.Length; i++)
                    if (targets[i] >= 0) { sum += trainer.Model.Losses[i]; count++; }
            }
            Assert.True(sum / count < 0.05, $"memorisation loss {sum / count}; " +
                $"last training losses {string.Join(", ", trainer.Losses.TakeLast(5))}");
        }
        finally { Parallelism.Threads = saved; }
    }

    [Fact]
    public void The_same_seed_gives_bitwise_identical_losses_and_another_seed_does_not()
    {
        var corpus = Text(20_000);
        var first = Train(Tiny, corpus, 2);
        Assert.Equal(first, Train(Tiny, corpus, 2));
        Assert.NotEqual(first, Train(Tiny with { Seed = 7 }, corpus, 2));
    }

    [Fact]
    public void Losses_are_bitwise_identical_for_any_thread_count()
    {
        var corpus = Text(20_000);
        var recipe = Tiny with { Model = Tiny.Model with { Dropout = 0.1f }, GradAccumulation = 2 };
        var one = Train(recipe, corpus, 1);
        Assert.Equal(one, Train(recipe, corpus, 2));
        Assert.Equal(one, Train(recipe, corpus, 3));
    }

    [Fact]
    public void Resuming_from_a_checkpoint_continues_exactly_like_an_uninterrupted_run()
    {
        var corpus = Text(20_000);
        var recipe = Tiny with { Model = Tiny.Model with { Dropout = 0.1f }, Steps = 10 };
        var uninterrupted = Train(recipe, corpus, 2);
        using (var first = new Trainer(recipe, corpus.ToTrainingData(), new FastKernels()))
        {
            first.Run(untilStep: 4);
            TrainingCheckpoint.Save(first, directory);
        }
        using var resumed = TrainingCheckpoint.Resume(directory, corpus.ToTrainingData(), new FastKernels());
        Assert.Equal(4, resumed.Step);
        resumed.Run();
        Assert.Equal(uninterrupted.Skip(4), resumed.Losses);
    }

    [Fact]
    public void A_wsd_run_continued_from_its_stable_state_trains_exactly_like_the_longer_run_from_the_start()
    {
        var corpus = Text(20_000);
        var shorter = Tiny with { Model = Tiny.Model with { Dropout = 0.1f }, Schedule = Schedule.Wsd, Steps = 6,
            CooldownSteps = 2 };
        // the shape acts only in the cooldown
        var longer = shorter with { Steps = 12, CooldownSteps = 3, CooldownShape = CooldownShape.Sqrt };
        var uninterrupted = Train(longer, corpus, 2);
        using (var first = new Trainer(shorter, corpus.ToTrainingData(), new FastKernels()))
        {
            first.Run(untilStep: 4); // the shorter run's stable part
            TrainingCheckpoint.Save(first, directory);
        }
        using var continued =
            TrainingCheckpoint.Continue(directory, longer, corpus.ToTrainingData(), new FastKernels());
        Assert.Equal(4, continued.Step);
        continued.Run();
        Assert.Equal(uninterrupted.Skip(4), continued.Losses);
    }

    [Fact]
    public void Only_a_stable_wsd_state_of_the_same_recipe_can_be_continued()
    {
        var corpus = Text(20_000);
        var shorter = Tiny with { Schedule = Schedule.Wsd, Steps = 6, CooldownSteps = 2 };
        using (var first = new Trainer(shorter, corpus.ToTrainingData(), new FastKernels()))
        {
            first.Run(untilStep: 5); // one step into the cooldown
            TrainingCheckpoint.Save(first, directory);
        }
        var cooled = Assert.Throws<RecipeException>(() => TrainingCheckpoint.Continue(directory,
            shorter with { Steps = 12, CooldownSteps = 3 }, corpus.ToTrainingData(), new FastKernels()));
        Assert.Contains("is at step 5, past step 4 where a cooldown starts", cooled.Message);
        var other =
            Assert.Throws<RecipeException>(() => TrainingCheckpoint.Continue(directory, shorter with { Steps = 12,
            CooldownSteps = 3, LearningRate = 1e-3 }, corpus.ToTrainingData(), new FastKernels()));
        Assert.Contains("was saved by a different recipe", other.Message);
    }

    [Fact]
    public void Distillation_pulls_the_student_toward_its_teacher_and_needs_one()
    {
        var data = Text(20_000).ToTrainingData();
        Assert.Throws<RecipeException>(() =>
            new Trainer(Tiny with { DistillationWeight = 0.5 }, data, new FastKernels()));
        // A teacher trained for a while; two students from the same initialisation, one distilled at weight
        // 0.9: after the same steps, the distilled one agrees more with the teacher (lower KL on new text).
        using var teacherTrainer = new Trainer(Tiny with { Steps = 60, Seed = 7 }, data, new FastKernels());
        teacherTrainer.Run();
        double Disagreement(double weight)
        {
            using var student = new Trainer(Tiny with { Steps = 20, DistillationWeight = weight }, data,
                new FastKernels(), teacher: teacherTrainer.Model);
            student.Run();
            return MeanKl(teacherTrainer.Model, student.Model, data.Validation);
        }
        Assert.True(Disagreement(0.9) < Disagreement(0), "distillation did not move the student toward the teacher");
    }

    /// <summary>Mean KL(teacher ‖ student) per position on one validation batch.</summary>
    static unsafe double MeanKl(GptModel teacher, GptModel student, IBatchSource source)
    {
        const int B = 4;
        int T = teacher.Config.BlockSize, V = teacher.Config.VocabSize;
        var inputs = new int[B * T];
        source.Sample(new Rng(3), B, T, inputs, new int[B * T]);
        var p = new float[B * T * V];
        double kl = 0;
        fixed (int* x = inputs)
        {
            teacher.Forward(x, null, B, T);
            new Span<float>(teacher.Logits, p.Length).CopyTo(p);
            student.Forward(x, null, B, T);
            for (int row = 0; row < B * T; row++)
            {
                var t = p.AsSpan(row * V, V);
                var q = new Span<float>(student.Logits + (long)row * V, V);
                double lt = LogSumExp(t), lq = LogSumExp(q);
                for (int v = 0; v < V; v++) kl += Math.Exp(t[v] - lt) * ((t[v] - lt) - (q[v] - lq));
            }
        }
        return kl / (B * T);
    }

    static double LogSumExp(ReadOnlySpan<float> x)
    {
        double max = double.NegativeInfinity, sum = 0;
        foreach (float v in x) max = Math.Max(max, v);
        foreach (float v in x) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }

    [Fact]
    public void A_diverging_run_stops_before_the_poisoned_update_with_a_clear_error()
    {
        var recipe =
            Tiny with { LearningRate = 1e30, MinLearningRate = 1e30, WarmupSteps = 0, GradClip = 0, Steps = 20 };
        using var trainer = new Trainer(recipe, Text(20_000).ToTrainingData(), new FastKernels());
        var e = Assert.Throws<TrainingDivergedException>(() => trainer.Run());
        Assert.Matches(@"^step \d+: loss is .*the weights were not updated", e.Message);
        Assert.Equal(trainer.Losses.Count, trainer.Step); // the failing step was not counted
        Assert.All(trainer.Losses, l => Assert.True(float.IsFinite(l)));
    }

    [Fact]
    public unsafe void Weights_with_a_nan_are_never_checkpointed()
    {
        using var trainer = new Trainer(Tiny, Text(20_000).ToTrainingData(), new FastKernels());
        trainer.Model.Parameters.Pointer[5] = float.NaN;
        Assert.Throws<TrainingDivergedException>(() => TrainingCheckpoint.Save(trainer, directory));
        Assert.Empty(Directory.GetFiles(directory));
        Assert.Throws<TrainingDivergedException>(() => trainer.Run());
    }

    [Fact]
    public void Full_validation_predicts_every_position_once()
    {
        var corpus = Text(5_000);
        using var trainer = new Trainer(Tiny, corpus.ToTrainingData(), new FastKernels());
        float loss = Trainer.FullLoss(trainer.Model, corpus.Validation, 3);
        Assert.InRange(loss, 5.2f, 5.9f); // untrained: close to ln(256) = 5.545
    }
}

/// <summary>Batches whose targets are all masked: nothing to learn.</summary>
file sealed class MaskedSource(TokenStream inner) : IBatchSource
{
    public void Sample(Rng rng, int B, int T, Span<int> inputs, Span<int> targets)
    {
        inner.Sample(rng, B, T, inputs, targets);
        targets.Fill(-1);
    }
}

public sealed class MaskedTargetTests
{
    [Fact]
    public void Batches_without_a_scored_target_stop_training_with_a_clear_error()
    {
        var text = new TextSplit("t", System.Text.Encoding.ASCII.GetBytes(new string('a', 4000)), 0.1, 16);
        var data = new TrainingData("masked", text.Sha256, new MaskedSource(text.Train), text.Validation);
        var recipe = new Recipe { Model = new ModelConfig { Layers = 1, Heads = 1, Embedding = 8, BlockSize = 16 },
            BatchSize = 2, Steps = 2 };
        using var trainer = new Trainer(recipe, data, new FastKernels());
        var e = Assert.Throws<DataException>(() => trainer.Run());
        Assert.Contains("no scored targets", e.Message);
    }
}

public sealed class SealedFileTests
{
    [Fact]
    public void The_trainer_refuses_a_sealed_holdout_file_given_by_path()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, SealedMarker.Header + "\n" + new string('x', 5000));
            var e = Assert.Throws<DataException>(() => TextSplit.Load(path, 0.1, 16));
            Assert.Contains("is a sealed holdout", e.Message);
        }
        finally { File.Delete(path); }
    }
}
