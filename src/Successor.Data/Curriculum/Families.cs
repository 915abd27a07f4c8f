// The built-in families. Each generates "<name> <operands>=" prompts and solves them from scratch.
using System.Globalization;
using System.Numerics;
using System.Text;
using Successor.Tensors;

namespace Successor.Data.Curriculum;

static class Parse
{
    /// <summary>The operands between "<name> " and the trailing '=', or null.</summary>
    public static string? Body(string prompt, string name) =>
        prompt.StartsWith(name + " ", StringComparison.Ordinal) && prompt.EndsWith(Problem.Separator)
            ? prompt[(name.Length + 1)..^1] : null;

    public static bool Digits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    public static string Number(Rng rng, int digits)
    {
        var s = new StringBuilder(digits);
        s.Append(digits == 1 ? (char)('0' + rng.NextInt(10)) : (char)('1' + rng.NextInt(9)));
        for (int i = 1; i < digits; i++) s.Append((char)('0' + rng.NextInt(10)));
        return s.ToString();
    }

    public static string Reverse(string s)
    {
        var a = s.ToCharArray();
        Array.Reverse(a);
        return new string(a);
    }
}

/// <summary>add: "add 123+456=579"; radd: every number written least-significant digit first,
/// "radd 321+654=975". d = digits of each operand.</summary>
sealed class AdditionFamily(bool reversed) : ITaskFamily
{
    public string Name => reversed ? "radd" : "add";
    public string Difficulty => "digits of each operand";

    public Problem Generate(Rng rng, int d)
    {
        string a = Parse.Number(rng, d), b = Parse.Number(rng, d);
        if (reversed) { a = Parse.Reverse(a); b = Parse.Reverse(b); }
        string prompt = $"{Name} {a}+{b}=";
        return new Problem(Name, d, prompt, Solve(prompt)!);
    }

