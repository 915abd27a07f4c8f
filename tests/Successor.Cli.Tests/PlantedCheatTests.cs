// The planted-cheat suite, end to end through the real executable: each test plants one way a loop could
// game its evaluation or slip its limits, and asserts the lab catches it — an incident in the ledger, the
// candidate failed closed, the stage refused. (Thresholdout's refusal of repeated holdout queries and the
// public-vs-sealed divergence alarm are tested where they live, in Successor.Safety.Tests.)
using System.Diagnostics;
using Successor.Ledger.Storage;
using Successor.Safety.Incidents;

namespace Successor.Cli.Tests;

public sealed class PlantedCheatTests
{
    /// <summary>A one-generation lab whose researcher may only change the seed: it shops for a lucky one.</summary>
    static readonly string SeedShopping = LabFolder.Tiny.Replace("\"research\": { \"proposals\": 2 }",
            "\"research\": { \"proposals\": 1, \"search_space\": [ { \"key\": \"seed\", \"scale\": \"integer\", " +
                "\"low\": 1, \"high\": 100000 } ] }")
        .Replace("\"generations\": 2", "\"generations\": 1");

    /// <summary>A split of generated text; `plant` may edit train.jsonl before the lab starts.</summary>
    static string TextLab(LabFolder lab, int canaries = 0, int initialSteps = 40)
    {
        var rng = new Random(5);
        string[] words = ["the", "lab", "trains", "a", "model", "on", "text", "and", "checks", "it", "again", "today",
            "while", "every", "seed", "counts"];
        var corpus = string.Join("\n\n", Enumerable.Range(0, 300).Select(_ =>
            string.Join(' ', Enumerable.Range(0, 14 + rng.Next(8)).Select(_ => words[rng.Next(words.Length)])) + "."));
        File.WriteAllText(Path.Combine(lab.Root, "corpus.txt"), corpus);
        string split = Path.Combine(lab.Root, "split");
        var r = SuccessorProcess.Run("data", "split", Path.Combine(lab.Root, "corpus.txt"), "--out", split, "--ratios",
            "0.8,0.1,0.1", "--canaries", canaries.ToString());
        Assert.True(r.ExitCode == 0, r.Stderr);
        File.WriteAllText(lab.Config, $$"""
            { "name": "text", "generations": 1, "split": {{System.Text.Json.JsonSerializer.Serialize(split)}},
              "budgets": { "trial_steps": 10, "initial_steps": {{initialSteps}}, "successor_steps": 20 },
            """ + """
             "research": { "proposals": 1, "rungs": 1 },
              "self_generation": { "enabled": false },
              "recipe": { "model": { "layers": 1, "heads": 2, "embedding": 32, "block_size": 32 }, "batch_size": 8,
            """ + """
             "warmup_steps": 5, "eval_interval": 0 } }
            """);
        return split;
    }

    static void CopyInto(string split, string from, Func<string, bool>? which = null)
    {
        // The sealed files' first line is their marker, which no public reader accepts: copy documents only.
        var lines = File.ReadAllLines(Path.Combine(split, from))
            .Where(l => l.Contains("\"text\"") && (which?.Invoke(l) ?? true))
            .Take(3);
        File.AppendAllLines(Path.Combine(split, "train.jsonl"), lines);
    }

    [Fact]
    public void Training_on_the_sealed_holdout_is_refused_before_anything_trains()
    {
        using var lab = new LabFolder();
        string split = TextLab(lab);
        CopyInto(split, Path.Combine("sealed", "holdout.jsonl"));
        var r = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("training data refused", r.Stderr);
        Assert.Contains(lab.Incidents(), i => i.Kind == "contamination" && i.Detail.Contains("sealed holdout"));
        Assert.Empty(lab.RecordedTrials());
    }

    [Fact]
    public void Public_validation_copied_into_training_is_refused()
    {
        using var lab = new LabFolder();
        string split = TextLab(lab);
        CopyInto(split, "validation.jsonl");
        var r = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(lab.Incidents(), i => i.Kind == "contamination" && i.Detail.Contains("public validation"));
        Assert.Empty(lab.RecordedTrials());
    }

