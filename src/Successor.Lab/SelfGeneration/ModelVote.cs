// The vote filter (Lee et al., ICML 2025, for multiplication and forward addition, where no single model's
// answer can be trusted): several independently trained models — the champion and its siblings, trained from
// other seeds on the same data — answer each problem greedily, answers of an implausible length are dropped
// (AnswerLength), and an answer is kept only when more than half of all the voters gave it. Independent models
// make different mistakes, so a wrong answer rarely wins a majority; a right one does whenever most models
// know it. The exact checker never takes part: it only measures the kept labels afterwards.
using Successor.Data.Curriculum;
using Successor.Evaluation.Curriculum;
using Successor.Models.Gpt;

namespace Successor.Lab.SelfGeneration;

public static class ModelVote
{
    /// <summary>The kept answer (null when the vote drops the problem) and why, from every voter's answer (null
    /// for none). The majority is of all voters, so a voter without an answer counts against every answer.</summary>
    public static (string? Answer, VoteVerdict Verdict) Decide(string prompt, IReadOnlyList<string?> votes)
    {
        var answers = votes.Where(a => a is { Length: > 0 } && !a.Contains('=') && !a.Contains('\n'))
            .Select(a => a!).ToList();
        var plausible = Top(answers.Where(a => AnswerLength.Plausible(prompt, a)));
        if (plausible is { } p && p.Count * 2 > votes.Count) return (p.Answer, VoteVerdict.Kept);
        return Top(answers) is { } any && any.Count * 2 > votes.Count
            ? (null, VoteVerdict.ImplausibleLength) : (null, VoteVerdict.NoMajority);
    }

    /// <summary>Every voter answers every problem (greedy decoding, so the same models give the same answers):
    /// Answers[v][i] is voter v's answer to problem i.</summary>
    public static List<List<string>> Answers(IReadOnlyList<GptModel> voters, IReadOnlyList<Problem> problems) =>
        [.. voters.Select(v => CurriculumEvaluator.Run(v, problems).Select(i => i.Output.Trim()).ToList())];

    /// <summary>The vote on each problem from every voter's answers (Answers). Answers[i] is null when problem i is
    /// dropped; Unanimous[i] is true when every voter gave the kept answer.</summary>
    public static (List<string?> Answers, IReadOnlyList<VoteVerdict> Verdicts, IReadOnlyList<bool> Unanimous) Run(
        IReadOnlyList<Problem> problems, IReadOnlyList<IReadOnlyList<string>> answers)
    {
        var decided = problems.Select((p, i) => Decide(p.Prompt, [.. answers.Select(o => (string?)o[i])])).ToList();
        return ([.. decided.Select(d => d.Answer)], [.. decided.Select(d => d.Verdict)],
            [.. decided.Select((d, i) => d.Answer is { } a && answers.All(o => o[i] == a))]);
    }

    /// <summary>The most common answer and its count (ties: the ordinally first), or null when there is none.</summary>
    static (string Answer, int Count)? Top(IEnumerable<string> answers) =>
        answers.GroupBy(a => a, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ((string, int)?)(g.Key, g.Count())).FirstOrDefault();
}
