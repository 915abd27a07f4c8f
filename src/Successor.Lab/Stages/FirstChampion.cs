// Generation 0: the first champion trains on the original data with the lab's recipe and initial budget,
// is scored on the sealed holdout, and is recorded as the champion every later generation descends from.
using Successor.Ledger.Statements;

namespace Successor.Lab.Stages;

sealed class FirstChampion(LabContext lab)
{
    public Champion Run(CancellationToken cancel)
    {
        var (config, journal) = (lab.Config, lab.Journal);
        string id = journal.Id("generation", "g0");
        if (journal.Get(id) is { } done) return Champion.From(GenerationRecord.From(done));
        if (config.FirstChampion is { } folder) return new ImportedChampion(lab).Run(folder, id);
        string data = config.Split is { } split ? $"the text of {split}"
            : $"{config.Curriculum.Families} {config.Curriculum.TrainDifficulties}";
        lab.Report(new(0, "train", $"training the first champion: {config.Budgets.InitialSteps} steps on {data}"));
        var recipe = config.Recipe with { Steps = config.Budgets.InitialSteps };
        var siblings = new SelfGeneration.Siblings(lab);
        var candidates = new ScratchCandidates(lab);
        var results = lab.Trials.Run(0, [.. candidates.Plans(new TrialPlan("g0-initial", recipe, null, []), 0),
            .. siblings.Plans(0, recipe, null, [])], cancel);
        siblings.Store(0, results);
        if (candidates.Best("g0-initial") is not { } trial)
            throw new LabException("generation 0: the first champion's training failed " +
                $"({results["g0-initial"].Error}); fix the recipe or budgets in lab.json and run again");
        var first = results[trial];
        var runs = candidates.Recorded("g0-initial").ToList();
        if (runs.Count > 1)
            lab.Report(new(0, "train", $"first champion: {trial}, the best of {runs.Count} runs on the public score (" +
                string.Join(", ", runs.Select(c => $"{c.Id} {(c.Record.Ok ? $"{c.Record.Score:0.000}" : "failed")}"))
                + ")"));
        string digest = journal.Artifacts.PutFile(lab.ModelPath(0, trial));
        var champion = new Champion(0, digest, config.Recipe, [], lab.TrainMax);
        var score = lab.Judge.Score(journal.Artifacts.PathOf(digest));
        var record = champion.Into(new GenerationRecord { Promoted = true, Reason = "the first champion" })
            .With(score.Standing) with
        {
            Tokens = first.Tokens, Seconds = lab.LabClock.Elapsed.TotalSeconds,
        };
        journal.Record(ProvStatement.Activity(id, GenerationRecord.Type, record.ToAttributes()),
            ProvStatement.Artifact(champion.Id, CheckpointRecord.Type, digest,
                new CheckpointRecord { Lab = journal.Lab }.ToAttributes()),
            ProvStatement.WasGeneratedBy(champion.Id, journal.Id("trial", trial)));
        lab.Report(new(0, "champion", $"first champion: {score.Text}"));
        lab.Report(new(0, "judge", lab.Judge.TakeWaitedText()));
        return champion;
    }
}
