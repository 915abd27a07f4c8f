// Collapse and drift monitors of a generation's kept self-generated data (Shumailov et al. 2024: a model
// trained on its predecessors' output repeats itself, drifts from the real distribution, and loses the
// rare items first):
//   diversity — distinct-2 and the entropy of the kept answers;
//   drift — the kept answers' perplexity under the parent and under the reference model (the first
//     champion, trained on original data only); the drift is the reference's perplexity of the kept
//     answers over its perplexity of the true answers to the same prompts, so 1 means the kept labels
//     look to the reference exactly like the real ones, above 1 that they are stranger than the truth,
//     below 1 that they are blander (more typical) than the truth;
//   tail coverage — the share of the rare character 3-grams of the true answers to every posed problem
//     that the kept answers still contain.
// The true answers are the verifier's, never the researcher's or the trainer's.
using System.Text.Json.Nodes;
using Successor.Data.Curriculum;
using Successor.Evaluation.Curriculum;
using Successor.Models.Gpt;
using Successor.Safety.Monitors;

namespace Successor.Lab.Curation;

public static class KeptDataMonitors
{
    /// <summary>The rare items: at or below the 20% quantile of the true answers' 3-gram counts.</summary>
    public const double TailQuantile = 0.2;

    /// <summary>The monitors' attributes; every value is null when nothing was kept.</summary>
    public static JsonObject Measure(GptModel parent, GptModel reference, IReadOnlyList<Problem> kept, IReadOnlyList<Problem> posed)
    {
        if (kept.Count == 0)
            return new() { ["distinct_2"] = null, ["entropy_bits"] = null, ["perplexity_parent"] = null, ["perplexity_reference"] = null,
                ["perplexity_reference_truth"] = null, ["perplexity_drift"] = null, ["tail_coverage"] = null };
        var truth = posed.GroupBy(p => p.Prompt, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Answer, StringComparer.Ordinal);
        var keptTruth = kept.Select(p => p with { Answer = truth[p.Prompt] }).ToList();
        double referencePerplexity = AnswerPerplexity.Of(reference, kept), truthPerplexity = AnswerPerplexity.Of(reference, keptTruth);
        return new()
        {
            ["distinct_2"] = Diversity.DistinctCharacterNGrams([.. kept.Select(p => p.Answer)], 2),
            ["entropy_bits"] = Diversity.TokenEntropyBits(kept.Select(p => string.Join(' ', p.Answer.ToCharArray()))),
            ["perplexity_parent"] = AnswerPerplexity.Of(parent, kept),
            ["perplexity_reference"] = referencePerplexity,
            ["perplexity_reference_truth"] = truthPerplexity,
            ["perplexity_drift"] = referencePerplexity / truthPerplexity,
            ["tail_coverage"] = Diversity.TailCoverage(posed.SelectMany(Trigrams), kept.SelectMany(Trigrams), TailQuantile),
        };
    }

    /// <summary>Character 3-grams of an answer framed by its '=' and newline, so a digit at either end counts.</summary>
    static IEnumerable<string> Trigrams(Problem p) => Diversity.CharacterNGrams($"={p.Answer}\n", 3);
}
