// Exact-match accuracy on curriculum problems: batched greedy decoding, then the family's exact
// checker on the decoded line. Results per item (for paired comparisons) and per family × difficulty.
using Successor.Data.Curriculum;
using Successor.Models.Gpt;
using Successor.Models.Tokenizers;

namespace Successor.Evaluation.Curriculum;

public static class CurriculumEvaluator
{
    /// <summary>`digitShift` adds k to every digit-position id (BatchedKvCache): 0 but for diagnostics.</summary>
    public static List<ItemResult> Run(GptModel model, IReadOnlyList<Problem> problems, int batchSize = 64,
        int digitShift = 0)
    {
        var results = new List<ItemResult>(problems.Count);
        using var decoder =
            new BatchedGreedyDecoder(model, Math.Max(1, Math.Min(batchSize, problems.Count)), digitShift);
        for (int first = 0; first < problems.Count; first += decoder.Rows)
        {
            var batch = problems.Skip(first).Take(decoder.Rows).ToList();
            int maxTokens = batch.Max(p => p.Answer.Length) + 2; // a longer output is wrong anyway
            var outputs = decoder.Decode([.. batch.Select(p => ByteTokenizer.Encode(p.Prompt))], maxTokens);
            for (int i = 0; i < batch.Count; i++)
            {
                string output = ByteTokenizer.Decode(outputs[i].ToArray());
                results.Add(new ItemResult(batch[i].Family, batch[i].Difficulty, batch[i].Prompt, batch[i].Answer,
                    output, TaskFamilies.Check(batch[i].Prompt, output)));
            }
        }
        return results;
    }

    public static List<SliceResult> Slices(IEnumerable<ItemResult> items) =>
        [.. items.GroupBy(i => (i.Family, i.Difficulty))
            .Select(g => new SliceResult(g.Key.Family, g.Key.Difficulty, g.Count(), g.Count(i => i.Correct)))
            .OrderBy(s => s.Family, StringComparer.Ordinal).ThenBy(s => s.Difficulty)];
}
