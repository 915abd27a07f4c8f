// Curriculum problems as training batches: one problem per row, starting at position 0 exactly as the
// evaluator presents it (family and difficulty drawn uniformly), padded with newlines — or, with Pack,
// problems back to back (for rotary positions, where an offset changes nothing). Only answer
// tokens and the newline that ends an answer are scored; prompt and padding targets are −1, so the loss
// teaches answers, not random operands.
using System.Security.Cryptography;
using System.Text;
using Successor.Models.Tokenizers;
using Successor.Tensors;
using Successor.Training.Data;

namespace Successor.Data.Curriculum;

public sealed class CurriculumBatchSource(IReadOnlyList<ITaskFamily> families, int minDifficulty, int maxDifficulty,
    CurriculumSplit split, bool pack = false) : IBatchSource
{
    /// <summary>Pack problems back to back in each row (for rotary positions, where a problem looks the same
    /// at any offset) instead of one per row from position 0 (for learned absolute positions).</summary>
    public bool Pack { get; } = pack;

    public IReadOnlyList<ITaskFamily> Families { get; } =
        families.Count > 0 ? families : throw new ArgumentException("curriculum: no task families; give at least one");
    public int MinDifficulty { get; } = minDifficulty >= 1 && minDifficulty <= maxDifficulty ? minDifficulty
        : throw new ArgumentException(
            $"curriculum: difficulties {minDifficulty}-{maxDifficulty} are not a range of at least 1; give e.g. 1-5");
    public int MaxDifficulty { get; } = maxDifficulty;

    public void Sample(Rng rng, int B, int T, Span<int> inputs, Span<int> targets)
    {
        if (Pack) { SamplePacked(rng, B, T, inputs, targets); return; }
        for (int b = 0; b < B; b++)
        {
            var family = Families[rng.NextInt(Families.Count)];
            int d = Difficulty(rng);
            FillRow(CurriculumGenerator.Draw(family, d, split, rng), inputs.Slice(b * T, T), targets.Slice(b * T, T));
        }
    }

    /// <summary>One problem from position 0, padded with newlines; only the answer and its newline are
    /// scored.</summary>
    public static void FillRow(Problem p, Span<int> row, Span<int> next)
    {
        var prompt = ByteTokenizer.Encode(p.Prompt);
        var line = ByteTokenizer.Encode(p.Line);
        row.Fill('\n');
        next.Fill(-1);
        for (int t = 0; t < row.Length && t < line.Length; t++)
        {
            row[t] = line[t];
            if (t + 1 < line.Length && t + 1 >= prompt.Length) next[t] = line[t + 1];
        }
    }

    int Difficulty(Rng rng) => MinDifficulty + rng.NextInt(MaxDifficulty - MinDifficulty + 1);

    void SamplePacked(Rng rng, int B, int T, Span<int> inputs, Span<int> targets)
    {
        var tokens = new List<int>(T + 64);
        var scored = new List<bool>(T + 64);
        for (int b = 0; b < B; b++)
        {
            tokens.Clear();
            scored.Clear();
            while (tokens.Count < T + 1)
            {
                var family = Families[rng.NextInt(Families.Count)];
                int d = Difficulty(rng);
                var p = CurriculumGenerator.Draw(family, d, split, rng);
                foreach (int t in ByteTokenizer.Encode(p.Prompt)) { tokens.Add(t); scored.Add(false); }
                foreach (int t in ByteTokenizer.Encode(p.Answer + "\n")) { tokens.Add(t); scored.Add(true); }
            }
            for (int t = 0; t < T; t++)
            {
                inputs[b * T + t] = tokens[t];
                targets[b * T + t] = scored[t + 1] ? tokens[t + 1] : -1;
            }
        }
    }

    /// <summary>Train on the train side, validate on the public validation side.</summary>
    public static TrainingData Data(IReadOnlyList<ITaskFamily> families, int minDifficulty,
        int maxDifficulty, bool pack = false)
    {
        string names = string.Join(',', families.Select(f => f.Name));
        string spec =
            $"{CurriculumGenerator.Version}:{names}:{minDifficulty}-{maxDifficulty}:{(pack ? "packed" : "rows")}";
        return new TrainingData(
            $"curriculum:{string.Join(',', families.Select(f => f.Name))}:{minDifficulty}-{maxDifficulty}",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(spec))),
            new CurriculumBatchSource(families, minDifficulty, maxDifficulty, CurriculumSplit.Train, pack),
            new CurriculumBatchSource(families, minDifficulty, maxDifficulty, CurriculumSplit.Validation, pack));
    }
}
