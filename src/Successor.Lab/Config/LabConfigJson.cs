// lab.json ⇄ LabConfig: snake_case, comments and trailing commas allowed, unknown keys refused, and
// every invalid field reported on its own line. `successor init` writes the defaults with a comment on
// each field.
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Successor.Data.Curriculum;
using Successor.Models;
using Successor.Research;

namespace Successor.Lab.Config;

public static class LabConfigJson
{
    public const string FileName = "lab.json";

    static readonly JsonSerializerOptions Read =
        new(SnakeCaseJson.Options) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static LabConfig Parse(string text, string source)
    {
        LabConfig? config;
        try { config = JsonSerializer.Deserialize<LabConfig>(text, Read); }
        catch (JsonException e) { throw new LabConfigException(
            $"lab config {source}{SnakeCaseJson.Problem(e, text, typeof(LabConfig), Read)}"); }
        if (config is null)
            throw new LabConfigException($"lab config {source}: is null; " +
                "expected a JSON object (run successor init for a template)");
        var errors = Validate(config);
        if (errors.Count > 0) throw new LabConfigException($"lab config {source}: {string.Join("; ", errors)}");
        return config;
    }

    public static LabConfig Load(string path)
    {
        if (!File.Exists(path))
            throw new LabConfigException($"lab config {path}: file not found; run successor init to write one");
        return Parse(File.ReadAllText(path), path);
    }

    public static string Canonical(LabConfig config) => JsonSerializer.Serialize(config, SnakeCaseJson.Compact);

