// 6. Selection: the best surviving change — merged with other winners that touch different keys — is
// re-run against the control with several seeds; it is adopted only when the CI of its effect, averaged
// per item over the seeds, excludes zero. A single lucky seed is never a finding.
using System.Text.Json.Nodes;
using Successor.Evaluation.Statistics;
using Successor.Ledger.Prov;
using Successor.Research;
using Successor.Training.Recipes;

namespace Successor.Lab.Loop;

public sealed partial class LabRunner
{
    Recipe Select(int g, Champion champion, List<(Proposal Proposal, Finding Finding)> survivors, int steps, CancellationToken cancel)
    {
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
        var plans = new List<TrialPlan>();
        for (int s = 0; s < config.Research.SelectionSeeds; s++)
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
        double[] Mean(string arm) => PairedBootstrap.MeanOverSeeds([.. Enumerable.Range(0, config.Research.SelectionSeeds).Select(s => (IReadOnlyList<double>)results[$"g{g}-select-{arm}-s{s}"].Scores)]);
        var c = PairedBootstrap.Compare(Mean("control"), Mean("change"), PairedBootstrap.MinResamples, SeedFor(g, 3));
        bool adopted = c.Low > 0;
        RecordSelection(id, g, merged, c, adopted, adopted
            ? $"effect {Signed.S(c.Difference)} over {config.Research.SelectionSeeds} seeds, 95% CI [{Signed.S(c.Low)}, {Signed.S(c.High)}] excludes zero"
            : $"effect {Signed.S(c.Difference)} over {config.Research.SelectionSeeds} seeds, 95% CI [{Signed.S(c.Low)}, {Signed.S(c.High)}] does not exclude zero; not adopted");
        return adopted ? changed : champion.Recipe;
    }

    void RecordSelection(string id, int g, List<string> candidate, Comparison? c, bool adopted, string reason)
    {
        journal.Record(ProvStatement.Entity(id, "selection", new JsonObject
        {
            ["generation"] = g,
            ["candidate"] = new JsonArray([.. candidate.Select(o => (JsonNode)o)]),
            ["adopted"] = new JsonArray([.. (adopted ? candidate : []).Select(o => (JsonNode)o)]),
            ["effect"] = c?.Difference, ["low"] = c?.Low, ["high"] = c?.High,
            ["seeds"] = config.Research.SelectionSeeds,
            ["reason"] = reason,
        }));
        report(new(g, "selection", $"{(adopted ? "adopted" : "kept the champion's recipe")}: {reason}{(candidate.Count > 0 ? $" ({string.Join(" ", candidate)})" : "")}"));
    }

    static HashSet<string> Keys(IEnumerable<string> overrides) => [.. overrides.Select(o => o.Split('=')[0])];
}
