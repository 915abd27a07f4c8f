// The training loop: sample micro-batches, forward and backward, clip, AdamW, validate, checkpoint.
// Every random draw derives from (seed, step, micro-batch), so a resumed run continues exactly as
// the uninterrupted one would, and results do not depend on the thread count.
using System.Diagnostics;
using System.Numerics.Tensors;
using Successor.Models.Gpt;
using Successor.Plugins;
using Successor.Tensors;
using Successor.Training.Data;
using Successor.Training.Optimization;
using Successor.Training.Plugins;
using Successor.Training.Recipes;

namespace Successor.Training;

public sealed unsafe class Trainer : IDisposable
{
    const ulong BatchStream = 1, DropoutStream = 2, EvalStream = 3;

    /// <param name="teacher">The parent to distil from when the recipe's distillation_weight is above 0.</param>
    public Trainer(Recipe recipe, TrainingData data, IKernels kernels, GptModel? model = null, GptModel? teacher = null)
    {
        if (recipe.DistillationWeight > 0 && teacher is null)
            throw new RecipeException(
                $"distillation_weight is {recipe.DistillationWeight}, but there is no teacher; " +
                "give a parent checkpoint to distil from, or set it to 0");
        if (teacher is not null
            && (teacher.Config.VocabSize != recipe.Model.VocabSize
                || teacher.Config.BlockSize < recipe.Model.BlockSize))
            throw new RecipeException(
                $"the teacher's vocabulary ({teacher.Config.VocabSize}) or context " +
                $"({teacher.Config.BlockSize}) does not cover the recipe's " +
                $"({recipe.Model.VocabSize}, {recipe.Model.BlockSize})");
        Teacher = teacher;
        Recipe = recipe;
        Data = data;
        RecipeSha256 = RecipeJson.Sha256(recipe);
        Model = model ?? new GptModel(recipe.Model, kernels);
        if (model is null) Model.Initialize(recipe.Seed);
        Optimizer = new AdamW(Model, recipe.DecayEmbeddings);
    }

    public Recipe Recipe { get; }
    /// <summary>The parent being distilled from, or null; owned by the caller.</summary>
    public GptModel? Teacher { get; }
    public string RecipeSha256 { get; }
    public TrainingData Data { get; }
    public GptModel Model { get; }
    public AdamW Optimizer { get; }
    /// <summary>Optimizer steps completed.</summary>
    public int Step => (int)Optimizer.Step;
    /// <summary>Training loss of every completed step in this process, in order.</summary>
    public List<float> Losses { get; } = [];
    /// <summary>Plug-ins at the trainer's extension points; none (the default) is the built-in trainer, bit for
    /// bit. Setting it sets the model's activation plug-in too.</summary>
    public TrainingPlugins Plugins
    {
        get;
        set
        {
            Model.ActivationPlugin = value.Activation;
            field = value;
        }
    } = TrainingPlugins.None;

    public long TokensPerStep => (long)Recipe.BatchSize * Recipe.Model.BlockSize * Recipe.GradAccumulation;

    /// <summary>True when the last optimizer update left the gradients zero and nothing has touched them since.
    /// </summary>
    bool gradientsZero;

