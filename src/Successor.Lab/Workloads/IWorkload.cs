// What a lab trains on and how it is judged: the built-in curriculum (exact-match accuracy, sealed side
// of the partition) or a text split (bits per byte, sealed holdout documents). Workers use the first
// two members and the lab process the public ones; the sealed ones (Score, TrainingContamination,
// CanariesCompleted, Compare, Replay) are called by the judge process alone (Lab/Judge).
using Successor.Evaluation.Statistics;
using Successor.Evaluation.Verification;
using Successor.Models.Gpt;
using Successor.Research;
using Successor.Training.Data;
using Successor.Training.Recipes;

namespace Successor.Lab.Workloads;

public interface IWorkload
{
    /// <summary>"accuracy" (higher is better) or "bits_per_byte" (lower is better).</summary>
    string Metric { get; }

    /// <summary>Whether the champion can generate data a checker can verify (the curriculum can, text cannot
    /// yet).</summary>
    bool CanSelfGenerate { get; }

    /// <summary>The training data of a trial: the original data always, kept self-generated sets mixed in.</summary>
    TrainingData Data(Recipe recipe, IReadOnlyList<string> selfGenerated);

    /// <summary>One score per public validation item in a fixed order, higher is better, for paired
    /// comparisons.</summary>
    double[] PublicScores(GptModel model);

    /// <summary>The (family, difficulty) slice of each public item, in PublicScores' order; null where items have
    /// no slices (text).</summary>
    IReadOnlyList<(string Family, int Difficulty)>? PublicSlices();

    /// <summary>The champion's worst public items or slices, and a report for the ledger (its score, slices and
    /// failures; the lab adds the generation and the weaknesses).</summary>
    (List<PublicWeakness> Weaknesses, WeaknessRecord Report) Weaknesses(GptModel model);

    HoldoutSummary Score(GptModel model);

    /// <summary>Overlap of the original training data with public validation and the sealed holdout (13-grams
    /// and 50-byte windows), or null where a partition rules overlap out by construction (the curriculum).</summary>
    TrainingOverlap? TrainingContamination();

    /// <summary>The sealed side's canaries (text: markers in holdout documents; curriculum: problems with secret
    /// answers) and how many the model completes: above 0, it has seen sealed data.</summary>
    CanaryResult Canaries(GptModel model);

    /// <summary>The Verifier's verdict on champion vs successor, and the successor's standing (in a curriculum lab
    /// under the judge's secret, with its honeypot check: HoldoutSummary.Regeneration).</summary>
    (Verdict Verdict, HoldoutSummary Successor) Compare(GptModel champion, GptModel successor);

    /// <summary>The promotion rule's verdicts on known cases built from the champion, its silenced copy and a
    /// perturbed copy, each scored once on a small slice of the sealed holdout: the replay that measures the gate
    /// itself (Verifier.ReplayKnownCases).</summary>
    IReadOnlyList<KnownCase> Replay(GptModel champion, GptModel silenced, GptModel perturbed, ulong seed, int variants);
}
