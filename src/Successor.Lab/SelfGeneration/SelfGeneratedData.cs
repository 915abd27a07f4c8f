// Stage 7, data curation: the champion answers training-side problems harder than anything it was trained
// on; a filter decides which answers to keep — the family's exact checker, agreement of a majority of
// sampled answers, or nothing at all — and the kept-label accuracy (the share of kept answers that are
// actually right) is measured with the exact checker, whatever the filter was.
using Successor.Data.Curriculum;
using Successor.Evaluation.Curriculum;
using Successor.Models.Generation;
using Successor.Models.Gpt;
using Successor.Models.Tokenizers;
using Successor.Training.Data;

namespace Successor.Lab.SelfGeneration;

public sealed record CurationResult(int Generated, int Kept, int KeptCorrect, IReadOnlyList<int> Difficulties,
    string Filter)
{
    /// <summary>1 when nothing was kept: no wrong label entered the data.</summary>
    public double KeptLabelAccuracy => Kept == 0 ? 1 : (double)KeptCorrect / Kept;
    /// <summary>The vote filter's voters, "gN-champion sha256:…" first, then "gN-siblingI sha256:…"; null for other
    /// filters.</summary>
    public IReadOnlyList<string>? Voters { get; init; }
    /// <summary>The vote filter's drops: no majority, and a majority on an implausible length.</summary>
    public int? NoMajority { get; init; }
    public int? ImplausibleLength { get; init; }
    /// <summary>Per difficulty, the problems on which every voter (or witness) gave the same answer.</summary>
    public IReadOnlyList<int>? UnanimousPerDifficulty { get; init; }
}

public static class SelfGeneratedData
{
    /// <summary>Posed: the problems the champion was asked, with the true answers only the verifier holds.</summary>
    public static (List<Problem> Kept, List<Problem> Posed, CurationResult Result) Curate(GptModel champion,
        string families, IReadOnlyList<int> difficulties,
        int perDifficulty, ulong seed, string filter, int samples = 5, double temperature = 0.7)
    {
        var problems = CurriculumGenerator.Set(TaskFamilies.Parse(families), difficulties, perDifficulty, seed,
            CurriculumSplit.Train);
        var answers = filter == "majority" ? Majority(champion, problems, samples, temperature, seed)
            : CurriculumEvaluator.Run(champion, problems).Select(i => (string?)i.Output.Trim()).ToList();
        var (kept, result) = Keep(problems, answers, filter, difficulties);
        return (kept, problems, result);
    }

    /// <summary>Applies the filter to the champion's answers (null = no answer) and measures the kept labels
    /// with the exact checker.</summary>
    public static (List<Problem> Kept, CurationResult Result) Keep(IReadOnlyList<Problem> problems,
        IReadOnlyList<string?> answers, string filter, IReadOnlyList<int> difficulties)
    {
        var kept = new List<Problem>();
        int correct = 0;
        for (int i = 0; i < problems.Count; i++)
        {
            if (answers[i] is not { Length: > 0 } answer || answer.Contains('=') || answer.Contains('\n')) continue;
            bool right = TaskFamilies.Check(problems[i].Prompt, answer);
            if (filter == "exact" && !right) continue;
            kept.Add(problems[i] with { Answer = answer });
            if (right) correct++;
        }
        return (kept, new CurationResult(problems.Count, kept.Count, correct, difficulties, filter));
    }

    /// <summary>The most common of `samples` sampled answers when more than half agree, else null.</summary>
    static List<string?> Majority(GptModel model, List<Problem> problems, int samples, double temperature, ulong seed)
    {
        var result = new List<string?>(problems.Count);
        for (int i = 0; i < problems.Count; i++)
        {
            var prompt = ByteTokenizer.Encode(problems[i].Prompt);
            int maxTokens = problems[i].Answer.Length + 2;
            var votes = Enumerable.Range(0, samples).Select(s =>
            {
                var options = new SamplingOptions((float)temperature,
                    Seed: Tensors.Rng.For(seed, (ulong)i, (ulong)s).NextULong());
                var tokens = Generator.Generate(model, prompt, maxTokens, options).TakeWhile(t => t != '\n').ToArray();
                return ByteTokenizer.Decode(tokens).Trim();
            }).GroupBy(a => a).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
            result.Add(votes.Count() * 2 > samples ? votes.Key : null);
        }
        return result;
    }

    /// <summary>One problem per line, in the curriculum's plain-text format.</summary>
    public static string Format(IEnumerable<Problem> problems) => string.Concat(problems.Select(p => p.Line));

    public static List<Problem> Read(string path)
    {
        if (!File.Exists(path)) throw new DataException($"self-generated data {path}: file not found");
        var problems = new List<Problem>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0) continue;
            if (Problem.Split(line) is not var (prompt, answer) || Problem.FamilyOf(prompt).Length == 0)
                throw new DataException($"self-generated data {path}: " +
                    $"line {number} is not \"<family> <operands>=<answer>\"");
            problems.Add(new Problem(Problem.FamilyOf(prompt), 0, prompt, answer));
        }
        return problems;
    }
}
