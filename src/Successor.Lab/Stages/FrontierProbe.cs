// Past the public validation set: a successor that masters every public difficulty is tried one difficulty at a
// time above them, so its frontier (where the next curation starts) is not capped by the public set, and a model
// that extrapolates beyond what it was taught is admitted several lengths at once. And what a curation showed:
// the lengths the champion already answers reliably need no more of its data.
using Successor.Evaluation.Curriculum;
using Successor.Records;

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

    /// <summary>The hardest curated difficulty up to which every one was answered at least `mastery` right, as far
    /// as the curation can tell; 0 when it cannot. Under the exact filter the kept share of a difficulty is the
    /// champion's accuracy on fresh problems there (a thousand by default: a far sharper test than a public slice
    /// of fifty, which must be perfect to show 99%). Under the vote it is the share on which every voter gave the
    /// same answer: models trained from other seeds rarely agree on a wrong one (Lee et al. 2025), and where all
    /// agree the champion gave that answer, so a unanimous share of at least `mastery` says the champion masters
    /// the length without asking the checker, which only measures the kept labels afterwards; so under the none
    /// filter with witnesses (the same voters, nothing dropped). Other filters keep what one model agrees with
    /// itself on, or everything, which says nothing of its accuracy.</summary>
    public static int Curated(CurationRecord curation, double mastery)
    {
        var counts = curation.Filter switch
        {
            "exact" => curation.KeptPerDifficulty,
            "vote" or "none" => curation.VoteUnanimousPerDifficulty, // none: with witnesses only
            _ => null,
        };
        if (counts is null || curation.Difficulties.Count == 0 || counts.Count != curation.Difficulties.Count)
            return 0;
        double per = (double)curation.Generated / curation.Difficulties.Count;
        int mastered = 0;
        for (int i = 0; i < curation.Difficulties.Count; i++)
        {
            if (counts[i] < mastery * per) break;
            mastered = curation.Difficulties[i];
        }
        return mastered;
    }
}
