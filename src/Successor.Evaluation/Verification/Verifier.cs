// The only reader of the sealed holdout. It scores models on sealed curriculum problems (the sealed side
// of the curriculum partition, which no public generator produces) and on the sealed text holdout, and
// returns statistics only — never the sealed items themselves — so a caller learns how good a model is,
// not what the holdout contains.
using Successor.Data.Contamination;
using Successor.Data.Corpora;
using Successor.Data.Curriculum;
using Successor.Evaluation.Curriculum;
using Successor.Evaluation.Statistics;
using Successor.Evaluation.Text;
using Successor.Models.Gpt;
using Successor.Models.Tokenizers;
using Successor.Training.Data;

namespace Successor.Evaluation.Verification;

public sealed class Verifier(VerifierSettings settings, string? splitFolder = null)
{
    readonly HoldoutReader? holdout = splitFolder is null ? null : new HoldoutReader(splitFolder);

    public VerifierSettings Settings { get; } = settings;

    internal List<Problem> SealedProblems() => SealedSide(Settings.SealedSeed ?? Settings.Seed);

    List<Problem> SealedSide(ulong seed) => CurriculumGenerator.Set(TaskFamilies.Parse(Settings.Families),
        CurriculumGenerator.ParseDifficulties(Settings.Difficulties), Settings.ItemsPerSlice, seed,
            CurriculumPartition.Sealed);

    public SealedScore Score(GptModel model) =>
        Summarize(CurriculumEvaluator.Run(model, SealedProblems(), Settings.BatchSize));

    SealedScore Summarize(List<ItemResult> items)
    {
        var slices = CurriculumEvaluator.Slices(items);
        var horizons = slices.GroupBy(s => s.Family)
            .Select(g =>
                CapabilityHorizon.Fit(g.Key, [.. g.Select(s => (s.Difficulty, s.Correct, s.Count))],
                    seed: Settings.Seed)).ToList();
        return new SealedScore(items.Average(i => i.Correct ? 1.0 : 0.0), items.Count, slices, horizons);
    }

    /// <summary>Is `successor` genuinely better than `champion` on the sealed curriculum? Also returns the
    /// successor's score, from the same decoding.</summary>
    public (Verdict Verdict, SealedScore Successor) Compare(GptModel champion, GptModel successor)
    {
        var problems = SealedProblems();
        var a = CurriculumEvaluator.Run(champion, problems, Settings.BatchSize);
        var b = CurriculumEvaluator.Run(successor, problems, Settings.BatchSize);
        return (Decide(a, b), Summarize(b));
    }

    /// <summary>The promotion rule on several (champion, successor) pairs of `models`, indices into it, each model
    /// decoded once on the sealed curriculum: how a lab replays known cases through its gate.</summary>
    public IReadOnlyList<Verdict> ComparePairs(IReadOnlyList<GptModel> models,
        IReadOnlyList<(int Champion, int Successor)> pairs)
    {
        var problems = SealedProblems();
        var runs = models.Select(m => CurriculumEvaluator.Run(m, problems, Settings.BatchSize)).ToList();
        return [.. pairs.Select(p => Decide(runs[p.Champion], runs[p.Successor]))];
    }

    /// <summary>The promotion rule's verdicts on known cases (KnownCases) built from the champion's and a perturbed
    /// copy's answers to the sealed problems, after the known-good case, the champion over its silenced copy.
    /// Each model is decoded once; the sealed answers never leave the Verifier, only verdicts do.</summary>
    public IReadOnlyList<KnownCase> ReplayKnownCases(GptModel champion, GptModel silenced, GptModel perturbed,
        ulong seed, int variants)
    {
        var problems = SealedProblems();
        var c = CurriculumEvaluator.Run(champion, problems, Settings.BatchSize);
        var s = CurriculumEvaluator.Run(silenced, problems, Settings.BatchSize);
        var p = CurriculumEvaluator.Run(perturbed, problems, Settings.BatchSize);
        return [new KnownCase(KnownCases.KnownGood, true, Decide(s, c)),
            .. KnownCases.Curriculum(c, p, Settings.Tolerance, seed, variants)
                .Select(k => new KnownCase(k.Kind, false, Decide(c, k.Successor)))];
    }

    Verdict Decide(List<ItemResult> a, List<ItemResult> b)
    {
        var overall =
            SeededBootstrap.Compare([.. a.Select(i => i.Correct ? 1.0 : 0.0)],
                [.. b.Select(i => i.Correct ? 1.0 : 0.0)], Settings.Resamples, Settings.Seed);
        return GenuinelyBetter.Decide(overall, SliceDelta.Paired(a, b), Settings.Tolerance,
            Settings.KeepReliableHorizon);
    }

    /// <summary>Is `successor` genuinely better than `champion` on the sealed text holdout? Items are the
    /// holdout's documents, scored by their loss in bits per byte (the difference is the successor's
    /// improvement: positive means lower loss); text has no slices, so the rule is the CI alone. Also
    /// returns the successor's holdout score, from the same forward passes.</summary>
    public (Verdict Verdict, TextScore Successor) CompareText(GptModel champion, GptModel successor)
    {
        var documents = Holdout().Documents();
        var a = ScoredDocuments(champion, documents);
        var b = ScoredDocuments(successor, documents);
        return (DecideText(a, b), TextEvaluator.Summarize(b));
    }

