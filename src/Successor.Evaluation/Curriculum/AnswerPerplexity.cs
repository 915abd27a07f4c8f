// How surprised a model is by answers: the perplexity of the answer tokens (and the newline that ends
// them) given their prompts, exp of the mean token loss — the tokens a curriculum trainer scores. The drift
// monitor of self-generated data compares it for the kept answers under the parent and under a reference
// model trained on original data only (Shumailov et al. 2024 track exactly this shift).
using Successor.Data.Curriculum;
using Successor.Models.Gpt;

namespace Successor.Evaluation.Curriculum;

public static class AnswerPerplexity
{
    /// <summary>exp(mean loss over every answer token of every problem); NaN for no problem. A problem
    /// longer than the model's context is scored on the answer tokens that fit.</summary>
    public static unsafe double Of(GptModel model, IReadOnlyList<Problem> problems, int batchSize = 64)
    {
        if (problems.Count == 0) return double.NaN;
        int T = Math.Min(model.Config.BlockSize, problems.Max(p => p.Line.Length));
        int B = Math.Min(batchSize, problems.Count);
        var inputs = new int[B * T];
        var targets = new int[B * T];
        double sum = 0;
        long count = 0;
        for (int first = 0; first < problems.Count; first += B)
        {
            int rows = Math.Min(B, problems.Count - first);
            for (int b = 0; b < rows; b++)
                CurriculumBatchSource.FillRow(problems[first + b], inputs.AsSpan(b * T, T), targets.AsSpan(b * T, T));
            fixed (int* x = inputs, y = targets)
            {
                model.Forward(x, y, rows, T);
                for (int i = 0; i < rows * T; i++)
                    if (targets[i] >= 0) { sum += model.Losses[i]; count++; }
            }
        }
        return count == 0 ? double.NaN : Math.Exp(sum / count);
    }
}
