// 6. Selection: the best surviving change — merged with other winners that touch different keys — is
// re-run against the control with several seeds; it is adopted only when the CI of its effect, averaged
// per item over the seeds, excludes zero. A single lucky seed is never a finding: when the last rung's own
// pair stands in for the first seed (research.reuse_last_rung), the fresh seeds must also exclude zero on
// their own, since the rung that promoted the change is not an independent test of it.
using System.Text.Json.Nodes;
using Successor.Evaluation.Statistics;
using Successor.Lab.Trials;
using Successor.Ledger.Prov;
using Successor.Research;
using Successor.Training.Recipes;

namespace Successor.Lab.Loop;

public sealed partial class LabRunner
{
    Recipe Select(int g, Champion champion, LastRung halving, CancellationToken cancel)
    {
        var survivors = halving.Survivors;
        string id = journal.Id("selection", $"g{g}");
        if (journal.Get(id) is { } done)
            return Apply(champion.Recipe, [.. done["adopted"]!.AsArray().Select(o => (string)o!)]);
        var winners = survivors.Where(s => s.Finding.Effect > 0).ToList();
        if (winners.Count == 0)
        {
            RecordSelection(id, g, [], null, false, "no change beat the control at the last rung");
            return champion.Recipe;
        }
        var merged = new List<string>(winners[0].Proposal.Overrides);
        var keys = Keys(merged);
        foreach (var (p, _) in winners.Skip(1))
            if (!Keys(p.Overrides).Overlaps(keys)) { merged.AddRange(p.Overrides); keys.UnionWith(Keys(p.Overrides)); }
        var changed = Apply(champion.Recipe, merged);
        int steps = halving.Steps, seeds = config.Research.SelectionSeeds;
        // The last rung's pair is seed 0 when the candidate is its winner unchanged (and the rung ran it).
        var arms = new Dictionary<string, TrialResult>(StringComparer.Ordinal);
        string rung = $"g{g}-r{halving.Rung}-";
        if (config.Research.ReuseLastRung && merged.SequenceEqual(winners[0].Proposal.Overrides)
            && halving.Results.GetValueOrDefault(rung + Proposal.ControlId) is { Ok: true } rungControl
            && halving.Results.GetValueOrDefault(rung + winners[0].Proposal.Id) is { Ok: true } rungChange)
        {
            arms["control-s0"] = rungControl;
            arms["change-s0"] = rungChange;
        }
        int reused = arms.Count / 2;
        var plans = new List<TrialPlan>();
        for (int s = reused; s < seeds; s++)
        {
            ulong seed = SeedFor(g, 100 + s);
            plans.Add(new($"g{g}-select-control-s{s}", Trial(champion.Recipe, steps, seed), champion.CheckpointDigest, champion.SelfGenerated));
            plans.Add(new($"g{g}-select-change-s{s}", Trial(changed, steps, seed), champion.CheckpointDigest, champion.SelfGenerated));
        }
        var results = RunTrials(g, plans, cancel);
        if (results.Values.Any(r => !r.Ok))
        {
            RecordSelection(id, g, merged, null, false, "a selection trial failed; the change is not adopted");
            return champion.Recipe;
        }
        foreach (var (key, r) in results) arms[key[$"g{g}-select-".Length..]] = r;
        Comparison Over(int from)
        {
            double[] Mean(string arm) => PairedBootstrap.MeanOverSeeds([.. Enumerable.Range(from, seeds - from).Select(s => (IReadOnlyList<double>)arms[$"{arm}-s{s}"].Scores)]);
            return PairedBootstrap.Compare(Mean("control"), Mean("change"), PairedBootstrap.MinResamples, SeedFor(g, 3));
        }
        var c = Over(0);
        var fresh = reused > 0 ? Over(reused) : null;
        bool adopted = c.Low > 0 && (fresh is null || fresh.Low > 0);
        string over = $"effect {Signed.S(c.Difference)} over {seeds} seeds{(reused > 0 ? $" (seed 0: the last rung's pair)" : "")}, 95% CI [{Signed.S(c.Low)}, {Signed.S(c.High)}]";
        string alone = fresh is null ? "" : $"the {seeds - reused} fresh seed(s) alone: {Signed.S(fresh.Difference)} [{Signed.S(fresh.Low)}, {Signed.S(fresh.High)}]";
        string reason = c.Low <= 0 ? $"{over} does not exclude zero; not adopted"
            : fresh is null ? $"{over} excludes zero"
            : adopted ? $"{over} excludes zero, and so do {alone}" : $"{over} excludes zero, but {alone} does not; not adopted";
        RecordSelection(id, g, merged, c, adopted, reason, reused > 0 ? [rung + Proposal.ControlId, rung + winners[0].Proposal.Id] : []);
        return adopted ? changed : champion.Recipe;
    }

    void RecordSelection(string id, int g, List<string> candidate, Comparison? c, bool adopted, string reason, IReadOnlyList<string>? reusedTrials = null)
    {
        journal.Record(ProvStatement.Entity(id, "selection", new JsonObject
        {
            ["generation"] = g,
            ["candidate"] = new JsonArray([.. candidate.Select(o => (JsonNode)o)]),
            ["adopted"] = new JsonArray([.. (adopted ? candidate : []).Select(o => (JsonNode)o)]),
            ["effect"] = c?.Difference, ["low"] = c?.Low, ["high"] = c?.High,
            ["seeds"] = config.Research.SelectionSeeds,
            ["reused_trials"] = new JsonArray([.. (reusedTrials ?? []).Select(t => (JsonNode)t)]),
            ["reason"] = reason,
        }));
        report(new(g, "selection", $"{(adopted ? "adopted" : "kept the champion's recipe")}: {reason}{(candidate.Count > 0 ? $" ({string.Join(" ", candidate)})" : "")}"));
    }

    static HashSet<string> Keys(IEnumerable<string> overrides) => [.. overrides.Select(o => o.Split('=')[0])];
}
