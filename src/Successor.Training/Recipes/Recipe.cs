// The complete declarative description of one training run. Defaults are nanoGPT's CPU Shakespeare
// settings ("baby"); presets list only what differs. Saved as canonical JSON with its SHA-256.
using System.Text.Json.Serialization;
using Successor.Models.Gpt;

namespace Successor.Training.Recipes;

public sealed record Recipe
{
    public ModelConfig Model { get; init; } = new();

    public int BatchSize { get; init; } = 12;            // sequences per micro-batch
    public int GradAccumulation { get; init; } = 1;      // micro-batches per optimizer step
    public int Steps { get; init; } = 2000;              // optimizer steps
    public ulong Seed { get; init; } = 1337;             // weights, batches and dropout all derive from it

    public double LearningRate { get; init; } = 1e-3;    // peak, reached after warmup
    public double MinLearningRate { get; init; } = 1e-4; // floor of the decay
    public int WarmupSteps { get; init; } = 100;         // linear warmup from 0
    public Schedule Schedule { get; init; } = Schedule.Cosine;
    public int DecaySteps { get; init; }                 // decay ends here; 0 means Steps (cosine, linear)
    public int CooldownSteps { get; init; }              // wsd: the final decay; 0 means the last 20%
    // left out at linear: older recipes keep their bytes
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public CooldownShape CooldownShape { get; init; }    // wsd: how the cooldown falls to the floor
    // wsd: the share of the steps spent cooling down when cooldown_steps is 0 (0 means 20%); a share, unlike
    // cooldown_steps, keeps its meaning in a trial shorter than the run, so a search can try it. Left out at 0.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double CooldownFraction { get; init; }

    public double WeightDecay { get; init; } = 0.1;      // decoupled (AdamW), on weight matrices only
    public bool DecayEmbeddings { get; init; }           // also decay wte/wpe
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.99;
    public double Epsilon { get; init; } = 1e-8;
    public double GradClip { get; init; } = 1.0;         // global L2 norm; 0 disables

    public int EvalInterval { get; init; } = 250;        // steps between validations; 0 disables
    public int EvalBatches { get; init; } = 20;          // batches per periodic validation
    public double ValidationFraction { get; init; } = 0.1; // the last part of the text file

    /// <summary>Share of training rows drawn from kept self-generated data, when a lab has any; the rest
    /// come from the original data, which is always included (accumulate, never replace).</summary>
    public double SelfGeneratedFraction { get; init; }

    /// <summary>Weight of the KL divergence from the parent's predictions in each token's loss (knowledge
    /// distillation, Hinton et al. 2015); 0 trains on the data alone. Needs a parent (a teacher) to train
    /// from.</summary>
    public double DistillationWeight { get; init; }

    // Accepted plug-ins by the SHA-256 of their source ("sha256:…", the artifact holding it); left out when
    // absent, so recipes without plug-ins keep their bytes and hashes. A worker compiles and loads each one.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LearningRateSchedulePlugin { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ActivationPlugin { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DataFilterPlugin { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AuxiliaryLossPlugin { get; init; }

    /// <summary>Returns every problem, each one line naming the field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Model.Validate() is { } modelError) errors.Add($"model: {modelError}");
        void Check(bool ok, string message) { if (!ok) errors.Add(message); }
        Check(BatchSize >= 1, $"batch_size is {BatchSize}; it must be at least 1");
        Check(GradAccumulation >= 1, $"grad_accumulation is {GradAccumulation}; it must be at least 1");
        Check(Steps >= 0, $"steps is {Steps}; it must be 0 or more");
        Check(LearningRate > 0 && double.IsFinite(LearningRate),
            $"learning_rate is {LearningRate}; it must be a positive number");
        Check(MinLearningRate >= 0 && MinLearningRate <= LearningRate,
            $"min_learning_rate is {MinLearningRate}; it must be in [0, learning_rate]");
        Check(WarmupSteps >= 0, $"warmup_steps is {WarmupSteps}; it must be 0 or more");
        Check(DecaySteps >= 0, $"decay_steps is {DecaySteps}; it must be 0 or more");
        Check(CooldownSteps >= 0 && CooldownSteps <= Steps,
            $"cooldown_steps is {CooldownSteps}; it must be in [0, steps]");
        Check(Schedule == Schedule.Wsd || CooldownSteps == 0,
            $"cooldown_steps is {CooldownSteps}, but only the wsd schedule has a cooldown; " +
            "set schedule to wsd or cooldown_steps to 0");
        Check(CooldownFraction is >= 0 and <= 1, $"cooldown_fraction is {CooldownFraction}; it must be in [0, 1]");
        Check(Schedule == Schedule.Wsd || CooldownFraction == 0,
            $"cooldown_fraction is {CooldownFraction}, but only the wsd schedule has a cooldown; " +
            "set schedule to wsd or cooldown_fraction to 0");
        Check(CooldownSteps == 0 || CooldownFraction == 0, $"cooldown_steps is {CooldownSteps} and cooldown_fraction " +
            $"is {CooldownFraction}; give the cooldown's length one way, so set one of them to 0");
        Check(Schedule == Schedule.Wsd || CooldownShape == CooldownShape.Linear,
            $"cooldown_shape is {CooldownShape.ToString().ToLowerInvariant()}, " +
            "but only the wsd schedule has a cooldown; set schedule to wsd or cooldown_shape to linear");
        Check(Schedule != Schedule.Wsd || DecaySteps == 0,
            $"decay_steps is {DecaySteps}, but the wsd schedule decays over cooldown_steps; set decay_steps to 0");
        Check(WeightDecay >= 0 && double.IsFinite(WeightDecay), $"weight_decay is {WeightDecay}; it must be 0 or more");
        Check(Beta1 >= 0 && Beta1 < 1, $"beta1 is {Beta1}; it must be in [0, 1)");
        Check(Beta2 >= 0 && Beta2 < 1, $"beta2 is {Beta2}; it must be in [0, 1)");
        Check(Epsilon > 0, $"epsilon is {Epsilon}; it must be positive");
        Check(GradClip >= 0 && double.IsFinite(GradClip), $"grad_clip is {GradClip}; it must be 0 (off) or positive");
        Check(EvalInterval >= 0, $"eval_interval is {EvalInterval}; it must be 0 (off) or positive");
        Check(EvalBatches >= 1, $"eval_batches is {EvalBatches}; it must be at least 1");
        Check(ValidationFraction > 0 && ValidationFraction < 1,
            $"validation_fraction is {ValidationFraction}; it must be in (0, 1)");
        Check(DistillationWeight >= 0 && DistillationWeight < 1,
            $"distillation_weight is {DistillationWeight}; it must be in [0, 1)");
        Check(SelfGeneratedFraction >= 0 && SelfGeneratedFraction <= 0.9,
            $"self_generated_fraction is {SelfGeneratedFraction}; " +
            "it must be in [0, 0.9] so the original data stays in the mixture");
        foreach (var (key, digest) in PluginKeys())
            Check(digest is null || PluginDigest.IsValid(digest),
                $"{key} is '{digest}'; it must be the hash of an accepted plug-in's source, sha256: and 64 hex digits");
        Check(ActivationPlugin is null || Model.Activation != Activation.SwiGlu,
            "activation_plugin is set, but model.activation is swiglu; a plug-in replaces gelu or relu_squared");
        return errors;
    }

    /// <summary>Each plug-in key of the recipe with its hash, or null where none is set.</summary>
    public IEnumerable<(string Key, string? Digest)> PluginKeys()
    {
        yield return ("learning_rate_schedule_plugin", LearningRateSchedulePlugin);
        yield return ("activation_plugin", ActivationPlugin);
        yield return ("data_filter_plugin", DataFilterPlugin);
        yield return ("auxiliary_loss_plugin", AuxiliaryLossPlugin);
    }
}
