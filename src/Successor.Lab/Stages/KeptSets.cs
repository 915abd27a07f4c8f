// Which kept sets a champion carries into the next generation when its successor was rejected. The champion
// answered them and the filter kept them, whatever became of the successor, so kept sets accumulate (as in Lee et
// al., who add every round's filtered set); otherwise a champion stuck at a length curates the same few answers
// there again every generation, never more. A set that failed the data's own checks — off the training side,
// malformed, or kept labels below the gate — is dropped with the successor that trained on it.
using Successor.Records;

namespace Successor.Lab.Stages;

public static class KeptSets
{
    /// <summary>The champion's sets plus this generation's when they passed its checks (`curated` is the
    /// champion's sets with this generation's added), else the champion's alone.</summary>
    public static IReadOnlyList<string> AfterRejection(IReadOnlyList<string> champion, IReadOnlyList<string> curated,
        CurationRecord curation, KeptDataCheckRecord check, double minKeptLabelAccuracy) =>
        check.Passed && curation.KeptLabelAccuracy >= minKeptLabelAccuracy ? curated : champion;
}
