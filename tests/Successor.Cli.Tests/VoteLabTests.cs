// A lab whose filter is the vote of several models, end to end through the real executable: the first champion
// and every successor train with siblings from other seeds, the curation records which models voted and their
// checkpoints' hashes, and the same seed gives the same bits in a second lab folder; and the vote's unfiltered
// twin, whose siblings only witness.
using System.Text.Json.Nodes;
using Successor.Ledger.Statements;

namespace Successor.Cli.Tests;

public sealed class VoteLabTests
{
    const string Config = """
        {
          "name": "tiny",
          "generations": 1,
          "curriculum": { "families": "add", "train_difficulties": "1-2", "eval_difficulties": "1-3",
                          "eval_items_per_slice": 20 },
          "budgets": { "trial_steps": 10, "initial_steps": 60, "successor_steps": 20 },
          "research": { "proposals": 1 },
          "self_generation": { "filter": "vote", "voters": 3, "problems_per_difficulty": 30 },
          "promotion": { "difficulties": "1-3", "items_per_slice": 20, "min_kept_label_accuracy": 0 },
        }
        """;

    [Fact]
    public void A_vote_lab_trains_siblings_records_its_voters_and_repeats_bit_for_bit()
    {
        using var first = new LabFolder(Config);
        var run = first.Succeed("run");
        Assert.Matches(
            @"g1 curation: .*vote filter kept \d+ .*; 3 voters, \d+ dropped without a majority, \d+ on length, " +
            @"[\d/]+ unanimous",
            run.Stdout);
        var trials = first.RecordedTrials();
        foreach (var sibling in new[] { "g0-sibling1", "g0-sibling2", "g1-sibling1", "g1-sibling2" })
            Assert.Contains($"trial:tiny/{sibling}", trials);
        Assert.Equal(trials.Count, trials.Distinct().Count());

        var curation = first.Attributes(ProvKind.Activity, "curation:tiny/g1");
        var voters = Voters(curation);
        Assert.Equal(["g0-champion", "g0-sibling1", "g0-sibling2"], voters.Select(v => v.Trial));
        Assert.Equal(first.TrialText("g0-initial", "model_sha256"), voters[0].Sha256);
        Assert.Equal(first.TrialText("g0-sibling1", "model_sha256"), voters[1].Sha256);
        Assert.Equal(first.TrialText("g0-sibling2", "model_sha256"), voters[2].Sha256);
        Assert.Equal(3, voters.Select(v => v.Sha256).Distinct().Count()); // other seeds, other models
        // a successor's sibling warm-starts from the champion's sibling of the same index, on the same data
        Assert.Contains(Path.Combine("sha256", voters[1].Sha256[..2], voters[1].Sha256),
            first.Spec(1, "g1-sibling1"));
        Assert.Equal(Field(first.Spec(1, "g1-successor"), "self_generated"),
            Field(first.Spec(1, "g1-sibling1"), "self_generated"));
        int generated = (int)curation["generated"]!, kept = (int)curation["kept"]!;
        Assert.Equal(generated, kept + (int)curation["vote_no_majority"]! + (int)curation["vote_implausible_length"]!);
        int unanimous = curation["vote_unanimous_per_difficulty"]!.AsArray().Sum(n => (int)n!);
        Assert.InRange(unanimous, 0, kept);

        using var second = new LabFolder(Config);
        second.Succeed("run");
        var again = second.Attributes(ProvKind.Activity, "curation:tiny/g1");
        Assert.Equal(curation.ToJsonString(), again.ToJsonString());
        foreach (var trial in new[] { "g1-successor", "g1-sibling1", "g1-sibling2" })
            Assert.Equal(first.TrialText(trial, "model_sha256"), second.TrialText(trial, "model_sha256"));
    }

    [Fact]
    public void Witnesses_of_an_unfiltered_lab_train_and_count_agreement_but_keep_nothing_out()
    {
        string none = Config.Replace("\"filter\": \"vote\"", "\"filter\": \"none\"");
        using var plain = new LabFolder(none);
        plain.Succeed("run");
        using var witnessed = new LabFolder(none.Replace("\"voters\": 3", "\"voters\": 3, \"witnesses\": true"));
        var run = witnessed.Succeed("run");
        Assert.Matches(@"g1 curation: .*none filter kept \d+ .*; 3 voters, [\d/]+ unanimous", run.Stdout);
        Assert.DoesNotContain("trial:tiny/g0-sibling1", plain.RecordedTrials());
        Assert.Contains("trial:tiny/g0-sibling1", witnessed.RecordedTrials());
        var curation = witnessed.Attributes(ProvKind.Activity, "curation:tiny/g1");
        var voters = Voters(curation);
        Assert.Equal(["g0-champion", "g0-sibling1", "g0-sibling2"], voters.Select(v => v.Trial));
        Assert.Equal(3, voters.Select(v => v.Sha256).Distinct().Count());
        // the same champion keeps the same answers, witnessed or not: the witnesses drop nothing
        var alone = plain.Attributes(ProvKind.Activity, "curation:tiny/g1");
        foreach (var key in new[] { "data", "kept", "kept_correct", "kept_per_difficulty" })
            Assert.Equal(alone[key]?.ToJsonString(), curation[key]?.ToJsonString());
        Assert.True((int)curation["kept"]! > 0);
        Assert.Null(curation["vote_no_majority"]);
        Assert.Null(alone["vote_unanimous_per_difficulty"]);
        int unanimous = curation["vote_unanimous_per_difficulty"]!.AsArray().Sum(n => (int)n!);
        Assert.InRange(unanimous, 0, (int)curation["kept"]!);
    }

    static List<(string Trial, string Sha256)> Voters(JsonObject curation) =>
        [.. curation["voters"]!.AsArray().Select(v => ((string)v!).Split(' '))
            .Select(p => (p[0], p[1]["sha256:".Length..]))];

    static string Field(string json, string name) => JsonNode.Parse(json)![name]!.ToJsonString();
}
