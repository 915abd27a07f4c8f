// Stage 6. Selection: the best surviving change — merged with other winners that touch different keys — is
// re-run against the control with several seeds; it is adopted only when the CI of its effect, averaged
// per item over the seeds, excludes zero. A single lucky seed is never a finding: when the last rung's own
// pair stands in for the first seed (research.reuse_last_rung), the fresh seeds must also exclude zero on
// their own, since the rung that promoted the change is not an independent test of it.
// With research.finalists above 1 the selection is a race (after F-Race and Hoeffding races): the winners
// the last rung could not tell apart from the best — their 95% CIs overlap its CI — run on the same seeds
// against one shared control, and the one with the best mean effect that passes is adopted.
using Successor.Evaluation.Statistics;
using Successor.Ledger.Statements;
using Successor.Research;
using Successor.Training.Recipes;

namespace Successor.Lab.Stages;

sealed class Selection(LabContext lab)
{
    public Recipe Run(GenerationState state, LastRung halving, CancellationToken cancel)
    {
        var (journal, config) = (lab.Journal, lab.Config);
        var (g, champion) = (state.Number, state.Champion);
        string id = journal.Id("selection", $"g{g}");
        if (journal.Get(id) is { } done)
            return TrialRecipes.Apply(champion.Recipe, SelectionRecord.From(done).Adopted);
        var winners = halving.Ranked.Take(halving.Surviving).Where(s => s.Finding.Effect > 0).ToList();
        if (winners.Count == 0)
        {
            RecordSelection(id, g, [], null, false, "no change beat the control at the last rung");
            return champion.Recipe;
        }
        var finalists =
            Finalists(winners, [.. halving.Ranked.Skip(halving.Surviving).Where(s => s.Finding.Effect > 0)]);
        int steps = halving.Steps, seeds = config.Research.SelectionSeeds;
        // The last rung's pairs are seed 0 when every finalist is a winner unchanged (and the rung ran them all).
        var arms = new Dictionary<string, TrialResult>(StringComparer.Ordinal);
        string rung = $"g{g}-r{halving.Rung}-";
        if (config.Research.ReuseLastRung && finalists.All(f => f.Overrides.SequenceEqual(f.From.Overrides))
            && halving.Results.GetValueOrDefault(rung + Proposal.ControlId) is { Ok: true } rungControl
            && finalists.All(f => halving.Results.GetValueOrDefault(rung + f.From.Id) is { Ok: true }))
        {
            arms["control-s0"] = rungControl;
            foreach (var f in finalists) arms[$"{f.Arm}-s0"] = halving.Results[rung + f.From.Id];
        }
        int reused = arms.Count > 0 ? 1 : 0;
        var plans = new List<TrialPlan>();
        for (int s = reused; s < seeds; s++)
        {
            ulong seed = lab.SeedFor(g, 100 + s);
            plans.Add(new($"g{g}-select-control-s{s}", lab.Recipes.Trial(champion.Recipe, steps, seed),
                champion.CheckpointDigest, champion.SelfGenerated));
            foreach (var f in finalists)
                plans.Add(new($"g{g}-select-{f.Arm}-s{s}", lab.Recipes.Trial(TrialRecipes.Apply(champion.Recipe,
                    f.Overrides), steps, seed), champion.CheckpointDigest, champion.SelfGenerated));
        }
        var results = lab.Trials.Run(g, plans, cancel);
        foreach (var (key, r) in results) arms[key[$"g{g}-select-".Length..]] = r;
        bool Ran(string arm) => Enumerable.Range(0, seeds).All(s => arms[$"{arm}-s{s}"].Ok);
        var ran = finalists.Where(f => Ran(f.Arm)).ToList();
        if (!Ran("control") || ran.Count == 0)
        {
            RecordSelection(id, g, finalists[0].Overrides, null, false,
                "a selection trial failed; the change is not adopted");
            return champion.Recipe;
        }
        Comparison Over(string arm, int from)
        {
            double[] Mean(string a) => PairedBootstrap.MeanOverSeeds(
                [.. Enumerable.Range(from, seeds - from).Select(s => (IReadOnlyList<double>)arms[$"{a}-s{s}"].Scores)]);
            return SeededBootstrap.Compare(Mean("control"), Mean(arm), PairedBootstrap.MinResamples, lab.SeedFor(g, 3));
        }
        var races = ran.Select(f => new Race(f, Over(f.Arm, 0), reused > 0 ? Over(f.Arm, reused) : null))
            .OrderByDescending(r => r.All.Difference)
            .ToList();
        var chosen = races.FirstOrDefault(r => r.Passes) ?? races[0];
        string reason = Reason(chosen, seeds, reused);
        if (finalists.Count > 1)
            reason += $"; raced {finalists.Count} finalists on the same seeds: " +
                $"{string.Join(", ", races.Select(r => $"{r.Finalist.From.Id} {Signed.S(r.All.Difference)} " +
                    $"[{Signed.S(r.All.Low)}, {Signed.S(r.All.High)}]"))}"
                + (ran.Count < finalists.Count
                    ? $" ({string.Join(", ", finalists.Except(ran).Select(f => f.From.Id))}: a trial failed)" : "");
        RecordSelection(id, g, chosen.Finalist.Overrides, chosen.All, chosen.Passes, reason,
            reused > 0 ? [rung + Proposal.ControlId, .. finalists.Select(f => rung + f.From.Id)] : [], races);
        return chosen.Passes ? TrialRecipes.Apply(champion.Recipe, chosen.Finalist.Overrides) : champion.Recipe;
    }

    /// <summary>The selection's candidates: the last rung's best change, then (up to research.finalists in all) the
    /// next changes that beat the control there — survivors of the rung first, then the others halving would have
    /// dropped — whose CI overlaps the best one's. Each is merged with the rung's other surviving winners on
    /// disjoint keys, in rank order, and kept once when two merge into the same change.</summary>
    List<Finalist> Finalists(List<(Proposal Proposal, Finding Finding)> winners,
        List<(Proposal Proposal, Finding Finding)> dropped)
    {
        var best = winners[0].Finding;
        var list = new List<Finalist>();
        foreach (var (p, _) in winners.Concat(dropped).Where((w, i) => i == 0 || w.Finding.High >= best.Low))
        {
            if (list.Count == lab.Config.Research.Finalists) break;
            var merged = new List<string>(p.Overrides);
            var keys = Keys(merged);
            foreach (var (other, _) in winners.Where(w => !ReferenceEquals(w.Proposal, p)))
                if (!Keys(other.Overrides).Overlaps(keys))
                {
                    merged.AddRange(other.Overrides);
                    keys.UnionWith(Keys(other.Overrides));
                }
            if (list.Any(x => x.Overrides.ToHashSet().SetEquals(merged))) continue;
            list.Add(new(merged, p, list.Count == 0 ? "change" : $"change{list.Count + 1}"));
        }
        return list;
    }

    static string Reason(Race r, int seeds, int reused)
    {
        var (c, fresh) = (r.All, r.Fresh);
        string over =
            $"effect {Signed.S(c.Difference)} over {seeds} " +
            $"seeds{(reused > 0 ? $" (seed 0: the last rung's pair)" : "")}, 95% CI [{Signed.S(c.Low)}, " +
            $"{Signed.S(c.High)}]";
        string alone = fresh is null ? "" : $"the {seeds - reused} fresh seed(s) alone: " +
            $"{Signed.S(fresh.Difference)} [{Signed.S(fresh.Low)}, {Signed.S(fresh.High)}]";
        return c.Low <= 0 ? $"{over} does not exclude zero; not adopted"
            : fresh is null ? $"{over} excludes zero"
            : r.Passes ? $"{over} excludes zero, and so do {alone}"
                : $"{over} excludes zero, but {alone} does not; not adopted";
    }

    void RecordSelection(string id, int g, List<string> candidate, Comparison? c, bool adopted, string reason,
        IReadOnlyList<string>? reusedTrials = null, IReadOnlyList<Race>? races = null)
    {
        lab.Journal.Record(ProvStatement.Entity(id, SelectionRecord.Type, new SelectionRecord(g, candidate,
            Adopted: adopted ? candidate : [],
            c?.Difference, c?.Low, c?.High, lab.Config.Research.SelectionSeeds,
            ReusedTrials: reusedTrials ?? [],
            Finalists: [.. (races ?? []).Select(r => new SelectionRecord.FinalistEntry(r.Finalist.From.Id,
                r.Finalist.Arm, r.Finalist.Overrides, r.All.Difference, r.All.Low, r.All.High)
            {
                FreshEffect = r.Fresh?.Difference, FreshLow = r.Fresh?.Low, FreshHigh = r.Fresh?.High,
            })],
            reason).ToAttributes()));
        lab.Report(new(g, "selection", $"{(adopted ? "adopted" : "kept the champion's recipe")}: {reason}"
            + $"{(candidate.Count > 0 ? $" ({string.Join(" ", candidate)})" : "")}"));
    }

    static HashSet<string> Keys(IEnumerable<string> overrides) => [.. overrides.Select(o => o.Split('=')[0])];
}