    [Fact]
    public void A_canary_leaked_into_training_is_caught()
    {
        using var lab = new LabFolder();
        string split = TextLab(lab, canaries: 2);
        CopyInto(split, Path.Combine("sealed", "canaries.jsonl"), line => line.Contains("successor canary"));
        var r = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(lab.Incidents(), i => i.Kind == "contamination");
    }

    [Fact]
    public void A_proposal_that_changes_the_evaluator_or_its_budget_is_refused_and_recorded()
    {
        using var lab = new LabFolder(LabFolder.Tiny.Replace("\"research\": { \"proposals\": 2 }",
            "\"research\": { \"proposals\": 2, \"search_space\": [ { \"key\": \"promotion.tolerance\", \"scale\": " +
                "\"linear\", \"low\": 0.5, \"high\": 1 }, { \"key\": \"budgets.trial_seconds\", \"scale\": " +
                "\"linear\", \"low\": 1000, \"high\": 9000 } ] }")
            .Replace("\"generations\": 2", "\"generations\": 1"));
        var r = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(4, r.ExitCode);
        Assert.Contains("waiting for a person", r.Stderr);
        var incidents = lab.Incidents().Where(i => i.Kind == "protected-surface").ToList();
        Assert.Equal(2, incidents.Count);
        Assert.All(incidents, i => Assert.Matches("touches (promotion.tolerance|budgets.trial_seconds)", i.Detail));
        Assert.DoesNotContain(lab.RecordedTrials(), t => t.Contains("-p1") || t.Contains("-p2"));
    }

    /// <summary>One seed-shopping lab for three plants, each on the lab paused at its incident: the loop tries to
    /// approve through the command line; a copy of the ledger has the incident rewritten to look harmless; then a
    /// named approver decides and the lab goes on.</summary>
    [Fact]
    public void A_seed_shopping_researcher_is_refused_and_the_loop_waits_for_a_person()
    {
        using var lab = new LabFolder(SeedShopping);
        var r = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(4, r.ExitCode);
        var incident = Assert.Single(lab.Incidents());
        Assert.Equal("protected-surface", incident.Kind);
        Assert.Contains("touches seed", incident.Detail);
        string request = "request:tiny/incident-g1-protected-surface-p1";

        // The loop identity cannot approve its own promotion through the command line.
        // The loop holds no token: whatever it presents is refused, and people cannot be named after it.
        Assert.Equal(5, SuccessorProcess.Run("approve", request, "--reason", "fine", "--token", "agent:loop",
            "--ledger", lab.Ledger).ExitCode);
        Assert.Equal(5,
            SuccessorProcess.Run("person", "add", "loop", "--role", "admin", "--ledger", lab.Ledger).ExitCode);
        using (var ledger = LedgerStore.Open(lab.Ledger))
            Assert.Null(new Successor.Safety.Gates.Gatekeeper(ledger).DecisionOn(request));

        // A tampered ledger record is found by verify: deleting the evidence a checker relies on, the incident's
        // record is rewritten to look harmless, in a copy beside the ledger (the same notary key). A lab paused at a
        // gate leaves its newest records unsigned, so verify is told to accept that: untouched the copy passes, and
        // only the rewritten record can fail it.
        string copy = Path.Combine(lab.Root, "tampered.db");
        File.Copy(lab.Ledger, copy);
        string[] verifyCopy = ["verify", "--ledger", copy, "--artifacts", Path.Combine(lab.Root, "artifacts"),
            "--accept-unsigned", "--accept-unwitnessed"];
        var untouched = SuccessorProcess.Run(verifyCopy);
        Assert.True(untouched.ExitCode == 0, untouched.Stdout + untouched.Stderr);
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=false"))
        {
            db.Open();
            using var update = db.CreateCommand();
            update.CommandText = "DROP TRIGGER records_no_update; UPDATE records SET entry = replace(entry, " +
                "'critical', 'warning') WHERE entry LIKE '%\"incident\"%'";
            Assert.True(update.ExecuteNonQuery() > 0);
        }
        var tampered = SuccessorProcess.Run(verifyCopy);
        Assert.NotEqual(0, tampered.ExitCode);
        Assert.Equal("tampered", tampered.Value("status"));

        // The loop stays paused until a named approver decides; then it goes on from where it stopped.
        string token =
            File.ReadAllText(SuccessorProcess.Run("person", "bootstrap", "ada", "--ledger", lab.Ledger,
                "--key-out", Path.Combine(lab.Root, "ada.key")).Value("key_file")).Trim();
        Assert.Equal(4, SuccessorProcess.Run(lab.Args("run")).ExitCode);
        var approved = SuccessorProcess.Run("approve", request, "--reason", "the researcher was fixed", "--token",
            token, "--ledger", lab.Ledger);
        Assert.True(approved.ExitCode == 0, approved.Stderr);
        var resumed = lab.Succeed("run");
        Assert.Contains("trial:tiny/g1-successor", lab.RecordedTrials());
    }

