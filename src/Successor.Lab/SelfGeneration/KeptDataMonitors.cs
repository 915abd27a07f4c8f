// Collapse and drift monitors of a generation's kept self-generated data (Shumailov et al. 2024: a model
// trained on its predecessors' output repeats itself, drifts from the real distribution, and loses the
// rare items first). Each is measured on the kept answers and, beside it, on the true answers to the same
// prompts (the verifier's, never the researcher's or the trainer's), because raw diversity and raw tail
// coverage fall with the size and difficulty of the set: a thousand right 7-digit sums have a distinct-2
// share of 0.015, since 100 digit pairs cannot fill 6,000 places. So:
//   diversity — distinct-2 of the kept answers over distinct-2 of the true ones (1: as varied as the truth);
//   drift — the reference model's (the first champion's, trained on original data only) perplexity of the
//     kept answers over its perplexity of the true ones: 1 means the kept labels look to it exactly like
//     the real ones, above 1 stranger, below 1 blander (more typical) than the truth; the parent's
//     perplexity of the kept answers is recorded beside it;
//   tail coverage — of the rare character 3-grams of the true answers to every posed problem, those the
//     true answers of the kept prompts contain: the share of them the kept answers contain too.
using Successor.Data.Curriculum;
using Successor.Evaluation.Curriculum;
using Successor.Models.Gpt;
using Successor.Safety.Monitors;

namespace Successor.Lab.SelfGeneration;

public static class KeptDataMonitors
{
    /// <summary>The rare items: at or below the 20% quantile of the true answers' 3-gram counts.</summary>
    public const double TailQuantile = 0.2;

    /// <summary>The monitors' measures; every value is null when nothing was kept, a ratio also when its
    /// truth side is 0.</summary>
    public static KeptDataMeasures Measure(GptModel parent, GptModel reference, IReadOnlyList<Problem> kept,
        IReadOnlyList<Problem> posed)
    {
        if (kept.Count == 0) return new(null, null, null, null, null, null, null, null, null);
        var truth = posed.GroupBy(p => p.Prompt, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Answer, StringComparer.Ordinal);
        var keptTruth = kept.Select(p => p with { Answer = truth[p.Prompt] }).ToList();
        double distinct = Distinct2(kept), distinctTruth = Distinct2(keptTruth);
        double referencePerplexity = AnswerPerplexity.Of(reference, kept),
            truthPerplexity = AnswerPerplexity.Of(reference, keptTruth);
        var rare = Diversity.RareItems(posed.SelectMany(Trigrams), TailQuantile);
        var expected = keptTruth.SelectMany(Trigrams).Where(rare.Contains).ToHashSet(StringComparer.Ordinal);
        var found = kept.SelectMany(Trigrams).ToHashSet(StringComparer.Ordinal);
        return new(
            Distinct2: distinct,
            Distinct2Truth: distinctTruth,
            DiversityRatio: distinctTruth > 0 ? distinct / distinctTruth : null,
            EntropyBits: Diversity.TokenEntropyBits(kept.Select(p => string.Join(' ', p.Answer.ToCharArray()))),
            PerplexityParent: AnswerPerplexity.Of(parent, kept),
            PerplexityReference: referencePerplexity,
            PerplexityReferenceTruth: truthPerplexity,
            PerplexityDrift: referencePerplexity / truthPerplexity,
            TailCoverage: expected.Count > 0 ? expected.Count(found.Contains) / (double)expected.Count : null);
    }

    static double Distinct2(IEnumerable<Problem> problems) =>
        Diversity.DistinctCharacterNGrams([.. problems.Select(p => p.Answer)], 2);

    /// <summary>Character 3-grams of an answer framed by its '=' and newline, so a digit at either end
    /// counts.</summary>
    static IEnumerable<string> Trigrams(Problem p) => Diversity.CharacterNGrams($"={p.Answer}\n", 3);
}
