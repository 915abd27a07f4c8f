// Models trained from scratch — the first champion and, under the vote filter, each of its siblings — train
// budgets.initial_candidates times from different seeds, and the candidate with the best public score is the
// model. Whether a small model learns reversed addition at all is partly a draw of its seed (4 layers on 1–5
// digits learned in 3 of 5 probe runs, docs/journal/2026-12-05-long-run.md), and the best of a few runs is what
// a practitioner keeps; warm-started models inherit what their parent learned and train once. Candidate 1 is
// the trial as it always was (its id and seed), so a lab with one candidate is the lab it was; candidate c ≥ 2
// is the trial "<id>-c<c>" from its own seed. The choice reads only public scores, from the ledger, so a resumed
// lab makes the same one.

namespace Successor.Lab.Stages;

sealed class ScratchCandidates(LabContext lab)
{
    /// <summary>Seed indices of candidates start here, far from the indices the stages and siblings use.</summary>
    const int SeedIndex = 2000;

    /// <summary>At least 1 (LabConfigJson checks it).</summary>
    int Count => lab.Config.Budgets.InitialCandidates;

    /// <summary>`plan` and its other candidates; `slot` (0 for the first champion, i for sibling i) keeps every
    /// model's candidates on seeds of their own.</summary>
    public IEnumerable<TrialPlan> Plans(TrialPlan plan, int slot) =>
        [plan, .. Enumerable.Range(2, Count - 1).Select(c => plan with
        {
            Id = Id(plan.Id, c),
            Recipe = plan.Recipe with { Seed = lab.SeedFor(0, SeedIndex + 100 * slot + c) },
        })];

    /// <summary>The id of the trained candidate of `id` with the best public score (the first of equals), or
    /// null when none trained. It reads the candidates the ledger holds — `id`, then `id`-c2, -c3, … while they
    /// are recorded — not today's config, so a lab resumed with another initial_candidates (budgets may change)
    /// keeps the models it chose.</summary>
    public string? Best(string id) => Recorded(id)
        .Where(c => c.Record.Ok)
        .OrderByDescending(c => c.Record.Score).Select(c => c.Id).FirstOrDefault();

    /// <summary>`id`'s candidates as recorded, `id` first, as (trial id, record).</summary>
    public IEnumerable<(string Id, TrialRecord Record)> Recorded(string id)
    {
        for (int c = 1; ; c++)
        {
            string trial = c == 1 ? id : Id(id, c);
            if (lab.Journal.Get(lab.Journal.Id("trial", trial)) is not { } r) yield break;
            yield return (trial, TrialRecord.From(r));
        }
    }

    static string Id(string id, int candidate) => $"{id}-c{candidate}";
}
