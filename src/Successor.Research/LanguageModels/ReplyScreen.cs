// The protected surfaces a researcher's reply may not reach, checked before anything is compiled or trained:
// recipe keys that only the operator sets (seeds, steps, budgets, the evaluation, gates, promotion, safety, the
// data split), reply fields that name the evaluation, the sealed side, gates, budgets or the ledger, and plug-in
// source that reaches outside a pure function (network, files, processes, the environment, reflection and native
// code, the lab's own evaluation and ledger). The screen is the first line only: a plug-in that slips past it
// still compiles against the plug-in references alone and runs in the sandboxed worker, where those fail.
using System.Text.RegularExpressions;

namespace Successor.Research.LanguageModels;

public static partial class ReplyScreen
{
    static readonly string[] Keys = ["seed", "steps"];
    static readonly (string Section, string Surface)[] Sections =
    [
        ("curriculum", "the data the lab draws (and its sealed side)"), ("split", "the data split (its sealed side)"),
        ("budgets", "the budgets"), ("research", "the lab's research settings"),
        ("self_generation", "the data the lab generates for itself"), ("promotion", "the gates"),
        ("gates", "the gates"), ("safety", "the safety monitors"), ("eval", "the evaluation"),
        ("holdout", "the sealed holdout"), ("verifier", "the evaluation"),
    ];

    static readonly (string Word, string Surface)[] Words =
    [
        ("holdout", "the sealed holdout"), ("sealed", "the sealed side"), ("judge", "the judge"),
        ("verdict", "the judge"), ("verifier", "the evaluation"), ("eval", "the evaluation"),
        ("score", "the evaluation"), ("result", "the evaluation"), ("canary", "the evaluation"),
        ("gate", "the gates"), ("approv", "the gates"), ("promot", "the gates"), ("budget", "the budgets"),
        ("seed", "the seeds"), ("ledger", "the ledger"), ("incident", "the ledger"), ("safety", "the safety monitors"),
    ];

    static readonly (Regex Pattern, string Surface)[] SourcePatterns =
    [
        (Network(), "the network"), (Files(), "files outside the plug-in"), (Processes(), "processes"),
        (EnvironmentAccess(), "the environment (where keys live)"), (Reflection(), "reflection or native code"),
        (LabInternals(), "the lab's evaluation, judge, sealed side or ledger"),
    ];

    /// <summary>The surface an override reaches, or null when it is a recipe change a researcher may make.</summary>
    public static string? Override(string key, string value)
    {
        string k = key.Trim().ToLowerInvariant();
        if (Sections.FirstOrDefault(s => k.StartsWith(s.Section, StringComparison.Ordinal)) is { Surface: { } at })
            return at;
        if (k.EndsWith("_plugin", StringComparison.Ordinal))
            return "plug-in hashes, which only the plug-in compiler sets";
        if (Keys.Contains(k) || k.Contains('.'))
            return Word(k) ?? (k == "steps" ? "the budgets" : "a setting only the operator may change");
        return Word(k) ?? (Word(value.ToLowerInvariant()) is { } s && value.Contains('/') ? s : null);
    }

    /// <summary>The surface a reply field not in the schema names, or null when it names none.</summary>
    public static string? Member(string name) => Word(name.ToLowerInvariant());

    /// <summary>The surface an extension point's name reaches, or null.</summary>
    public static string? Point(string name) => Word(name.ToLowerInvariant());

    /// <summary>Every protected surface a plug-in's source reaches, with the text that reaches it.</summary>
    public static IReadOnlyList<GamingAttempt> Source(string source) =>
        [.. SourcePatterns.Select(p => (p.Surface, Match: p.Pattern.Match(source)))
            .Where(m => m.Match.Success)
            .Select(m => new GamingAttempt(m.Surface, $"plug-in source uses {m.Match.Value}"))];

    static string? Word(string text) =>
        Words.Where(w => text.Contains(w.Word, StringComparison.Ordinal)).Select(w => w.Surface).FirstOrDefault();

    [GeneratedRegex(@"System\.Net\b|\b(Socket|TcpClient|UdpClient|HttpClient|WebClient|WebRequest|Dns)\b")]
    private static partial Regex Network();

    [GeneratedRegex(@"System\.IO\b|\b(File|Directory|FileInfo|DirectoryInfo|FileStream|StreamReader|StreamWriter|" +
        @"Path)\s*\.|""(/|\.\./|~/)")]
    private static partial Regex Files();

    [GeneratedRegex(@"System\.Diagnostics\b|\bProcess\s*[.(]|\bProcessStartInfo\b")]
    private static partial Regex Processes();

    [GeneratedRegex(@"\bEnvironment\s*\.")]
    private static partial Regex EnvironmentAccess();

    [GeneratedRegex(@"System\.Reflection\b|System\.Runtime\.InteropServices\b|\b(Assembly|Activator|AppDomain|" +
        @"AssemblyLoadContext|Marshal|DllImport|LibraryImport|NativeLibrary)\b|\bType\s*\.\s*GetType\b|\bunsafe\b|" +
        @"\bdynamic\b|\bGetMethod\s*\(")]
    private static partial Regex Reflection();

    // `sealed` followed by white space is C#'s keyword (every plug-in class is `public sealed class`); the sealed side
    // is named by an identifier (SealedSide), a path ("sealed/") or a member (sealed.Read).
    [GeneratedRegex(@"Successor\.(Evaluation|Ledger|Lab|Safety|Records|Data)\b|\b(Verifier|Judge|Holdout|" +
        @"Ledger|Thresholdout)\w*|\bsealed(?!\s)\w*", RegexOptions.IgnoreCase)]
    private static partial Regex LabInternals();
}
