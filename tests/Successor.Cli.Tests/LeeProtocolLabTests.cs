// Lee et al.'s protocol as an ablation, end to end through the real executable: every generation curates the next
// length whether or not the champion learned the last one (self_generation.advance schedule), and every successor
// that trains becomes the champion whatever the judge found (promotion.adopt_every_successor), with the judge's
// verdict still recorded and the audit still failing its promotion-rule check when the successor was no better.
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Cli.Tests;

public sealed class LeeProtocolLabTests
{
    const string Config = """
        {
          "name": "tiny",
          "generations": 2,
          "curriculum": { "train_difficulties": "1-2", "eval_difficulties": "1-3", "eval_items_per_slice": 20 },
          "budgets": { "trial_steps": 10, "initial_steps": 60, "successor_steps": 20 },
          "research": { "proposals": 1 },
          "self_generation": { "filter": "none", "problems_per_difficulty": 30, "difficulties_ahead": 1,
                               "advance": "schedule" },
          "promotion": { "difficulties": "1-3", "items_per_slice": 20, "min_kept_label_accuracy": 0,
                         "adopt_every_successor": true },
          "gates": { "incidents": false },
          "safety": { "min_projected_reliability": 0 },
        }
        """;

    [Fact]
    public void Every_successor_is_adopted_with_the_verdict_recorded_and_each_generation_curates_the_next_length()
    {
        using var lab = new LabFolder(Config);
        var run = lab.Succeed("run");
        Assert.Contains("g0 ablation: promotion.adopt_every_successor is on", run.Stdout);

        var first = lab.Attributes(ProvKind.Activity, "curation:tiny/g1");
        Assert.Equal("[3]", first["difficulties"]!.ToJsonString());
        // a 60-step model has not learned 3-digit sums, and the schedule moves on all the same
        Assert.True((double)first["kept_label_accuracy"]! < 0.99, first.ToJsonString());
        Assert.Equal("[4]", lab.Attributes(ProvKind.Activity, "curation:tiny/g2")["difficulties"]!.ToJsonString());

        using var ledger = LedgerStore.Open(lab.Ledger);
        foreach (int g in new[] { 1, 2 })
        {
            var generation = lab.Attributes(ProvKind.Activity, $"generation:tiny/g{g}");
            Assert.True((bool)generation["promoted"]!, generation.ToJsonString());
            Assert.Equal(g, (int)generation["champion_generation"]!);
            bool better = (bool)generation["genuinely_better"]!;
            Assert.StartsWith("adopted without the judge (promotion.adopt_every_successor), which found it " +
                (better ? "" : "not ") + "genuinely better: ", (string)generation["reason"]!);
            Assert.Equal(g + 2, (int)generation["frontier"]!);
            var audit = Successor.Safety.Audit.SafetyAudit.Checks(ledger.FindById($"audit:tiny/g{g}")
                .Select(x => x.Parse().Statement.Attributes!).Single());
            Assert.Equal(better, audit.Single(c => c.Name == "promotion-rule").Passed);
        }
        Assert.Matches(@"(?m)^2\s+adopted\s+g2\s", lab.Succeed("status").Stdout);
    }
}
