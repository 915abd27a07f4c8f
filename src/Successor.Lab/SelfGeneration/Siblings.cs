// The vote filter's other voters: siblings of the champion, trained beside it on the same data from other
// seeds. Lee et al. (ICML 2025) vote across models trained independently from the start and each fine-tuned
// on the same self-generated data every round, so each sibling keeps its own line: the first champion's
// siblings train from scratch with the first champion's recipe and budget, and every successor's sibling i
// warm-starts from the champion's sibling i with the successor's recipe, steps and data — only the seed
// differs. They train in the same batch as the model they accompany (so the lab's workers run them side by
// side), count against the same token and time budgets as every trial, and their weights are stored as
// artifacts. A champion's siblings are the trials "g<G>-sibling<i>" of the generation G that trained it, so a
// champion kept by a rejected successor keeps its siblings too; the first champion's siblings train from
// scratch, so each is the best of budgets.initial_candidates runs, as the first champion is (ScratchCandidates).
using Successor.Data.Curriculum;
using Successor.Models.Gpt;
using Successor.Training.Recipes;

namespace Successor.Lab.SelfGeneration;

sealed class Siblings(LabContext lab)
{
    readonly Stages.ScratchCandidates candidates = new(lab);

    /// <summary>Seed indices of siblings start here, far from the indices the stages use.</summary>
    const int SeedIndex = 1000;

    /// <summary>True when the lab votes, or its none filter has witnesses, so every champion trains with
    /// siblings.</summary>
    public bool Needed => lab.Config.SelfGeneration.HasSiblings && lab.Task.CanSelfGenerate;

    public static string Id(int generation, int sibling) => $"g{generation}-sibling{sibling}";

    /// <summary>The siblings that train beside the model of generation g: from scratch for the first champion
    /// (`parent` null), else each warm-started from the parent champion's own sibling (from the champion itself
    /// when that sibling's trial failed).</summary>
    public IReadOnlyList<TrialPlan> Plans(int g, Recipe recipe, Champion? parent, IReadOnlyList<string> selfGenerated)
    {
        if (!Needed) return [];
        return [.. Enumerable.Range(1, lab.Config.SelfGeneration.Voters - 1).SelectMany(i =>
        {
            var plan = new TrialPlan(Id(g, i), recipe with { Seed = lab.SeedFor(g, SeedIndex + i) },
                parent is null ? null : Checkpoint(parent.Generation, i)?.Digest ?? parent.CheckpointDigest,
                selfGenerated);
            return parent is null ? candidates.Plans(plan, i) : [plan];
        })];
    }

    /// <summary>Stores the weights of every sibling that trained, so a later generation can load them by
    /// digest.</summary>
    public void Store(int g, IReadOnlyDictionary<string, TrialResult> results)
    {
        foreach (var plan in results.Keys.Where(id => id.StartsWith($"g{g}-sibling", StringComparison.Ordinal)))
            if (results[plan].Ok && File.Exists(lab.ModelPath(g, plan)))
                lab.Journal.Artifacts.PutFile(lab.ModelPath(g, plan));
    }

    /// <summary>The voters of a curation, as (name, checkpoint digest): the champion first, named "gN-champion"
    /// for the generation N that trained it, then each of its siblings that trained, by trial id.</summary>
    public IReadOnlyList<(string Trial, string Digest)> Voters(Champion champion)
    {
        var voters = new List<(string, string)> { ($"g{champion.Generation}-champion", champion.CheckpointDigest) };
        for (int i = 1; i < lab.Config.SelfGeneration.Voters; i++)
            if (Checkpoint(champion.Generation, i) is { } sibling) voters.Add(sibling);
        return voters;
    }

    /// <summary>The vote filter's curation: the champion (`model`, already loaded) and its siblings answer
    /// `perDifficulty` training-side problems at each difficulty; the vote keeps some (under the none filter's
    /// witnesses, every answer of the champion), and counts where all agreed; the exact checker only measures the
    /// kept labels. Posed: the problems asked, with the true answers.</summary>
    public (List<Problem> Kept, List<Problem> Posed, CurationResult Result) Curate(Champion champion, GptModel model,
        IReadOnlyList<int> difficulties, int perDifficulty, ulong seed)
    {
        var voters = Voters(champion);
        var loaded = voters.Skip(1).Select(v => lab.Load(v.Digest)).ToList();
        try
        {
            var problems = CurriculumGenerator.Set(TaskFamilies.Parse(lab.Config.Curriculum.Families), difficulties,
                perDifficulty, seed, CurriculumSplit.Train);
            var outputs = ModelVote.Answers([model, .. loaded], problems);
            var (answers, verdicts, unanimous) = ModelVote.Run(problems, outputs);
            bool vote = lab.Config.SelfGeneration.Filter == "vote";
            // witnesses keep nothing out: every answer of the champion is kept, as the none filter keeps it
            var (kept, result) = vote ? SelfGeneratedData.Keep(problems, answers, "vote", difficulties)
                : SelfGeneratedData.Keep(problems, [.. outputs[0]], "none", difficulties);
            return (kept, problems, result with
            {
                Voters = [.. voters.Select(v => $"{v.Trial} {v.Digest}")],
                NoMajority = vote ? verdicts.Count(v => v == VoteVerdict.NoMajority) : null,
                ImplausibleLength = vote ? verdicts.Count(v => v == VoteVerdict.ImplausibleLength) : null,
                UnanimousPerDifficulty = [.. difficulties.Select(d =>
                    problems.Where((p, i) => unanimous[i] && p.Difficulty == d).Count())],
            });
        }
        finally { loaded.ForEach(m => m.Dispose()); }
    }

    /// <summary>Sibling i of generation g's model, as (trial, digest of its stored weights) — of generation 0,
    /// the best of its candidates — or null when it did not train.</summary>
    (string Trial, string Digest)? Checkpoint(int g, int sibling)
    {
        var journal = lab.Journal;
        string trial = (g == 0 ? candidates.Best(Id(g, sibling)) : null) ?? Id(g, sibling);
        if (journal.Get(journal.Id("trial", trial)) is not { } recorded
            || TrialRecord.From(recorded) is not { Ok: true, ModelSha256: { Length: 64 } sha }) return null;
        string digest = Ledger.Digests.Prefix + sha;
        if (!File.Exists(journal.Artifacts.PathOf(digest)) && File.Exists(lab.ModelPath(g, trial)))
            journal.Artifacts.PutFile(lab.ModelPath(g, trial));
        return File.Exists(journal.Artifacts.PathOf(digest)) ? (trial, digest) : null;
    }
}