    public static IReadOnlyList<string> Validate(LabConfig c)
    {
        var errors = new List<string>();
        void Check(bool ok, string message) { if (!ok) errors.Add(message); }
        void Try(string field, Action parse)
        {
            try { parse(); }
            catch (ArgumentException e) { errors.Add($"{field}: {e.Message}"); }
        }
        Check(!string.IsNullOrWhiteSpace(c.Name), "name is empty; give the lab a name");
        Check(c.Generations >= 0, $"generations is {c.Generations}; it must be 0 or more");
        Try("curriculum.families", () => TaskFamilies.Parse(c.Curriculum.Families));
        Try("curriculum.train_difficulties", () =>
            CurriculumGenerator.ParseDifficulties(c.Curriculum.TrainDifficulties));
        Try("curriculum.eval_difficulties", () => CurriculumGenerator.ParseDifficulties(c.Curriculum.EvalDifficulties));
        Try("promotion.difficulties", () => CurriculumGenerator.ParseDifficulties(c.Promotion.Difficulties));
        Check(c.Curriculum.EvalItemsPerSlice >= 10,
            $"curriculum.eval_items_per_slice is {c.Curriculum.EvalItemsPerSlice}; it must be at least 10");
        Check(c.Budgets.TrialSteps >= 1, $"budgets.trial_steps is {c.Budgets.TrialSteps}; it must be at least 1");
        Check(c.Budgets.TrialSeconds > 0, $"budgets.trial_seconds is {c.Budgets.TrialSeconds}; it must be positive");
        Check(c.Budgets.InitialSteps >= 1, $"budgets.initial_steps is {c.Budgets.InitialSteps}; it must be at least 1");
        Check(c.Budgets.InitialCandidates is >= 1 and <= 16,
            $"budgets.initial_candidates is {c.Budgets.InitialCandidates}; it must be 1 to 16");
        Check(c.Budgets.SuccessorSteps >= 1,
            $"budgets.successor_steps is {c.Budgets.SuccessorSteps}; it must be at least 1");
        Check(c.Budgets.GenerationTokens >= 0,
            $"budgets.generation_tokens is {c.Budgets.GenerationTokens}; it must be 0 (no cap) or more");
        Check(c.Budgets.GenerationSeconds >= 0,
            $"budgets.generation_seconds is {c.Budgets.GenerationSeconds}; it must be 0 (no cap) or more");
        Check(c.Budgets.LabTokens >= 0, $"budgets.lab_tokens is {c.Budgets.LabTokens}; it must be 0 (no cap) or more");
        Check(!c.Budgets.LastSuccessorTakesRest || c.Budgets.LabTokens > 0, "budgets.last_successor_takes_rest is " +
            "true but budgets.lab_tokens is 0; the rest of no cap is not a budget, so set lab_tokens");
        Check(c.Budgets.LabSeconds >= 0,
            $"budgets.lab_seconds is {c.Budgets.LabSeconds}; it must be 0 (no cap) or more");
        Check(Researchers.Strategies.Contains(c.Research.Strategy), $"research.strategy is " +
            $"\"{c.Research.Strategy}\"; use one of {string.Join(", ", Researchers.Strategies)}");
        Check(c.Research.Strategy != Researchers.LanguageModel || c.Research.LanguageModel is not null,
            "research.strategy is llm but research.language_model is missing; give the provider and model " +
            "(docs/RESEARCHERS.md)");
        errors.AddRange(c.Research.LanguageModel?.Problems() ?? []);
        Check(c.Research.Proposals >= 1, $"research.proposals is {c.Research.Proposals}; it must be at least 1");
        Check(c.Research.Workers >= 1, $"research.workers is {c.Research.Workers}; it must be at least 1");
        Check(c.Research.ThreadsPerWorker >= 1,
            $"research.threads_per_worker is {c.Research.ThreadsPerWorker}; it must be at least 1");
        Check(c.Research.Eta >= 2, $"research.eta is {c.Research.Eta}; it must be at least 2");
        Check(c.Research.Rungs >= 1, $"research.rungs is {c.Research.Rungs}; it must be at least 1");
        Check(c.Research.SelectionSeeds >= 2, $"research.selection_seeds is {c.Research.SelectionSeeds}; " +
            "it must be at least 2 (a single seed is never a finding)");
        Check(c.Research.Finalists >= 1 && c.Research.Finalists <= c.Research.Proposals, "research.finalists is " +
            $"{c.Research.Finalists}; it must be between 1 and research.proposals ({c.Research.Proposals})");
        foreach (var d in c.Research.SearchSpace) if (d.Validate() is { } e) errors.Add($"research.search_space: {e}");
        if (SearchSpace.Validate(c.Research.SearchSpace) is { } spaceError)
            errors.Add($"research.search_space: {spaceError}");
        Check(!(c.Research.ContinueTrials && c.Research.ScaleTrialSchedules),
            "research.continue_trials and research.scale_trial_schedules are both true; a trial either continues on " +
            "the wsd schedule or runs the successor's schedule in miniature, so set one of them to false");
        Check(!c.Research.ContinueSuccessor || c.Research.ContinueTrials,
            "research.continue_successor is true but research.continue_trials is false; only a trial on the wsd " +
            "schedule keeps a state the successor can continue, so set continue_trials to true");
        Check(c.Research.LearningRateFloor is >= 0 and <= 1, "research.learning_rate_floor is " +
            $"{c.Research.LearningRateFloor}; it must be in [0, 1] (a share of the searched learning_rate)");
        Check(c.Research.TrialCooldown > 0 && c.Research.TrialCooldown < 1,
            $"research.trial_cooldown is {c.Research.TrialCooldown}; it must be in (0, 1)");
        if (c.Research.ContinueTrials && c.Research.SearchSpace.FirstOrDefault(d =>
            d.Key is "schedule" or "decay_steps" or "cooldown_steps") is { } shape)
            errors.Add($"research.search_space: \"{shape.Key}\" cannot be searched with research.continue_trials, " +
                "under which every trial runs the wsd schedule; " +
                "drop it from the space or set continue_trials to false");
        Check(c.SelfGeneration.Filter is "exact" or "majority" or "vote" or "none",
            $"self_generation.filter is \"{c.SelfGeneration.Filter}\"; use exact, majority, vote or none");
        Check(c.SelfGeneration.Advance is "mastery" or "schedule",
            $"self_generation.advance is \"{c.SelfGeneration.Advance}\"; use mastery or schedule");
        Check(c.SelfGeneration.Voters >= 3,
            $"self_generation.voters is {c.SelfGeneration.Voters}; it must be at least 3 (a majority of 2 is both)");
        Check(!c.SelfGeneration.Witnesses || c.SelfGeneration.Filter == "none", "self_generation.witnesses is true " +
            $"with filter \"{c.SelfGeneration.Filter}\"; witnesses go with none only (a vote's voters already vote)");
        Check(!c.SelfGeneration.HasSiblings || c.FirstChampion is null, $"self_generation.filter is " +
            $"\"{c.SelfGeneration.Filter}\"{(c.SelfGeneration.Witnesses ? " with witnesses" : "")} and a " +
            "first_champion: an imported champion has no siblings to vote with; use exact, majority or plain none");
        Check(c.SelfGeneration.ProblemsPerDifficulty >= 1, "self_generation.problems_per_difficulty is " +
            $"{c.SelfGeneration.ProblemsPerDifficulty}; it must be at least 1");
        Check(c.SelfGeneration.DifficultiesAhead >= 1,
            $"self_generation.difficulties_ahead is {c.SelfGeneration.DifficultiesAhead}; it must be at least 1");
        Check(c.SelfGeneration.Samples >= 1,
            $"self_generation.samples is {c.SelfGeneration.Samples}; it must be at least 1");
        Check(c.SelfGeneration.SampleTemperature > 0,
            $"self_generation.sample_temperature is {c.SelfGeneration.SampleTemperature}; it must be positive");
        Check(c.SelfGeneration.MasteryAccuracy is > 0 and <= 1,
            $"self_generation.mastery_accuracy is {c.SelfGeneration.MasteryAccuracy}; it must be in (0, 1]");
        Check(c.Promotion.ItemsPerSlice >= 10,
            $"promotion.items_per_slice is {c.Promotion.ItemsPerSlice}; it must be at least 10");
        Check(c.Promotion.DifficultiesPastHorizon is >= 0 and <= 20,
            $"promotion.difficulties_past_horizon is {c.Promotion.DifficultiesPastHorizon}; it must be 0 (off) to 20");
        Check(c.Promotion.Tolerance is >= 0 and < 1,
            $"promotion.tolerance is {c.Promotion.Tolerance}; it must be in [0, 1)");
        Check(c.Promotion.MinKeptLabelAccuracy is >= 0 and <= 1,
            $"promotion.min_kept_label_accuracy is {c.Promotion.MinKeptLabelAccuracy}; it must be in [0, 1]");
        Check(c.Gates.DataMixChange is >= 0 and <= 1,
            $"gates.data_mix_change is {c.Gates.DataMixChange}; it must be in [0, 1]");
        Check(c.Safety.HoldoutFeedback is "none" or "thresholdout",
            $"safety.holdout_feedback is \"{c.Safety.HoldoutFeedback}\"; use none or thresholdout");
        Check(c.Safety.ThresholdoutBudget >= 0,
            $"safety.thresholdout_budget is {c.Safety.ThresholdoutBudget}; it must be 0 or more");
        Check(c.Safety.DivergenceZ > 0, $"safety.divergence_z is {c.Safety.DivergenceZ}; it must be positive");
        Check(c.Safety.ReliabilityHorizon >= 1,
            $"safety.reliability_horizon is {c.Safety.ReliabilityHorizon}; it must be at least 1");
        Check(c.Safety.MinProjectedReliability is >= 0 and <= 1,
            $"safety.min_projected_reliability is {c.Safety.MinProjectedReliability}; it must be in [0, 1]");
        Check(c.Safety.MinDiversityRatio is >= 0 and <= 1,
            $"safety.min_diversity_ratio is {c.Safety.MinDiversityRatio}; it must be in [0, 1]");
        Check(c.Safety.MaxPerplexityDrift >= 1, $"safety.max_perplexity_drift is {c.Safety.MaxPerplexityDrift}; " +
            "it must be at least 1 (1 alarms on any drift)");
        Check(c.Safety.MinTailCoverage is >= 0 and <= 1,
            $"safety.min_tail_coverage is {c.Safety.MinTailCoverage}; it must be in [0, 1]");
        Check(c.Sandbox is "on" or "off", $"sandbox is \"{c.Sandbox}\"; use on or off");
        if (c.Executor is { } executor)
        {
            Check(executor.Kind is ExecutorConfig.Local or ExecutorConfig.Slurm,
                $"executor.kind is \"{executor.Kind}\"; use local or slurm");
            Check(executor.PollSeconds is > 0 and <= 60,
                $"executor.poll_seconds is {executor.PollSeconds}; it must be above 0 and at most 60");
            Check(executor.SharedFolder is null || Path.IsPathFullyQualified(executor.SharedFolder),
                $"executor.shared_folder is \"{executor.SharedFolder}\"; give a full path every node mounts");
            Check(executor.Partition is null || Slurm.SlurmJobs.IsPlainWord(executor.Partition),
                $"executor.partition is \"{executor.Partition}\"; give a partition name (letters, digits, - _ .)");
        }
        Check(c.Safety.AnomalySeverity is "warning" or "critical",
            $"safety.anomaly_severity is \"{c.Safety.AnomalySeverity}\"; use warning or critical");
        Check(c.Judge.Reevaluate >= 1,
            $"judge.reevaluate is {c.Judge.Reevaluate}; it must be at least 1 (the selected candidate's trial)");
        Check(c.Judge.Account is null || System.Text.RegularExpressions.Regex.IsMatch(c.Judge.Account,
            "^[a-z_][a-z0-9_-]{0,31}$"), $"judge.account is \"{c.Judge.Account}\"; give a system account name " +
            "such as successor-judge, or null for the lab's own account");
        if (c.Split is { } split)
        {
            Check(File.Exists(Path.Combine(split, "train.jsonl"))
                && File.Exists(Path.Combine(split, "validation.jsonl")),
                $"split \"{split}\" has no train.jsonl and validation.jsonl; " +
                    "give a folder written by successor data split");
            Check(!c.SelfGeneration.Enabled,
                "self_generation.enabled is true, but a text lab cannot verify generated text yet; set it to false");
        }
        foreach (var plugin in c.Research.Plugins ?? [])
        {
            Check(Successor.Plugins.ExtensionPoints.Parse(plugin.Point) is not null,
                $"research.plugins: point \"{plugin.Point}\" is not an extension point; use "
                + "learning_rate_schedule, activation, data_filter or auxiliary_loss");
            Check(File.Exists(plugin.Source), $"research.plugins: source \"{plugin.Source}\" is not a file; give the "
                + "path of the plug-in's C# file");
        }
        if (c.FirstChampion is { } first)
            Check(File.Exists(Path.Combine(first, Training.TrainingCheckpoint.ModelFile))
                && File.Exists(Path.Combine(first, Training.TrainingCheckpoint.RecipeFile)),
                $"first_champion \"{first}\" has no model.safetensors and recipe.json; " +
                "give a folder written by successor import (or successor train)");
        Check(c.Recipe.DistillationWeight == 0, $"recipe.distillation_weight is {c.Recipe.DistillationWeight}; the " +
            "first champion has no parent to distil from, so it must be 0 (proposals may raise it for successors)");
        errors.AddRange(c.Recipe.Validate().Select(e => $"recipe: {e}"));
        return errors;
    }

