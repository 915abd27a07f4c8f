// 7–8. The champion answers training-side problems just past its frontier; the configured filter keeps
// some. Kept data joins the accumulated self-generated sets (never replacing the original data), and
// every kept problem is checked to come from the training side of the curriculum partition.
using System.Text;
using System.Text.Json.Nodes;
using Successor.Data.Curriculum;
using Successor.Lab.Curation;
using Successor.Ledger.Statements;
using Successor.Safety.Incidents;

namespace Successor.Lab.Loop;

public sealed partial class LabRunner
{
    (List<string> SelfGenerated, JsonObject? Curation) Curate(int g, Champion champion)
    {
        var sets = new List<string>(champion.SelfGenerated);
        if (!config.SelfGeneration.Enabled || !task.CanSelfGenerate) return (sets, null);
        var s = config.SelfGeneration;
        string id = journal.Id("curation", $"g{g}");
        var attributes = journal.Get(id) ?? RecordCuration(g, id, champion);
        if (attributes["data"] is JsonValue digest) sets.Add((string)digest!);
        if ((double)attributes["kept_label_accuracy"]! < config.Promotion.MinKeptLabelAccuracy)
            RaiseIncident(g, "kept-label-accuracy", "kept-label-accuracy", $"{(double)attributes["kept_label_accuracy"]!:0.000} of the kept self-generated labels are correct, below the gate's {config.Promotion.MinKeptLabelAccuracy:0.000} (the {s.Filter} filter lets errors in)");
        if (attributes["diversity_ratio"] is JsonValue ratio && (double)ratio < config.Safety.MinDiversityRatio)
            RaiseIncident(g, "collapse", "collapse", $"the kept answers' distinct-2 is {(double)attributes["distinct_2"]!:0.000}, {(double)ratio:0.000} of the true answers' {(double)attributes["distinct_2_truth"]!:0.000}, below safety.min_diversity_ratio {config.Safety.MinDiversityRatio:0.000}", Severity.Warning);
        if (attributes["perplexity_drift"] is JsonValue drift && !WithinDrift((double)drift))
            RaiseIncident(g, "drift", "drift", $"the reference model finds the kept answers {(double)drift:0.###}× as perplexing as the true ones ({(double)attributes["perplexity_reference"]!:0.00} vs {(double)attributes["perplexity_reference_truth"]!:0.00}), beyond safety.max_perplexity_drift {config.Safety.MaxPerplexityDrift:0.00}", Severity.Warning);
        if (attributes["tail_coverage"] is JsonValue tail && (double)tail < config.Safety.MinTailCoverage)
            RaiseIncident(g, "tail-coverage", "collapse", $"the kept answers hold {(double)tail:0.000} of the rare 3-grams the true answers to their prompts hold, below safety.min_tail_coverage {config.Safety.MinTailCoverage:0.000}", Severity.Warning);
        report(new(g, "curation", $"champion answered {attributes["generated"]} problems at d={string.Join(",", attributes["difficulties"]!.AsArray())}; " +
            $"{s.Filter} filter kept {attributes["kept"]} ({string.Join("/", attributes["kept_per_difficulty"]!.AsArray())} per difficulty); kept-label accuracy {(double)attributes["kept_label_accuracy"]!:0.000}"));
        return (sets, attributes);
    }

    /// <summary>Drift is a ratio: as far below 1 (blander than the truth) as above it (stranger) alarms.</summary>
    bool WithinDrift(double drift) => drift <= config.Safety.MaxPerplexityDrift && drift >= 1 / config.Safety.MaxPerplexityDrift;

    /// <summary>Generates, filters and records in one transaction: the curation, and the kept set as an
    /// artifact derived from the champion.</summary>
    JsonObject RecordCuration(int g, string id, Champion champion)
    {
        var s = config.SelfGeneration;
        var difficulties = Enumerable.Range(champion.Frontier + 1, s.DifficultiesAhead).ToList();
        using var model = Load(champion.CheckpointDigest);
        var (kept, posed, result) = SelfGeneratedData.Curate(model, config.Curriculum.Families, difficulties, s.ProblemsPerDifficulty,
            SeedFor(g, 4), s.Filter, s.Samples, s.SampleTemperature);
        string referenceDigest = (string)journal.Get(journal.Id("generation", "g0"))!["champion_checkpoint"]!;
        using var reference = referenceDigest == champion.CheckpointDigest ? null : Load(referenceDigest);
        var a = new JsonObject
        {
            ["generation"] = g,
            ["difficulties"] = new JsonArray([.. difficulties.Select(d => (JsonNode)d)]),
            ["filter"] = s.Filter,
            ["generated"] = result.Generated,
            ["kept"] = result.Kept,
            ["kept_correct"] = result.KeptCorrect,
            ["kept_label_accuracy"] = result.KeptLabelAccuracy,
            ["kept_per_difficulty"] = new JsonArray([.. difficulties.Select(d => (JsonNode)kept.Count(p => p.Difficulty == d))]),
            ["reference_checkpoint"] = referenceDigest,
            // Accumulate, never replace: the original data stays in every mixture (Gerstgrasser et al. 2024).
            ["original_data_included"] = true,
        };
        foreach (var (key, value) in KeptDataMonitors.Measure(model, reference ?? model, kept, posed)) a[key] = value?.DeepClone();
        var relations = new List<ProvStatement> { ProvStatement.Used(id, champion.Id) };
        if (reference is not null) relations.Add(ProvStatement.Used(id, $"checkpoint:{Ledger.Digests.Normalize(referenceDigest)[..16]}"));
        if (kept.Count > 0)
        {
            string digest = journal.Store(Encoding.UTF8.GetBytes(SelfGeneratedData.Format(kept)));
            string entity = journal.Id("self-generated", $"g{g}");
            a["data"] = digest;
            relations.AddRange([
                ProvStatement.Artifact(entity, "self-generated-data", digest, new JsonObject { ["lab"] = journal.Lab, ["generation"] = g, ["kept"] = kept.Count }),
                ProvStatement.WasGeneratedBy(entity, id), ProvStatement.WasDerivedFrom(entity, champion.Id)]);
        }
        return journal.Record(ProvStatement.Activity(id, "curation", a), [.. relations]);
    }

    // 8. Safety checks on this generation's new data: every kept problem must be a training-side problem
    // (never a public validation or sealed one) and well formed.
    JsonObject Safety(int g, List<string> newSets)
    {
        string id = journal.Id("safety", $"g{g}");
        var attributes = journal.Once(id, () =>
        {
            int checkedCount = 0, offSide = 0, malformed = 0;
            foreach (var digest in newSets)
                foreach (var p in SelfGeneratedData.Read(journal.Artifacts.PathOf(digest)))
                {
                    checkedCount++;
                    if (CurriculumPartition.SideOf(p.Prompt) != 0) offSide++;
                    if (TaskFamilies.All.All(f => f.Name != p.Family)) malformed++;
                }
            return ProvStatement.Activity(id, "safety-check", new JsonObject
            {
                ["generation"] = g, ["checked"] = checkedCount, ["off_training_side"] = offSide, ["malformed"] = malformed,
                ["passed"] = offSide == 0 && malformed == 0,
            });
        });
        report(new(g, "safety", $"checked {attributes["checked"]} kept problems: {attributes["off_training_side"]} outside the training side, {attributes["malformed"]} malformed"));
        return attributes;
    }
}
