// budgets.initial_candidates through the real executable: every model trained from scratch (the first champion
// and, under the vote filter, each sibling) trains that many times from other seeds, the run with the best
// public score is the model, and later generations descend from it.
using System.Text.Json.Nodes;
using Successor.Ledger.Statements;

namespace Successor.Cli.Tests;

public sealed class ScratchCandidatesLabTests
{
    const string Config = """
        {
          "name": "tiny",
          "generations": 1,
          "curriculum": { "families": "add", "train_difficulties": "1-2", "eval_difficulties": "1-3",
                          "eval_items_per_slice": 20 },
          "budgets": { "trial_steps": 10, "initial_steps": 200, "successor_steps": 20, "initial_candidates": 2 },
          "research": { "proposals": 1 },
          "self_generation": { "filter": "vote", "voters": 3, "problems_per_difficulty": 30 },
          "promotion": { "difficulties": "1-3", "items_per_slice": 20, "min_kept_label_accuracy": 0 },
          "recipe": { "model": { "layers": 1, "heads": 2, "embedding": 64, "block_size": 48, "positions": "digits" },
                      "batch_size": 32, "learning_rate": 0.003, "eval_interval": 0 }
        }
        """;

    [Fact]
    public void Models_trained_from_scratch_are_the_best_of_their_candidates_and_successors_descend_from_them()
    {
        using var lab = new LabFolder(Config);
        var run = lab.Succeed("run");
        var trials = lab.RecordedTrials();
        string[] models = ["g0-initial", "g0-sibling1", "g0-sibling2"];
        foreach (var model in models)
        {
            Assert.Contains($"trial:tiny/{model}", trials);
            Assert.Contains($"trial:tiny/{model}-c2", trials);
            Assert.NotEqual(lab.TrialText(model, "model_sha256"), lab.TrialText($"{model}-c2", "model_sha256"));
        }
        Assert.DoesNotContain("trial:tiny/g1-successor-c2", trials); // warm-started models train once
        Assert.DoesNotContain("trial:tiny/g1-sibling1-c2", trials);

        var voters = ((JsonArray)lab.Attributes(ProvKind.Activity, "curation:tiny/g1")["voters"]!)
            .Select(v => ((string)v!).Split(' ')).ToList();
        string champion = Best(lab, "g0-initial");
        Assert.Equal(lab.TrialText(champion, "model_sha256"), voters[0][1]["sha256:".Length..]);
        Assert.Matches($@"g0 train: first champion: {champion}, the best of 2 runs on the public score " +
            @"\(g0-initial \d\.\d{3}, g0-initial-c2 \d\.\d{3}\)", run.Stdout);
        for (int i = 1; i <= 2; i++)
        {
            string sibling = Best(lab, $"g0-sibling{i}");
            Assert.Equal(sibling, voters[i][0]);
            Assert.Equal(lab.TrialText(sibling, "model_sha256"), voters[i][1]["sha256:".Length..]);
            string sha = voters[i][1]["sha256:".Length..];
            Assert.Contains(Path.Combine("sha256", sha[..2], sha), lab.Spec(1, $"g1-sibling{i}"));
        }
        // the scores differ for at least one model, so the choice above was a choice
        Assert.Contains(models, m => Score(lab, m) != Score(lab, $"{m}-c2"));
    }

    static double Score(LabFolder lab, string trial) =>
        (double)lab.Attributes(ProvKind.Activity, $"trial:tiny/{trial}")["score"]!;

    /// <summary>The candidate with the higher public score, the first one on a tie.</summary>
    static string Best(LabFolder lab, string model) =>
        Score(lab, $"{model}-c2") > Score(lab, model) ? $"{model}-c2" : model;
}
