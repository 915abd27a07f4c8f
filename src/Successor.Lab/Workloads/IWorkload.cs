// What a lab trains on and how it is judged: the built-in curriculum (exact-match accuracy, sealed side
// of the partition) or a text split (bits per byte, sealed holdout documents). Workers use the first
// two members and the lab process the public ones; the sealed ones (Score, TrainingContamination,
// CanariesCompleted, Compare, Replay) are called by the judge process alone (Lab/Judge).
using Successor.Evaluation.Statistics;
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

    /// <summary>The champion's worst public items or slices, and a report for the ledger (its score, slices and
    /// failures; the lab adds the generation and the weaknesses).</summary>
    (List<PublicWeakness> Weaknesses, WeaknessRecord Report) Weaknesses(GptModel model);

    HoldoutSummary Score(GptModel model);

    /// <summary>Overlap of the original training data with public validation and the sealed holdout (13-grams
    /// and 50-byte windows), or null where a partition rules overlap out by construction (the curriculum).</summary>
    Successor.Data.Contamination.ContaminationReport? TrainingContamination();

    /// <summary>Holdout canaries the model completes from their prefix: above 0, it has seen the holdout.</summary>
    int CanariesCompleted(GptModel model);

    /// <summary>The Verifier's verdict on champion vs successor, and the successor's standing.</summary>
    (Verdict Verdict, HoldoutSummary Successor) Compare(GptModel champion, GptModel successor);

    /// <summary>The promotion rule's verdicts on (champion, successor) pairs of `models`, each model scored once on a
    /// small slice of the sealed holdout: the replay of known cases that measures the gate itself.</summary>
    IReadOnlyList<Verdict> Replay(IReadOnlyList<GptModel> models, IReadOnlyList<(int Champion, int Successor)> pairs);
}
