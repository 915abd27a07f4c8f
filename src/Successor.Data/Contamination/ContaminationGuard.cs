// The rule that training data must not overlap evaluation data. Any training document that overlaps sealed
// evaluation data (the holdout) is refused, whatever share of the data it is, and every one is listed: a
// sealed document learned is a sealed score that means nothing. Overlap with public validation data is
// refused above a threshold share of the documents, since public text can share a quotation by chance.
using Successor.Training.Data;

namespace Successor.Data.Contamination;

public static class ContaminationGuard
{
    /// <summary>Default: refuse when more than 0.1% of training documents overlap public validation data.</summary>
    public const double DefaultThreshold = 0.001;

    /// <summary>At most this many overlapping documents are named in the one-line error; the rest are
    /// counted.</summary>
    public const int ListedInError = 20;

    public static void Require(string trainingName, ContaminationReport report, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.SealedFlagged > 0) throw SealedOverlap(trainingName, report);
        if (report.Rate <= threshold) return;
        var e = report.Examples.FirstOrDefault();
        throw new DataException(
            $"data {trainingName}: {report.Flagged} of {report.Documents} documents " +
            $"({report.Rate * 100:0.00}%) overlap {e?.Reference ?? "evaluation data"} " +
            $"(e.g. {e?.TrainingDocument}: {e?.Kind} \"{ContaminationHit.Shorten(e?.Excerpt ?? "", 60)}\"); " +
                $"the limit is {threshold * 100:0.###}%, remove the overlapping documents");
    }

    static DataException SealedOverlap(string trainingName, ContaminationReport report)
    {
        var hits = report.SealedHits;
        string listed = string.Join("; ", hits.Take(ListedInError).Select(h => h.Describe()));
        string more = hits.Count > ListedInError ? $"; and {hits.Count - ListedInError} more" : "";
        return new DataException(
            $"data {trainingName}: {hits.Count} of {report.Documents} documents overlap {hits[0].Reference}, " +
            $"where no overlap is allowed: {listed}{more}; remove every one of them");
    }
}
