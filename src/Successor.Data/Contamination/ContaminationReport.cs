// What a contamination scan found: how many training documents overlap the reference, by each
// detector, with a few examples, and every document that overlaps sealed evaluation data.
namespace Successor.Data.Contamination;

public sealed record ContaminationReport(int Documents, int Flagged, long WordGrams,
    long WordGramHits, long ByteWindows,
    long ByteWindowHits, IReadOnlyList<ContaminationHit> Examples)
{
    /// <summary>Fraction of training documents that overlap the reference.</summary>
    public double Rate => Documents == 0 ? 0 : (double)Flagged / Documents;

    /// <summary>One hit per training document that overlaps a sealed reference: all of them, never cut to a few
    /// examples, because each one is refused.</summary>
    public IReadOnlyList<ContaminationHit> SealedHits { get; init; } = [];

    public int SealedFlagged => SealedHits.Count;
}