    [Fact]
    public void Unfiltered_self_generated_data_trips_the_kept_label_gate()
    {
        using var lab = new LabFolder(LabFolder.Tiny.Replace("\"problems_per_difficulty\": 40",
            "\"problems_per_difficulty\": 40, \"filter\": \"none\"")
            .Replace("\"generations\": 2", "\"generations\": 1"));
        var r = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(4, r.ExitCode);
        Assert.Contains(lab.Incidents(), i => i.Kind == "kept-label-accuracy");
        // The drift monitor sees the same avalanche without the ground truth's verdict: the reference model
        // finds the unfiltered answers far from the true ones.
        Assert.Contains(lab.Incidents(), i => i.Kind == "drift");
    }

    [Fact]
    public void A_fabricated_trial_result_fails_closed_and_the_loop_waits_for_a_person()
    {
        using var lab = new LabFolder(LabFolder.Tiny.Replace("\"generations\": 2", "\"generations\": 1"));
        // A perfect score on all 60 public items, written where the runner looks for a finished trial's
        // result — with no model file behind it.
        string folder = Path.Combine(lab.Root, "runs", "tiny", "g1", "g1-r0-p1");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "result.json"),
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = "g1-r0-p1", ["status"] = "ok", ["steps"] = 20, ["tokens"] = 20480, ["seconds"] = 1.0, ["score"] =
                1.0,
            ["scores"] = Enumerable.Repeat(1.0, 60).ToArray(), ["recipe_sha256"] = "", ["model_sha256"] =
                new string('0', 64),
        }));
        var r = SuccessorProcess.Run(lab.Args("run"));
        Assert.True(r.ExitCode == 4, r.Stdout + r.Stderr);
        var incident = Assert.Single(lab.Incidents(), i => i.Kind == "unverifiable-result");
        Assert.Contains("g1-r0-p1 is failed closed: result.json names recipe (none)", incident.Detail);
        Assert.Equal(Severity.Critical, incident.Severity);
        Assert.Contains("request:tiny/incident-g1-unverifiable-g1-r0-p1", r.Stderr);
        Assert.Contains("g1-r0-p1: unverifiable: result.json names recipe (none)", r.Stdout);
    }

    [Fact]
    public void A_trial_past_its_time_budget_is_killed_and_recorded_as_an_overrun()
    {
        using var lab =
            new LabFolder("""{ "name": "hung", "budgets": { "initial_steps": 1000000, "trial_seconds": 3 } }""");
        var clock = Stopwatch.StartNew();
        var r = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("killed after 3 s", r.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.Equal(["trial:hung/g0-initial"], lab.RecordedTrials());
        Assert.Contains(lab.Incidents(), i => i.Kind == "budget-overrun");
    }

    [Fact]
    public void The_evaluator_changed_during_a_trial_voids_it()
    {
        using var lab = new LabFolder();
        // long enough that the change lands while the first champion trains (its worker alone takes a second to
        // start); the incident does not depend on how long it trains after that
        string split = TextLab(lab, initialSteps: 600);
        string output;
        using (var run = SuccessorProcess.Start(lab.Args("run")))
        {
            string? line;
            while ((line = run.StandardOutput.ReadLine()) is not null && !line.Contains("g0 trials: running")) { }
            File.AppendAllText(Path.Combine(split, "validation.jsonl"),
                "{\"text\": \"an easier validation document\"}\n");
            output = line + run.StandardOutput.ReadToEnd() + run.StandardError.ReadToEnd();
            run.WaitForExit();
        }
        Assert.True(lab.Incidents().Any(i => i.Kind == "evaluator-changed"), output);
    }
}
