// The lab process's view of its task: the public side only. Its sealed members throw, so a stage that reached
// for the sealed holdout in the lab process (instead of asking the judge) fails loudly the first time it runs,
// rather than scoring on a holdout drawn without the judge's secret.
using Successor.Evaluation.Statistics;
using Successor.Evaluation.Verification;
using Successor.Lab.Workloads;
using Successor.Models.Gpt;
using Successor.Research;
using Successor.Training.Data;
using Successor.Training.Recipes;

namespace Successor.Lab.Judge;

public sealed class PublicSide(IWorkload task) : IWorkload
{
    public string Metric => task.Metric;
    public bool CanSelfGenerate => task.CanSelfGenerate;
    public TrainingData Data(Recipe recipe, IReadOnlyList<string> selfGenerated) => task.Data(recipe, selfGenerated);
    public double[] PublicScores(GptModel model) => task.PublicScores(model);
    public IReadOnlyList<(string Family, int Difficulty)>? PublicSlices() => task.PublicSlices();
    public (List<PublicWeakness> Weaknesses, WeaknessRecord Report) Weaknesses(GptModel model) =>
        task.Weaknesses(model);

    public HoldoutSummary Score(GptModel model) => throw Sealed(nameof(Score));
    public TrainingOverlap? TrainingContamination() => throw Sealed(nameof(TrainingContamination));
    public CanaryResult Canaries(GptModel model) => throw Sealed(nameof(Canaries));
    public (Verdict Verdict, HoldoutSummary Successor) Compare(GptModel champion, GptModel successor) =>
        throw Sealed(nameof(Compare));
    public IReadOnlyList<KnownCase> Replay(GptModel champion, GptModel silenced, GptModel perturbed, ulong seed,
        int variants) => throw Sealed(nameof(Replay));

    static InvalidOperationException Sealed(string member) =>
        new($"{member} reads the sealed holdout, which only the judge process does; ask it through JudgeClient");
}
