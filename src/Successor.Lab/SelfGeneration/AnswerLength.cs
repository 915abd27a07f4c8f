// The length filter of Lee et al. (ICML 2025): an answer whose length cannot be right for its operands is
// dropped before it can be voted in. A sum of two numbers has as many digits as the longer one or one more; a
// product of an m-digit and an n-digit number has m + n − 1 or m + n; a copy, a reversal or a sort keeps the
// input's length. Families without such a rule (kv, bal) pass every length: their answers are one token long.
using Successor.Data.Curriculum;

namespace Successor.Lab.SelfGeneration;

public static class AnswerLength
{
    /// <summary>True when `answer` has a length a right answer to `prompt` can have.</summary>
    public static bool Plausible(string prompt, string answer)
    {
        string family = Problem.FamilyOf(prompt);
        if (!prompt.EndsWith(Problem.Separator) || prompt.Length <= family.Length + 1) return false;
        string body = prompt[(family.Length + 1)..^1];
        return family switch
        {
            "add" or "radd" => Between(answer, Lengths(body, '+') is [var a, var b] ? Math.Max(a, b) : -1, 1),
            "mul" => Between(answer, Lengths(body, '*') is [var a, var b] ? a + b - 1 : -1, 1),
            "copy" or "rev" or "sort" => answer.Length == body.Length,
            _ => true,
        };
    }

    /// <summary>Whether the answer's length is in [shortest, shortest + spread]; a shortest of −1 (operands
    /// that do not parse) admits nothing.</summary>
    static bool Between(string answer, int shortest, int spread) =>
        shortest >= 0 && answer.Length >= shortest && answer.Length <= shortest + spread;

    static int[] Lengths(string body, char operation) => [.. body.Split(operation).Select(s => s.Length)];
}
