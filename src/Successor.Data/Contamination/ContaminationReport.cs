// What a contamination scan found: how many training documents overlap the reference, by each
// detector, with a few examples.
namespace Successor.Data.Contamination;

public sealed record ContaminationReport(int Documents, int Flagged, long WordGrams,
    long WordGramHits, long ByteWindows,
    long ByteWindowHits, IReadOnlyList<ContaminationHit> Examples)
{
    /// <summary>Fraction of training documents that overlap the reference.</summary>
    public double Rate => Documents == 0 ? 0 : (double)Flagged / Documents;
}