    /// <summary>Trains until `untilStep` steps are done (the recipe's Steps by default).</summary>
    public void Run(Action<TrainingEvent>? report = null, int? untilStep = null, CancellationToken cancel = default)
    {
        int end = untilStep ?? Recipe.Steps, B = Recipe.BatchSize, T = Recipe.Model.BlockSize;
        int micros = Recipe.GradAccumulation;
        var inputs = new int[micros][];
        var targets = new int[micros][];
        for (int i = 0; i < micros; i++) { inputs[i] = new int[B * T]; targets[i] = new int[B * T]; }
        var clock = Stopwatch.StartNew();
        long tokens = 0;
        var train = Plugins.DataFilter is { } filter ? new FilteredBatchSource(Data.Train, filter) : Data.Train;
        while (Step < end)
        {
            cancel.ThrowIfCancellationRequested();
            int step = Step;
            // The loss is the mean over every scored target of the step, so each micro-batch is
            // weighted by its share of scored targets (masked targets are −1).
            long scored = 0;
            for (int micro = 0; micro < micros; micro++)
            {
                train.Sample(Rng.For(Recipe.Seed, BatchStream, (ulong)step, (ulong)micro), B, T,
                    inputs[micro], targets[micro]);
                foreach (int t in targets[micro]) if (t >= 0) scored++;
            }
            if (scored == 0)
                throw new DataException(
                    $"step {step + 1}: the sampled batches have no scored targets; the data has nothing to learn");
            if (!gradientsZero) Model.Gradients.Clear();
            gradientsZero = false;
            double lossSum = 0;
            for (int micro = 0; micro < micros; micro++)
            {
                ulong dropoutSeed = Rng.For(Recipe.Seed, DropoutStream, (ulong)step, (ulong)micro).NextULong();
                long here = targets[micro].Count(t => t >= 0);
                if (here == 0) continue;
                fixed (int* x = inputs[micro], y = targets[micro])
                {
                    float* teacherLogits = null;
                    if (Teacher is not null && Recipe.DistillationWeight > 0)
                    {
                        Teacher.Forward(x, null, B, T);
                        teacherLogits = Teacher.Logits;
                    }
                    lossSum += (double)Model.ForwardBackward(x, y, B, T, 1f / scored, dropoutSeed, teacherLogits,
                        (float)Recipe.DistillationWeight) * here;
                }
            }
            if (Plugins.AuxiliaryLoss is { } auxiliary)
                lossSum += auxiliary.AddLoss(Model.Parameters.Slice(0, (int)Model.Parameters.Length),
                    Model.Gradients.Slice(0, (int)Model.Gradients.Length)) * scored;
            float loss = (float)(lossSum / scored);
            double norm = Optimizer.GradientNorm();
            if (!float.IsFinite(loss) || !double.IsFinite(norm))
                throw new TrainingDivergedException(
                    $"step {step + 1}: loss is {loss}, gradient norm is {norm}; the weights were not updated " +
                    "(lower learning_rate or set grad_clip)");
            float scale = Recipe.GradClip > 0 && norm > Recipe.GradClip ? (float)(Recipe.GradClip / norm) : 1f;
            double lr = LearningRateSchedule.At(Recipe, step);
            if (Plugins.Schedule is { } schedule) lr = PluginRate(schedule, step, lr);
            Optimizer.Update(lr, Recipe.Beta1, Recipe.Beta2, Recipe.Epsilon, Recipe.WeightDecay, scale,
                clearGradients: true);
            gradientsZero = true;
            Losses.Add(loss);
            tokens += TokensPerStep;
            report?.Invoke(
                new StepEvent(Step, end, loss, lr, norm, tokens / clock.Elapsed.TotalSeconds, clock.Elapsed));
            if (Recipe.EvalInterval > 0 && (Step % Recipe.EvalInterval == 0 || Step == end))
                report?.Invoke(new EvalEvent(Step, EstimateLoss(Data.Validation, Recipe.EvalBatches)));
        }
    }

    double PluginRate(ILearningRateSchedule schedule, int step, double builtIn)
    {
        var r = Recipe;
        double lr = schedule.LearningRate(
            new(step, r.Steps, r.WarmupSteps, r.LearningRate, r.MinLearningRate, builtIn));
        return double.IsFinite(lr) && lr >= 0 ? lr : throw new TrainingDivergedException(
            $"step {step + 1}: the learning_rate_schedule plug-in gave {lr}; it must give a finite rate of 0 or more");
    }

    /// <summary>Mean loss over `batches` random batches drawn from a fixed stream (the same batches every
    /// call).</summary>
    public float EstimateLoss(IBatchSource split, int batches)
    {
        int B = Recipe.BatchSize, T = Recipe.Model.BlockSize;
        var inputs = new int[B * T];
        var targets = new int[B * T];
        double sum = 0;
        for (int i = 0; i < batches; i++)
        {
            split.Sample(Rng.For(Recipe.Seed, EvalStream, (ulong)i), B, T, inputs, targets);
            fixed (int* x = inputs, y = targets) sum += Model.Forward(x, y, B, T);
        }
        return (float)(sum / batches);
    }

    /// <summary>Every position of the split predicted once (windows of block_size): mean loss in nats per
    /// token.</summary>
    public static float FullLoss(GptModel model, TokenStream split, int batchSize)
    {
        double sum = 0;
        long count = 0;
        int T = Math.Min(model.Config.BlockSize, split.Length - 1);
        foreach (var (inputs, targets, _) in split.Pass(batchSize, T))
        {
            fixed (int* x = inputs, y = targets) model.Forward(x, y, batchSize, T);
            for (int i = 0; i < inputs.Length; i++)
                if (targets[i] >= 0) { sum += model.Losses[i]; count++; }
        }
        return (float)(sum / count);
    }

    /// <summary>True when every parameter is finite: a checkpoint is never written otherwise.</summary>
    public bool WeightsAreFinite()
    {
        for (long s = 0; s < Model.Parameters.Length; s += 1 << 20)
            if (!float.IsFinite(
                TensorPrimitives.MaxMagnitude(
                    Model.Parameters.Slice(s, (int)Math.Min(1 << 20, Model.Parameters.Length - s)))))
                return false;
        return true;
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        Model.Dispose();
    }
}
