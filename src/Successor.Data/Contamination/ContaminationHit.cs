// One overlap that the contamination index found: which training document and line, which reference, by
// which detector, the text they share, and whether the reference is sealed (any sealed overlap is refused).
namespace Successor.Data.Contamination;

public sealed record ContaminationHit(string TrainingDocument, string Reference, string Kind, string Excerpt)
{
    /// <summary>The line of the training document (1-based) where the shared text starts.</summary>
    public int Line { get; init; } = 1;

    /// <summary>Whether the reference is sealed evaluation data (the holdout), where no overlap is allowed.</summary>
    public bool Sealed { get; init; }

    /// <summary>The shared text cut to a few words: enough to find it, never a whole sealed document.</summary>
    public string ShortExcerpt => Shorten(Excerpt, 40);

    /// <summary>"DOCUMENT line N (KIND): "EXCERPT"" for error lines and the ledger.</summary>
    public string Describe() => $"{TrainingDocument} line {Line} ({Kind}): \"{ShortExcerpt}\"";

    internal static string Shorten(string s, int length) =>
        (s.Length > length ? s[..length] + "..." : s).ReplaceLineEndings(" ");
}