    /// <summary>The defaults as JSON with a comment before every documented field.</summary>
    public static string Template(LabConfig config)
    {
        var node = JsonSerializer.SerializeToNode(config, SnakeCaseJson.Options)!.AsObject();
        var text = new StringBuilder();
        text.AppendLine("// Successor lab config. Every field has a default; delete the ones you do not change.");
        text.AppendLine("// Recipe fields are documented in docs/recipe.schema.json. Budgets of 0 mean no cap.");
        Write(text, node, "", 0);
        text.AppendLine();
        return text.ToString();
    }

    static void Write(StringBuilder text, JsonNode? node, string path, int indent)
    {
        if (node is not JsonObject o) { text.Append(node?.ToJsonString() ?? "null"); return; }
        text.AppendLine("{");
        int i = 0;
        foreach (var (key, value) in o)
        {
            string pad = new(' ', 2 * (indent + 1)), full = path.Length == 0 ? key : $"{path}.{key}";
            if (LabConfigComments.For(full) is { } comment) text.Append(pad).Append("// ").AppendLine(comment);
            text.Append(pad).Append(JsonValue.Create(key)!.ToJsonString()).Append(": ");
            if (value is JsonObject && full != "recipe") Write(text, value, full, indent + 1);
            else text.Append(value?.ToJsonString(SnakeCaseJson.Compact) ?? "null");
            text.AppendLine(++i < o.Count ? "," : "");
        }
        text.Append(new string(' ', 2 * indent)).Append('}');
    }
}

public sealed class LabConfigException(string message) : Exception(message);
