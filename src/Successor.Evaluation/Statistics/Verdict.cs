// The promotion rule's answer (see GenuinelyBetter): whether B is genuinely better than A, the
// comparison and slices it was decided on, and why.
using Successor.Statistics;

namespace Successor.Evaluation.Statistics;

public sealed record Verdict(bool GenuinelyBetter, Comparison Overall, IReadOnlyList<SliceDelta> Slices,
    double Tolerance, string Reason);
