// 7–8. The champion answers training-side problems just past its frontier; the configured filter keeps
// some. Kept data joins the accumulated self-generated sets (never replacing the original data), and
// every kept problem is checked to come from the training side of the curriculum partition.
using System.Text;
using System.Text.Json.Nodes;
using Successor.Data.Curriculum;
using Successor.Lab.Curation;
using Successor.Ledger.Prov;
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
        if (attributes["distinct_2"] is JsonValue d2 && (double)d2 < config.Safety.MinDistinct2)
            RaiseIncident(g, "collapse", "collapse", $"distinct-2 of the kept answers is {(double)d2:0.000}, below safety.min_distinct2 {config.Safety.MinDistinct2:0.000}", Severity.Warning);
        report(new(g, "curation", $"champion answered {attributes["generated"]} problems at d={string.Join(",", attributes["difficulties"]!.AsArray())}; " +
            $"{s.Filter} filter kept {attributes["kept"]} ({string.Join("/", attributes["kept_per_difficulty"]!.AsArray())} per difficulty); kept-label accuracy {(double)attributes["kept_label_accuracy"]!:0.000}"));
        return (sets, attributes);
    }

    /// <summary>Generates, filters and records in one transaction: the curation, and the kept set as an
    /// artifact derived from the champion.</summary>
    JsonObject RecordCuration(int g, string id, Champion champion)
    {
        var s = config.SelfGeneration;
        var difficulties = Enumerable.Range(champion.Frontier + 1, s.DifficultiesAhead).ToList();
        using var model = Load(champion.CheckpointDigest);
        var (kept, result) = SelfGeneratedData.Curate(model, config.Curriculum.Families, difficulties, s.ProblemsPerDifficulty,
            SeedFor(g, 4), s.Filter, s.Samples, s.SampleTemperature);
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
            // Collapse monitors: diversity of the kept answers (Shumailov et al.: the tails vanish first).
            ["distinct_2"] = kept.Count > 0 ? Successor.Safety.Monitors.Diversity.DistinctCharacterNGrams([.. kept.Select(p => p.Answer)], 2) : null,
            ["entropy_bits"] = kept.Count > 0 ? Successor.Safety.Monitors.Diversity.TokenEntropyBits(kept.Select(p => string.Join(' ', p.Answer.ToCharArray()))) : null,
            // Accumulate, never replace: the original data stays in every mixture (Gerstgrasser et al. 2024).
            ["original_data_included"] = true,
        };
        var relations = new List<ProvStatement> { ProvStatement.Used(id, champion.Id) };
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
