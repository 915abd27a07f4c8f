// The trainer's extension points: with no plug-in, and with plug-ins that give back exactly what the trainer
// would have done, training is the same bit for bit; a plug-in that does something else changes training the
// way it says (so each point is really used); a plug-in that answers nonsense stops the run with one line.
using System.Text;
using Successor.Models.Gpt;
using Successor.Plugins;
using Successor.Tensors;
using Successor.Tensors.Fast;
using Successor.Training.Data;
using Successor.Training.Plugins;
using Successor.Training.Recipes;

namespace Successor.Training.Tests.Plugins;

[Collection("Parallelism")]
public sealed class TrainerPluginTests
{
    static readonly Recipe Tiny = new()
    {
        Model = new ModelConfig { Layers = 1, Heads = 2, Embedding = 32, BlockSize = 32 },
        BatchSize = 4, Steps = 6, WarmupSteps = 2, EvalInterval = 0, LearningRate = 3e-3, MinLearningRate = 3e-4,
    };

    static TrainingData Data()
    {
        var rng = new Rng(3);
        var words = new[] { "the ", "loop ", "trains ", "its ", "successor ", "and ", "verifies ", "it.\n" };
        var text = new StringBuilder();
        while (text.Length < 4000) text.Append(words[rng.NextInt(words.Length)]);
        return new TextSplit("plugins", Encoding.ASCII.GetBytes(text.ToString(0, 4000)), 0.1, 32).ToTrainingData();
    }

    /// <summary>The losses and final weights of Tiny (or `recipe`) trained with `plugins`.</summary>
    static (float[] Losses, float[] Weights) Train(TrainingPlugins? plugins, Recipe? recipe = null)
    {
        using var trainer = new Trainer(recipe ?? Tiny, Data(), new FastKernels());
        if (plugins is not null) trainer.Plugins = plugins;
        trainer.Run();
        return ([.. trainer.Losses], trainer.Model.Parameters.Slice(0, (int)trainer.Model.Parameters.Length).ToArray());
    }

    sealed class BuiltInSchedule : ILearningRateSchedule
    {
        public double LearningRate(ScheduleStep step) => step.BuiltIn;
    }

    sealed class FixedSchedule(double rate) : ILearningRateSchedule
    {
        public double LearningRate(ScheduleStep step) => rate;
    }

    sealed class KeepAll : IDataFilter
    {
        public bool Keep(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets) => true;
    }

    sealed class NoPenalty : IAuxiliaryLoss
    {
        public double AddLoss(ReadOnlySpan<float> weights, Span<float> gradients) => 0;
    }

