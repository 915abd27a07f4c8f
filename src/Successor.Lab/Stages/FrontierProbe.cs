// Past the public validation set: a successor that masters every public difficulty is tried one difficulty at a
// time above them, so its frontier (where the next curation starts) is not capped by the public set, and a model
// that extrapolates beyond what it was taught is admitted several lengths at once.
using Successor.Evaluation.Curriculum;

namespace Successor.Lab.Stages;

public static class FrontierProbe
{
    /// <summary>The hardest difficulty in (from, limit] up to which every difficulty, in every family `score`
    /// returns a slice for, is answered at least `mastery` right; `from` when the first is not.</summary>
    public static int Reach(int from, int limit, double mastery, Func<int, IReadOnlyList<SliceResult>> score)
    {
        int mastered = from;
        for (int d = from + 1; d <= limit; d++)
        {
            var slices = score(d);
            if (slices.Count == 0 || slices.Any(s => s.Count == 0 || s.Accuracy < mastery)) break;
            mastered = d;
        }
        return mastered;
    }
}