    public string? Solve(string prompt)
    {
        var parts = Parse.Body(prompt, Name)?.Split('+');
        if (parts is not { Length: 2 } || !parts.All(Parse.Digits)) return null;
        string Fix(string s) => reversed ? Parse.Reverse(s) : s;
        var sum =
            BigInteger.Parse(Fix(parts[0]), CultureInfo.InvariantCulture)
            + BigInteger.Parse(Fix(parts[1]), CultureInfo.InvariantCulture);
        return Fix(sum.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>mul: "mul 1234*56=69104". d = digits of the first operand; the second has ⌈d/2⌉.</summary>
sealed class MultiplicationFamily : ITaskFamily
{
    public string Name => "mul";
    public string Difficulty => "digits of the first operand (the second has ceil(d/2))";

    public Problem Generate(Rng rng, int d)
    {
        string prompt = $"mul {Parse.Number(rng, d)}*{Parse.Number(rng, (d + 1) / 2)}=";
        return new Problem(Name, d, prompt, Solve(prompt)!);
    }

    public string? Solve(string prompt)
    {
        var parts = Parse.Body(prompt, Name)?.Split('*');
        if (parts is not { Length: 2 } || !parts.All(Parse.Digits)) return null;
        return (BigInteger.Parse(parts[0], CultureInfo.InvariantCulture)
            * BigInteger.Parse(parts[1], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>copy: "copy qwert=qwert"; rev: "rev qwert=trewq". d = string length (letters a–z).</summary>
sealed class CopyFamily(bool reverse) : ITaskFamily
{
    public string Name => reverse ? "rev" : "copy";
    public string Difficulty => "length of the string";

    public Problem Generate(Rng rng, int d)
    {
        var s = new StringBuilder(d);
        for (int i = 0; i < d; i++) s.Append((char)('a' + rng.NextInt(26)));
        string prompt = $"{Name} {s}=";
        return new Problem(Name, d, prompt, Solve(prompt)!);
    }

    public string? Solve(string prompt)
    {
        var body = Parse.Body(prompt, Name);
        if (body is null || body.Length == 0 || !body.All(char.IsAsciiLetterLower)) return null;
        return reverse ? Parse.Reverse(body) : body;
    }
}

/// <summary>sort: "sort 42,7,19=7,19,42". d = how many numbers (each 0–99).</summary>
sealed class SortFamily : ITaskFamily
{
    public string Name => "sort";
    public string Difficulty => "how many numbers (each 0-99)";

    public Problem Generate(Rng rng, int d)
    {
        string prompt = $"sort {string.Join(',', Enumerable.Range(0, d).Select(_ => rng.NextInt(100)))}=";
        return new Problem(Name, d, prompt, Solve(prompt)!);
    }

    public string? Solve(string prompt)
    {
        var parts = Parse.Body(prompt, Name)?.Split(',');
        if (parts is null || !parts.All(p => Parse.Digits(p) && p.Length <= 9)) return null;
        return string.Join(',', parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).Order());
    }
}

/// <summary>kv: "kv ab:3,xy:7,qd:1?xy=7". d = how many key–value pairs (distinct two-letter keys,
/// one-digit values); the query is one of the keys.</summary>
sealed class RecallFamily : ITaskFamily
{
    public string Name => "kv";
    public string Difficulty => "how many key-value pairs in context";

    public Problem Generate(Rng rng, int d)
    {
        if (d > 676) throw new ArgumentException($"kv difficulty {d} is too large; there are 676 two-letter keys");
        var keys = new List<string>();
        var used = new HashSet<string>();
        while (keys.Count < d)
        {
            string k = $"{(char)('a' + rng.NextInt(26))}{(char)('a' + rng.NextInt(26))}";
            if (used.Add(k)) keys.Add(k);
        }
        string pairs = string.Join(',', keys.Select(k => $"{k}:{rng.NextInt(10)}"));
        string prompt = $"kv {pairs}?{keys[rng.NextInt(d)]}=";
        return new Problem(Name, d, prompt, Solve(prompt)!);
    }

    public string? Solve(string prompt)
    {
        var body = Parse.Body(prompt, Name);
        int q = body?.LastIndexOf('?') ?? -1;
        if (body is null || q < 0) return null;
        string key = body[(q + 1)..];
        foreach (var pair in body[..q].Split(','))
        {
            var kv = pair.Split(':');
            if (kv.Length != 2 || !Parse.Digits(kv[1])) return null;
            if (kv[0] == key) return kv[1];
        }
        return null;
    }
}

/// <summary>bal: "bal ([]())=yes", "bal ([)]=no". d = pairs of brackets (the string has 2d characters
/// from "()[]"); half the problems are balanced.</summary>
sealed class BracketsFamily : ITaskFamily
{
    public string Name => "bal";
    public string Difficulty => "pairs of brackets (string length 2d)";

    public Problem Generate(Rng rng, int d)
    {
        var s = Balanced(rng, d);
        if (rng.NextInt(2) == 1)
        {
            // Perturb until unbalanced: swap two positions or flip one bracket's type or direction.
            while (IsBalanced(s))
            {
                int i = rng.NextInt(s.Length), j = rng.NextInt(s.Length);
                if (rng.NextInt(2) == 0) (s[i], s[j]) = (s[j], s[i]);
                else s[i] = "()[]"[rng.NextInt(4)];
            }
        }
        string prompt = $"bal {new string(s)}=";
        return new Problem(Name, d, prompt, Solve(prompt)!);
    }

    static char[] Balanced(Rng rng, int d)
    {
        var s = new char[2 * d];
        var stack = new Stack<char>();
        int opened = 0;
        for (int i = 0; i < s.Length; i++)
        {
            bool open = opened < d && (stack.Count == 0 || rng.NextInt(2) == 0);
            if (open) { char c = rng.NextInt(2) == 0 ? '(' : '['; stack.Push(c); s[i] = c; opened++; }
            else s[i] = stack.Pop() == '(' ? ')' : ']';
        }
        return s;
    }

    static bool IsBalanced(ReadOnlySpan<char> s)
    {
        var stack = new Stack<char>();
        foreach (char c in s)
        {
            if (c is '(' or '[') stack.Push(c);
            else if (stack.Count == 0 || stack.Pop() != (c == ')' ? '(' : '[')) return false;
        }
        return stack.Count == 0;
    }

    public string? Solve(string prompt)
    {
        var body = Parse.Body(prompt, Name);
        if (body is null || body.Length == 0 || !body.All(c => c is '(' or ')' or '[' or ']')) return null;
        return IsBalanced(body) ? "yes" : "no";
    }
}