    sealed class L2(float strength) : IAuxiliaryLoss
    {
        public double AddLoss(ReadOnlySpan<float> weights, Span<float> gradients)
        {
            double sum = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                sum += weights[i] * (double)weights[i];
                gradients[i] += 2 * strength * weights[i];
            }
            return strength * sum;
        }
    }

    /// <summary>relu(x)² written out, the plug-in counterpart of the relu_squared kernel.</summary>
    sealed class ReluSquared : IActivation
    {
        public void Forward(ReadOnlySpan<float> input, Span<float> output)
        {
            for (int i = 0; i < input.Length; i++) output[i] = input[i] > 0 ? input[i] * input[i] : 0;
        }

        public void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
        {
            for (int i = 0; i < input.Length; i++)
                inputGradient[i] += input[i] > 0 ? 2 * input[i] * outputGradient[i] : 0;
        }
    }

    [Fact]
    public void Without_plug_ins_and_with_plug_ins_that_echo_the_built_in_training_is_the_same_bit_for_bit()
    {
        var plain = Train(null);
        var echoed = Train(new TrainingPlugins
        {
            Schedule = new BuiltInSchedule(), DataFilter = new KeepAll(), AuxiliaryLoss = new NoPenalty(),
        });
        Assert.Equal(plain.Losses, echoed.Losses);
        Assert.True(plain.Weights.AsSpan().SequenceEqual(echoed.Weights));
        // and the run is not trivially the same: another seed moves the weights
        Assert.False(plain.Weights.AsSpan().SequenceEqual(Train(null, Tiny with { Seed = 7 }).Weights));
    }

    [Fact]
    public void A_recipe_without_plug_ins_keeps_its_bytes_and_hash()
    {
        var recipe = Tiny with { LearningRateSchedulePlugin = PluginDigest.Of("class A {}") };
        Assert.DoesNotContain("plugin", RecipeJson.Canonical(Tiny), StringComparison.Ordinal);
        Assert.Contains("\"learning_rate_schedule_plugin\":\"sha256:", RecipeJson.Canonical(recipe),
            StringComparison.Ordinal);
        Assert.NotEqual(RecipeJson.Sha256(Tiny), RecipeJson.Sha256(recipe));
        Assert.Equal(recipe, RecipeJson.Parse(RecipeJson.Serialize(recipe), "test"));
        Assert.Equal(recipe.LearningRateSchedulePlugin, RecipeJson.Override(Tiny,
            [$"learning_rate_schedule_plugin={recipe.LearningRateSchedulePlugin}"]).LearningRateSchedulePlugin);
        Assert.Contains((Tiny with { DataFilterPlugin = "sha256:12" }).Validate(),
            e => e.StartsWith("data_filter_plugin is 'sha256:12'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_schedule_plug_in_sets_every_steps_rate()
    {
        var plain = Train(null);
        var frozen = Train(new TrainingPlugins { Schedule = new FixedSchedule(0) });
        // AdamW's step and its decoupled weight decay both scale with the rate: at 0 nothing moves
        using var fresh = new Trainer(Tiny, Data(), new FastKernels());
        Assert.True(frozen.Weights.AsSpan().SequenceEqual(
            fresh.Model.Parameters.Slice(0, (int)fresh.Model.Parameters.Length)));
        Assert.False(plain.Weights.AsSpan().SequenceEqual(frozen.Weights));
    }

    [Fact]
    public void A_schedule_plug_in_that_answers_nan_stops_the_run_naming_it()
    {
        var e = Assert.Throws<TrainingDivergedException>(() =>
            Train(new TrainingPlugins { Schedule = new FixedSchedule(double.NaN) }));
        Assert.Equal("step 1: the learning_rate_schedule plug-in gave NaN; it must give a finite rate of 0 or more",
            e.Message);
    }

    [Fact]
    public void An_activation_plug_in_replaces_the_kernel_forward_and_backward()
    {
        var recipe = Tiny with { Model = Tiny.Model with { Activation = Activation.Gelu } };
        var kernel = Train(null, recipe with { Model = recipe.Model with { Activation = Activation.ReluSquared } });
        var plugin = Train(new TrainingPlugins { Activation = new ReluSquared() }, recipe);
        var gelu = Train(null, recipe);
        // the plug-in's relu² trains as the relu_squared kernel does (to rounding), not as gelu
        for (int i = 0; i < kernel.Losses.Length; i++) Assert.Equal(kernel.Losses[i], plugin.Losses[i], 1e-4f);
        Assert.True(Math.Abs(gelu.Losses[^1] - plugin.Losses[^1]) > 1e-3);
    }

    [Fact]
    public void An_activation_plug_in_is_refused_for_swiglu()
    {
        using var model = new GptModel(Tiny.Model with { Activation = Activation.SwiGlu }, new FastKernels());
        var e = Assert.Throws<ArgumentException>(() => model.ActivationPlugin = new ReluSquared());
        Assert.Contains("not swiglu", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_auxiliary_loss_adds_to_the_loss_and_its_gradient_to_the_step()
    {
        var plain = Train(null, Tiny with { WeightDecay = 0 });
        var penalised = Train(new TrainingPlugins { AuxiliaryLoss = new L2(0.5f) }, Tiny with { WeightDecay = 0 });
        static double Norm(float[] w) => Math.Sqrt(w.Sum(x => (double)x * x));
        Assert.True(penalised.Losses[0] > plain.Losses[0] + 1, $"{penalised.Losses[0]} vs {plain.Losses[0]}");
        Assert.True(Norm(penalised.Weights) < Norm(plain.Weights));
    }

    [Fact]
    public void A_data_filter_trains_only_on_rows_it_keeps_and_is_deterministic()
    {
        var source = Data().Train;
        int newline = "\n"[0];
        var filter = new NoNewline(newline);
        var filtered = new FilteredBatchSource(source, filter);
        int B = 4, T = 32;
        var (x1, y1, x2, y2) = (new int[B * T], new int[B * T], new int[B * T], new int[B * T]);
        filtered.Sample(new Rng(5), B, T, x1, y1);
        filtered.Sample(new Rng(5), B, T, x2, y2);
        Assert.Equal(x1, x2);
        Assert.DoesNotContain(newline, x1);
        Assert.True(filter.Refused > 0, "the filter refused no row; the test shows nothing");
        var e = Assert.Throws<DataException>(() =>
            new FilteredBatchSource(source, new KeepNone()).Sample(new Rng(5), B, T, x1, y1));
        Assert.Equal("the data_filter plug-in kept 0 of 256 rows drawn; it must keep at least 1 in 64", e.Message);
    }

    sealed class NoNewline(int token) : IDataFilter
    {
        public int Refused { get; private set; }

        public bool Keep(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets)
        {
            bool keep = !inputs.Contains(token);
            if (!keep) Refused++;
            return keep;
        }
    }

    sealed class KeepNone : IDataFilter
    {
        public bool Keep(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets) => false;
    }
}
