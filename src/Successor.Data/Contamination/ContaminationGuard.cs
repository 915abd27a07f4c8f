// The rule that training data must not overlap evaluation data: a mixture whose flagged fraction is
// above the threshold is refused with one line naming it, its rate and an example.
using Successor.Training.Data;

namespace Successor.Data.Contamination;

public static class ContaminationGuard
{
    /// <summary>Default: refuse when more than 0.1% of training documents overlap evaluation data.</summary>
    public const double DefaultThreshold = 0.001;

    public static void Require(string trainingName, ContaminationReport report, double threshold = DefaultThreshold)
    {
        if (report.Rate <= threshold) return;
        var e = report.Examples.FirstOrDefault();
        throw new DataException(
            $"data {trainingName}: {report.Flagged} of {report.Documents} documents " +
            $"({report.Rate * 100:0.00}%) overlap {e?.Reference ?? "evaluation data"} " +
            $"(e.g. {e?.TrainingDocument}: {e?.Kind} \"{Shorten(e?.Excerpt ?? "")}\"); " +
                $"the limit is {threshold * 100:0.###}%, remove the overlapping documents");
    }

    static string Shorten(string s) => (s.Length > 60 ? s[..60] + "..." : s).ReplaceLineEndings(" ");
}
