// The end-of-run line that says in words what a self-improvement lab did: how far the 99% horizon moved on the
// sealed side, how much of that lies past what the first champion was taught, and how many wrong labels the
// filter let into the data successors trained on.
using System.Globalization;
using Successor.Data.Curriculum;

namespace Successor.Lab.Loop;

public static class HorizonHeadline
{
    /// <summary>"99% horizon 3 → 9 digits, trained on 1–3; 6 lengths learned from self-generated data; 0 wrong
    /// labels kept", or null when the rows hold no 99% horizon (a text lab, or records from before it was kept).
    /// Lengths count as learned from self-generated data only past both the training range and the first
    /// champion's own horizon: what it could already do is not the successors' gain.</summary>
    public static string? For(IReadOnlyList<GenerationRow> rows, string trainDifficulties, string families)
    {
        var first = rows.FirstOrDefault(r => r.Generation == 0);
        if (first?.ReliableHorizon is not { } from) return null;
        var champion = rows.LastOrDefault(r => r.Generation > 0 && r.Promoted && r.ReliableHorizon is not null);
        int to = champion?.ReliableHorizon ?? from;
        var trained = CurriculumGenerator.ParseDifficulties(trainDifficulties);
        int learned = Math.Max(0, to - Math.Max(from, trained.Max()));
        int wrong = rows.Sum(r => r.Kept is { } k && r.KeptLabelAccuracy is { } a ? k - (int)Math.Round(k * a) : 0);
        int kept = rows.Sum(r => r.Kept ?? 0);
        string unit = families.Split(',').All(f => f.Trim() is "radd" or "add" or "mul") ? "digits" : "difficulties";
        string range = trained.Min() == trained.Max() ? F(trained.Min()) : $"{trained.Min()}–{trained.Max()}";
        return $"99% horizon {from} → {to} {unit}, trained on {range}; " +
            $"{learned} {(learned == 1 ? "length" : "lengths")} learned from self-generated data; " +
            $"{wrong} wrong {(wrong == 1 ? "label" : "labels")} kept (of {F(kept)} kept)";
    }

    static string F(int v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