    /// <summary>ComparePairs on the sealed text holdout's first `documents` documents.</summary>
    public IReadOnlyList<Verdict> CompareTextPairs(IReadOnlyList<GptModel> models,
        IReadOnlyList<(int Champion, int Successor)> pairs, int documents)
    {
        var slice = Holdout().Documents().Take(documents).ToList();
        var runs = models.Select(m => ScoredDocuments(m, slice)).ToList();
        return [.. pairs.Select(p => DecideText(runs[p.Champion], runs[p.Successor]))];
    }

    /// <summary>ReplayKnownCases on the sealed text holdout's first `documents` documents.</summary>
    public IReadOnlyList<KnownCase> ReplayKnownTextCases(GptModel champion, GptModel silenced, GptModel perturbed,
        int documents, ulong seed, int variants)
    {
        var slice = Holdout().Documents().Take(documents).ToList();
        var c = ScoredDocuments(champion, slice);
        var s = ScoredDocuments(silenced, slice);
        var p = ScoredDocuments(perturbed, slice);
        return [new KnownCase(KnownCases.KnownGood, true, DecideText(s, c)),
            .. KnownCases.Text(c, p, seed, variants)
                .Select(k => new KnownCase(k.Kind, false, DecideText(c, k.Successor)))];
    }

    static List<(double Loss, long Tokens)> ScoredDocuments(GptModel model, IReadOnlyList<Document> documents) =>
        [.. TextEvaluator.PerDocument(model, documents).Where(d => d.Tokens > 0)];

    Verdict DecideText(List<(double Loss, long Tokens)> a, List<(double Loss, long Tokens)> b)
    {
        if (a.Count == 0)
            throw new DataException("sealed holdout: no document has 2 bytes or more; split a larger corpus");
        var overall =
            SeededBootstrap.Compare([.. a.Select(d => -d.Loss / Math.Log(2))],
                [.. b.Select(d => -d.Loss / Math.Log(2))], Settings.Resamples, Settings.Seed);
        return GenuinelyBetter.Decide(overall, [], Settings.Tolerance);
    }

    /// <summary>Bits per byte on the sealed text holdout (needs a split folder).</summary>
    public TextScore HoldoutText(GptModel model) => TextEvaluator.Score(model, Holdout().Documents());

    /// <summary>How many canaries the model completes greedily from their public prefix: above 0 means it
    /// has seen the holdout.</summary>
    public int CanariesCompleted(GptModel model)
    {
        var canaries = Holdout().Canaries();
        if (canaries.Count == 0) return 0;
        const int prefix = 26; // "successor canary xxxxxxxx:" — the space after it starts the secret
        using var decoder = new BatchedGreedyDecoder(model, canaries.Count);
        var outputs =
            decoder.Decode([.. canaries.Select(c => ByteTokenizer.Encode(c[..Math.Min(prefix + 1, c.Length)]))], 64);
        return canaries.Zip(outputs)
            .Count(p =>
                ByteTokenizer.Decode(p.Second.ToArray())
                .StartsWith(p.First[Math.Min(prefix + 1, p.First.Length)..], StringComparison.Ordinal));
    }

    /// <summary>The planted text canaries and how many the model completes (CanariesCompleted).</summary>
    public CanaryResult TextCanaries(GptModel model) => new(Holdout().Canaries().Count, CanariesCompleted(model));

    /// <summary>The curriculum's canary problems, derived from the sealed seed (CanaryProblems), and how many the
    /// model answers with their secret answers.</summary>
    public CanaryResult CurriculumCanaries(GptModel model)
    {
        var canaries = CanaryProblems.For(Settings.SealedSeed ?? Settings.Seed, TaskFamilies.Parse(Settings.Families),
            CurriculumGenerator.ParseDifficulties(Settings.Difficulties), Settings.Canaries);
        return new(canaries.Count, CanaryProblems.Completed(model, canaries));
    }

    /// <summary>The honeypot holdout: the model decoded on the decoy — the sealed-side problems that public code and
    /// the public Seed regenerate, as many per slice as the sealed holdout — and tested against its score there
    /// (SealedRegenerationTest). Null without a secret SealedSeed: then the decoy is the holdout itself.</summary>
    public RegenerationCheck? Honeypot(GptModel model, SealedScore sealedScore)
    {
        if (Settings.SealedSeed is not { } secret || secret == Settings.Seed) return null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var decoy = CurriculumEvaluator.Run(model, SealedSide(Settings.Seed), Settings.BatchSize);
        return SealedRegenerationTest.Run(decoy.Count(i => i.Correct), decoy.Count,
            sealedScore.Slices.Sum(s => s.Correct), sealedScore.Items, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Overlap of training documents with the sealed holdout, every overlapping document among its sealed
    /// hits (ContaminationGuard refuses any). Hits quote the training side only, cut short.</summary>
    public ContaminationReport Contamination(IEnumerable<Document> training)
    {
        var index = new ContaminationIndex();
        index.Add("the sealed holdout", Holdout().Documents(), sealedSide: true);
        return index.Check(training);
    }

    HoldoutReader Holdout() =>
        holdout ?? throw new InvalidOperationException(
            "this Verifier has no sealed text holdout; construct it with a split folder");
}
