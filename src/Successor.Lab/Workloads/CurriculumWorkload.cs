// A curriculum lab: trains on the built-in task families up to the training difficulty (plus kept
// self-generated problems), is scored by exact match on public validation problems, and verified on the
// sealed side of the partition, where the capability horizon is fitted too.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Successor.Data.Curriculum;
using Successor.Evaluation.Curriculum;
using Successor.Evaluation.Statistics;
using Successor.Evaluation.Verification;
using Successor.Lab.Config;
using Successor.Lab.SelfGeneration;
using Successor.Models.Gpt;
using Successor.Research;
using Successor.Training.Data;
using Successor.Training.Recipes;

namespace Successor.Lab.Workloads;

/// <summary>`sealedSeed`: which sealed-side problems form the holdout, derived from the judge's secret (null: the
/// public default, which anyone can regenerate).</summary>
public sealed class CurriculumWorkload(CurriculumConfig curriculum, ulong evalSeed, PromotionConfig promotion,
    ulong? sealedSeed = null) : IWorkload
{
    readonly Verifier verifier = new(new VerifierSettings
    {
        SealedSeed = sealedSeed,
        Families = curriculum.Families,
        Difficulties = promotion.Difficulties,
        ItemsPerSlice = promotion.ItemsPerSlice,
        Tolerance = promotion.Tolerance,
        KeepReliableHorizon = promotion.KeepReliableHorizon,
    });

    /// <summary>The Verifier whose sealed slices reach promotion.difficulties_past_horizon difficulties past the
    /// hardest one `model` answers at least half right (MovingHoldout, ReliableHorizon.Reach).</summary>
    Verifier MovingVerifier(GptModel model)
    {
        if (promotion.DifficultiesPastHorizon == 0) return verifier;
        var verifiers = new Dictionary<string, Verifier> { [verifier.Settings.Difficulties] = verifier };
        Verifier For(IReadOnlyList<int> slices)
        {
            string key = string.Join(",", slices);
            if (!verifiers.TryGetValue(key, out var v))
                verifiers[key] = v = new Verifier(verifier.Settings with { Difficulties = key });
            return v;
        }
        var slices = MovingHoldout.Slices(CurriculumGenerator.ParseDifficulties(promotion.Difficulties),
            promotion.DifficultiesPastHorizon, d => ReliableHorizon.Reach(For(d).Score(model).Slices));
        return For(slices);
    }

    /// <summary>Sealed problems per slice in a replay of the promotion rule: enough for the known cases' verdicts,
    /// a fifth of the default promotion's cost.</summary>
    public const int ReplayItemsPerSlice = 30;

    readonly Verifier replayVerifier = new(new VerifierSettings
    {
        SealedSeed = sealedSeed,
        Families = curriculum.Families,
        Difficulties = promotion.Difficulties,
        ItemsPerSlice = Math.Min(promotion.ItemsPerSlice, ReplayItemsPerSlice),
        Tolerance = promotion.Tolerance,
        KeepReliableHorizon = promotion.KeepReliableHorizon,
    });

    public string Metric => "accuracy";
    public bool CanSelfGenerate => true;

    public TrainingData Data(Recipe recipe, IReadOnlyList<string> selfGenerated)
    {
        var range = CurriculumGenerator.ParseDifficulties(curriculum.TrainDifficulties);
        var original = CurriculumBatchSource.Data(TaskFamilies.Parse(curriculum.Families), range[0], range[^1]);
        var kept = selfGenerated.SelectMany(SelfGeneratedData.Read).ToList();
        if (kept.Count == 0 || recipe.SelfGeneratedFraction == 0) return original;
        // Drawn by length, the same problems make another stream of rows, so another digest.
        string draw = curriculum.KeptByLength ? "by-length\n" : "";
        string sha = Convert.ToHexStringLower(SHA256.HashData(
            Encoding.UTF8.GetBytes(original.Sha256 + draw + string.Concat(kept.Select(p => p.Line)))));
        return original with
        {
            Name = $"{original.Name}+self-generated({kept.Count}{(curriculum.KeptByLength ? ", by length" : "")})",
            Sha256 = sha,
            Train =
                new MixtureBatchSource(original.Train, new ProblemSetBatchSource(kept, curriculum.KeptByLength),
                    recipe.SelfGeneratedFraction),
        };
    }

    /// <summary>Public validation problems in a fixed order (family, difficulty, draw).</summary>
    public List<Problem> PublicProblems() => CurriculumGenerator.Set(TaskFamilies.Parse(curriculum.Families),
        CurriculumGenerator.ParseDifficulties(curriculum.EvalDifficulties), curriculum.EvalItemsPerSlice, evalSeed,
            CurriculumSplit.Validation);

    public double[] PublicScores(GptModel model) =>
        [.. CurriculumEvaluator.Run(model, PublicProblems()).Select(i => i.Correct ? 1.0 : 0.0)];

    public IReadOnlyList<(string Family, int Difficulty)> PublicSlices() =>
        [.. PublicProblems().Select(p => (p.Family, p.Difficulty))];

    public (List<PublicWeakness> Weaknesses, WeaknessRecord Report) Weaknesses(GptModel model)
    {
        var items = CurriculumEvaluator.Run(model, PublicProblems());
        var slices = CurriculumEvaluator.Slices(items);
        var worst = WeaknessReport.Worst(items);
        var report = new WeaknessRecord(items.Average(i => i.Correct ? 1.0 : 0.0),
            [.. slices.Select(s =>
                new WeaknessRecord.SliceScore($"{s.Family} d={s.Difficulty}", Accuracy: s.Accuracy))],
            [.. worst.SelectMany(w => w.Failures.Take(1))
                .Select(f => $"{f.Prompt}{f.Output} (expected {f.Expected})")]);
        var weak = slices.Where(s => s.Accuracy < 1).OrderBy(s => s.Accuracy).ThenBy(s => s.Difficulty)
            .Select(s => new PublicWeakness($"{s.Family} d={s.Difficulty}", s.Accuracy, Metric)).ToList();
        return (weak, report);
    }

    public TrainingOverlap? TrainingContamination() => null;

    public CanaryResult Canaries(GptModel model) => verifier.CurriculumCanaries(model);

    public HoldoutSummary Score(GptModel model) => Summary(MovingVerifier(model).Score(model));

    HoldoutSummary Summary(SealedScore score)
    {
        var h = score.Horizons.FirstOrDefault();
        int? Easiest(string? family) => score.Slices.Where(s => s.Family == family).Min(s => (int?)s.Difficulty);
        int? Hardest(string? family) => score.Slices.Where(s => s.Family == family).Max(s => (int?)s.Difficulty);
        var standing = new HoldoutStanding(Metric, score.Accuracy)
        {
            Horizon = h?.Value, HorizonLow = h?.Low, HorizonHigh = h?.High, HorizonStatus = h?.Status,
            HorizonEasiest = Easiest(h?.Family), HorizonHardest = Hardest(h?.Family),
            ReliableHorizon = ReliableHorizon.Of(score.Slices),
            SealedThrough = score.Slices.Select(s => s.Difficulty).DefaultIfEmpty(0).Max(),
            Horizons = [.. score.Horizons.Select(x => new FamilyHorizon(x.Family, x.Value, x.Low, x.High, x.Status)
                { Easiest = Easiest(x.Family), Hardest = Hardest(x.Family) })],
        };
        string horizon = HorizonReading.WithInterval(h?.Value, h?.Low, h?.High, h?.Status,
            standing.HorizonEasiest, standing.HorizonHardest);
        return new HoldoutSummary(score.Accuracy, $"sealed accuracy {score.Accuracy:0.000}, horizon {horizon}, "
            + $"99% horizon {standing.ReliableHorizon} (sealed d≤{standing.SealedThrough})", standing);
    }

    public (Verdict Verdict, HoldoutSummary Successor) Compare(GptModel champion, GptModel successor)
    {
        var moving = MovingVerifier(champion);
        var (verdict, score) = moving.Compare(champion, successor);
        return (verdict, Summary(score) with { Regeneration = moving.Honeypot(successor, score) });
    }

    public IReadOnlyList<KnownCase> Replay(GptModel champion, GptModel silenced, GptModel perturbed, ulong seed,
        int variants) => replayVerifier.ReplayKnownCases(champion, silenced, perturbed, seed, variants);
}
