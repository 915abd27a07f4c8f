// What the Verifier tells of a model on the sealed curriculum: its accuracy, per slice and per
// family's horizon; never the sealed items themselves.
using Successor.Evaluation.Curriculum;
using Successor.Evaluation.Statistics;

namespace Successor.Evaluation.Verification;

public sealed record SealedScore(double Accuracy, int Items, IReadOnlyList<SliceResult> Slices,
    IReadOnlyList<Horizon> Horizons);
