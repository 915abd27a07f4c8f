// The lab end to end through the real executable: a small lab runs every stage, records it, verifies;
// a second run re-runs nothing; kill -9 in the middle loses and repeats no trial; bad configs and hung
// trials get one clear line.
using System.Diagnostics;
using System.Text.Json.Nodes;
using Successor.Ledger.Storage;

namespace Successor.Cli.Tests;

public sealed class LabFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("successor-lab-").FullName;
    public string Config => Path.Combine(Root, "lab.json");
    public string Ledger => Path.Combine(Root, "ledger.db");

    public const string Tiny = """
        {
          // a lab small enough for a test: two generations of a few dozen steps
          "name": "tiny",
          "generations": 2,
          "curriculum": { "train_difficulties": "1-2", "eval_difficulties": "1-3", "eval_items_per_slice": 20 },
          "budgets": { "trial_steps": 20, "initial_steps": 120, "successor_steps": 40 },
          "research": { "proposals": 2 },
          "self_generation": { "problems_per_difficulty": 40 },
          "promotion": { "difficulties": "1-3", "items_per_slice": 20 },
        }
        """;

    /// <summary>The judge's secret every test lab starts with. The judge draws the sealed curriculum from its secret,
    /// which is random for a real lab; a fixed one gives each test the same holdout, and so the same verdicts, on
    /// every run (the way a fixed seed does).</summary>
    public const string JudgeSecret = "5ea1ed0000000000000000000000000000000000000000000000000000000001";

    public LabFolder(string config = Tiny)
    {
        File.WriteAllText(Config, config);
        Directory.CreateDirectory(Path.Combine(Root, "judge"));
        File.WriteAllText(Path.Combine(Root, "judge", "secret"), JudgeSecret);
    }

    /// <summary>The tiny lab with one generation and `research` (plus any sections after it) in place of its research
    /// section.</summary>
    public static string OneGeneration(string research) =>
        Tiny.Replace("\"research\": { \"proposals\": 2 }", research)
            .Replace("\"generations\": 2", "\"generations\": 1");

    /// <summary>A split folder of a small made-up text corpus (400 paragraphs), for labs that train on text.</summary>
    public string TextSplit()
    {
        var rng = new Random(5);
        string[] words = ["the", "lab", "trains", "a", "model", "on", "text", "and", "checks", "it", "again", "today"];
        var corpus = string.Join("\n\n", Enumerable.Range(0, 400).Select(_ =>
            string.Join(' ', Enumerable.Range(0, 12 + rng.Next(8)).Select(_ => words[rng.Next(words.Length)])) + "."));
        File.WriteAllText(Path.Combine(Root, "corpus.txt"), corpus);
        string split = Path.Combine(Root, "split");
        Assert.Equal(0, SuccessorProcess.Run("data", "split", Path.Combine(Root, "corpus.txt"), "--out", split,
            "--ratios", "0.8,0.1,0.1").ExitCode);
        return split;
    }

    /// <summary>Writes a one-generation text lab on TextSplit with a one-layer model at batch 8: `research` is its
    /// research section's fields, `recipe` any recipe fields besides model, batch and eval_interval, `budgets` any
    /// budget fields besides the steps.</summary>
    public void WriteTextLab(string research, string recipe = "", string budgets = "")
    {
        string split = System.Text.Json.JsonSerializer.Serialize(TextSplit());
        string moreBudgets = budgets.Length > 0 ? ", " + budgets : "";
        string recipeSeparator = recipe.Length > 0 ? ", " : "";
        File.WriteAllText(Config, $$"""
            { "name": "tiny", "generations": 1, "split": {{split}}, "self_generation": { "enabled": false },
              "budgets": { "trial_steps": 20, "initial_steps": 60, "successor_steps": 40{{moreBudgets}} },
              "research": { {{research}} },
              "recipe": { "model": { "layers": 1, "heads": 2, "embedding": 32, "block_size": 32 },
            """ + $$"""
             "batch_size": 8, {{recipe}}{{recipeSeparator}}"eval_interval": 0 } }
            """);
    }

    /// <summary>The spec.json a trial's worker was given.</summary>
    public string Spec(int generation, string trial) => File.ReadAllText(SpecPath(generation, trial));

    public string SpecPath(int generation, string trial) =>
        Path.Combine(Root, "runs", "tiny", $"g{generation}", trial, "spec.json");

    /// <summary>An attribute of the trial the ledger recorded.</summary>
    public long TrialAttribute(string trial, string name) => (long)TrialAttributes(trial)[name]!;

    public string TrialText(string trial, string name) => (string)TrialAttributes(trial)[name]!;

    JsonObject TrialAttributes(string trial) =>
        Attributes(Successor.Ledger.Statements.ProvKind.Activity, $"trial:tiny/{trial}");

    /// <summary>The attributes of the one statement of `kind` about `subject` (e.g. selection:tiny/g1).</summary>
    public JsonObject Attributes(Successor.Ledger.Statements.ProvKind kind, string subject)
    {
        using var ledger = LedgerStore.Open(Ledger);
        return ledger.Read().Select(r => r.Parse().Statement)
            .Single(s => s.Kind == kind && s.Subject == subject).Attributes!;
    }

    public string[] Args(params string[] verb) =>
        [.. verb, "--config", Config, "--ledger", Ledger, "--artifacts", Path.Combine(Root, "artifacts"),
            .. verb[0] == "run" ? new[] { "--work", Path.Combine(Root, "runs") } : []];

    /// <summary>Trial ids in the order the ledger recorded them (duplicates included).</summary>
    public List<string> RecordedTrials()
    {
        using var ledger = LedgerStore.Open(Ledger);
        return [.. ledger.Read().Select(r => r.Parse().Statement).Where(s =>
            s.Kind == Successor.Ledger.Statements.ProvKind.Activity && s.Type == "trial").Select(s => s.Subject)];
    }

    /// <summary>Runs `successor VERB` on this lab and asserts that it succeeded.</summary>
    public ProcessResult Succeed(params string[] verb)
    {
        var r = SuccessorProcess.Run(Args(verb));
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        return r;
    }

    /// <summary>The lab finished (its last successor is recorded) and no trial was recorded twice.</summary>
    public void AssertEveryTrialRecordedOnce()
    {
        var trials = RecordedTrials();
        Assert.Equal(trials.Count, trials.Distinct().Count());
        Assert.Contains("trial:tiny/g2-successor", trials);
    }

    /// <summary>Every incident this lab's ledger holds.</summary>
    public IReadOnlyList<Successor.Safety.Incidents.Incident> Incidents()
    {
        using var ledger = LedgerStore.Open(Ledger);
        return new Successor.Safety.Incidents.IncidentLog(ledger).All();
    }

    /// <summary>The folder of trial `trial` in generation `g` of the tiny lab.</summary>
    public string TrialFolder(int g, string trial) => Path.Combine(Root, "runs", "tiny", $"g{g}", trial);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public sealed class LabCliTests
{
    static string Field(string json, string name) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty(name).GetRawText();

    [Fact]
    public void A_lab_runs_every_stage_records_it_and_a_second_run_repeats_nothing()
    {
        using var lab = new LabFolder(LiveViewTests.Capped);
        var first = lab.Succeed("run");
        LiveViewTests.AssertRedirectedProgressAndNext(lab, first);
        foreach (var stage in new[] { "weakness", "proposal", "rung", "selection", "curation", "safety", "successor",
            "verify" })
            Assert.Contains($" g1 {stage}: ", first.Stdout);
        Assert.Matches(@"g2 (promoted|rejected): ", first.Stdout);
        // the end-of-run table's 99% horizon column and the line that says in words what the lab did
        Assert.Contains("99% horizon (sealed)", first.Stdout);
        Assert.Matches(@"\n99% horizon \d+ → \d+ digits, trained on 1–2; \d+ lengths? learned from self-generated " +
            @"data; 0 wrong labels kept \(of [\d,]+ kept\)\n", first.Stdout);
        var trials = lab.RecordedTrials();
        Assert.Equal(trials.Count, trials.Distinct().Count());
        Assert.Contains("trial:tiny/g0-initial", trials);
        Assert.Contains("trial:tiny/g2-successor", trials);

        var again = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("running", again.Stdout);
        Assert.Equal(trials, lab.RecordedTrials());

        // A worker killed after its last checkpoint but before result.json finishes without training again.
        string folder = Path.Combine(lab.Root, "runs", "tiny", "g2", "g2-successor");
        string result = File.ReadAllText(Path.Combine(folder, "result.json"));
        File.Delete(Path.Combine(folder, "result.json"));
        var worker = SuccessorProcess.Run("trial", folder);
        Assert.True(worker.ExitCode == 0, worker.Stderr);
        string again2 = File.ReadAllText(Path.Combine(folder, "result.json"));
        Assert.Contains("\"train_loss\": null", again2);
        Assert.Equal(Field(result, "scores"), Field(again2, "scores"));
        Assert.Equal(Field(result, "model_sha256"), Field(again2, "model_sha256"));

        var status = SuccessorProcess.Run(lab.Args("status"));
        Assert.Equal(0, status.ExitCode);
        Assert.Equal("2", status.Value("generations_done"));
        Assert.Equal(trials.Count.ToString(), status.Value("trials"));

        // Every generation's safety audit names every required check; status reports the coverage the library computes.
        Assert.Contains(" g2 audit: ", first.Stdout);
        using (var ledger = LedgerStore.Open(lab.Ledger))
        {
            foreach (var g in new[] { 1, 2 })
            {
                var audit = ledger.FindById(Successor.Safety.Audit.SafetyAudit.Id("tiny", g))
                    .Select(x => x.Parse().Statement)
                    .Single();
                Assert.Equal(Successor.Safety.Audit.SafetyAudit.Required.Order(),
                    Successor.Safety.Audit.SafetyAudit.Checks(audit.Attributes!).Select(c => c.Name).Order());
            }
            var coverage = Successor.Safety.Audit.AuditCoverage.Of(ledger, "tiny");
            Assert.Equal(coverage.Promotions.ToString(), status.Value("promotions"));
            // safety.holdout_feedback is none by default: the researcher was given no holdout number.
            var proposals = ledger.FindById("proposals:tiny/g2").Select(x => x.Parse().Statement)
                .Single(x => x.Subject == "proposals:tiny/g2" && x.Attributes is not null).Attributes!;
            Assert.Empty(proposals["holdout_feedback"]!.AsArray());
            Assert.Equal(coverage.Audited.ToString(), status.Value("audited_promotions"));
        }
        var verify =
            SuccessorProcess.Run("verify", "--ledger", lab.Ledger, "--artifacts", Path.Combine(lab.Root, "artifacts"),
                "--accept-unwitnessed");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
    }

    [Fact]
    public void A_clean_lab_audits_every_promotion_and_replays_known_cases_through_its_promotion_rule()
    {
        // bench/clean-runs.sh's lab with seed 4 and successors of 300 steps: long enough that both generations
        // promote by a wide margin (seeds 4, 5, 6: CI lower bounds 0.03–0.57); at the bench's 100 steps a
        // promotion is a coin toss that changes with the kernels' rounding.
        using var lab = new LabFolder("""
            { "name": "clean", "seed": 4, "generations": 2,
              "curriculum": { "train_difficulties": "1-2", "eval_difficulties": "1-3", "eval_items_per_slice": 20 },
              "budgets": { "trial_steps": 20, "initial_steps": 300, "successor_steps": 300 },
              "research": { "proposals": 2 }, "self_generation": { "problems_per_difficulty": 40 },
              "promotion": { "difficulties": "1-3", "items_per_slice": 30 } }
            """);
        var run = lab.Succeed("run");
        Assert.DoesNotContain(" incident: ", run.Stdout);
        using var ledger = LedgerStore.Open(lab.Ledger);
        var coverage = Successor.Safety.Audit.AuditCoverage.Of(ledger, "clean");
        Assert.True(coverage.Promotions > 0, run.Stdout);
        Assert.True(coverage.Audited == coverage.Promotions, string.Join("\n", coverage.Gaps));
        Assert.Contains($"safety audit: {coverage.Audited} of {coverage.Promotions} promoted generation(s)",
            run.Stdout);
        foreach (var g in new[] { 1, 2 })
        {
            var replay = ledger.FindById($"replay:clean/g{g}").Select(x => x.Parse().Statement.Attributes!).Single();
            Assert.True((int)replay["known_bad"]! >= 50, replay.ToJsonString());
            Assert.Equal(0, (int)replay["false_accepts"]!);
            // No false accept bounds the rate above zero: the reliability is below 1, yet above its floor.
            double bound = (double)replay["false_accept_bound"]!;
            Assert.True(bound is > 0 and < 0.07, replay.ToJsonString());
            var generation =
                ledger.FindById($"generation:clean/g{g}").Select(x => x.Parse().Statement.Attributes!).Single();
            Assert.True((double)generation["cumulative_reliability"]! < 1, generation.ToJsonString());
            var audit = Successor.Safety.Audit.SafetyAudit.Checks(ledger.FindById($"audit:clean/g{g}")
                .Select(x => x.Parse().Statement.Attributes!)
                .Single());
            Assert.All(audit, c => Assert.DoesNotContain("not measured", c.Detail));
            var canaries = audit.Single(c => c.Name == "canaries");
            Assert.Equal(("0 of 4 holdout canaries completed", "passed"), (canaries.Detail, canaries.State));
            // Public validation and the sealed holdout both hold d=1–3: the gains are compared there.
            var divergence = audit.Single(c => c.Name == "divergence");
            Assert.Equal("passed", divergence.State);
            Assert.EndsWith(" on radd d=1–3", divergence.Detail);
            Assert.Equal("radd d=1–3", (string)generation["divergence_scope"]!);
            Assert.All(audit.Where(c => c.Detail.StartsWith("nothing kept", StringComparison.Ordinal)),
                c => Assert.Equal("not applicable", c.State));
        }
    }

    [Fact]
    public void Divergence_is_not_applicable_when_public_validation_and_the_holdout_share_no_slice()
    {
        // Public validation holds d=1–3, the sealed holdout d=4–5 and what the moving holdout adds above: no gain
        // can be set beside the other, which the audit must say rather than pass or fail.
        using var lab = new LabFolder(LabFolder.Tiny.Replace("\"generations\": 2", "\"generations\": 1")
            .Replace("\"difficulties\": \"1-3\"", "\"difficulties\": \"4-5\""));
        lab.Succeed("run");
        using var ledger = LedgerStore.Open(lab.Ledger);
        var generation = ledger.FindById("generation:tiny/g1").Select(x => x.Parse().Statement.Attributes!).Single();
        Assert.Equal("no shared slice", (string)generation["divergence_scope"]!);
        Assert.False(generation.ContainsKey("divergence_alarm"), generation.ToJsonString());
        var audit = Successor.Safety.Audit.SafetyAudit.Checks(ledger.FindById("audit:tiny/g1")
            .Select(x => x.Parse().Statement.Attributes!).Single());
        foreach (var name in new[] { "divergence", "divergence-across-generations" })
        {
            var check = audit.Single(c => c.Name == name);
            Assert.Equal(("not applicable", "public validation and the sealed holdout share no slice"),
                (check.State, check.Detail));
        }
    }

    /// <summary>One lab interrupted twice (each once cost a lab of its own): SIGTERM while g1's trials run stops
    /// the workers and exits 130; resumed, it is killed with kill -9 once trials are under way again; the third run
    /// loses and repeats no trial.</summary>
    [Fact]
    public void Kill_9_in_the_middle_then_run_again_loses_and_repeats_no_trial()
    {
        using var lab = new LabFolder();
        using (var lab1 = SuccessorProcess.Start(lab.Args("run")))
        {
            string? line;
            while ((line = lab1.StandardOutput.ReadLine()) is not null && !line.Contains("g1 trials: running")) { }
            Process.Start("kill", ["-TERM", lab1.Id.ToString()])!.WaitForExit();
            string stderr = lab1.StandardError.ReadToEnd();
            lab1.WaitForExit();
            Assert.Equal(130, lab1.ExitCode);
            Assert.StartsWith("interrupted: the workers were stopped", stderr);
        }
        int afterTerm = lab.RecordedTrials().Count;
        using (var victim = SuccessorProcess.Start(lab.Args("run")))
        {
            // Kill the lab (not its workers: they must notice and stop by themselves) once trials are under way.
            string? line;
            while ((line = victim.StandardOutput.ReadLine()) is not null && !line.Contains("g1 trial: ")) { }
            Assert.NotNull(line);
            victim.Kill(entireProcessTree: false);
            victim.WaitForExit();
        }
        int before = lab.RecordedTrials().Count;
        Assert.True(before > afterTerm, $"no trial was recorded between the resume and the kill ({before})");
        Assert.True(before >= 2, $"only {before} trials were recorded before the kill");
        var resumed = lab.Succeed("run");
        lab.AssertEveryTrialRecordedOnce();
        var verify =
            SuccessorProcess.Run("verify", "--ledger", lab.Ledger, "--artifacts", Path.Combine(lab.Root, "artifacts"),
                "--accept-unwitnessed");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
    }

    [Fact]
    public void A_trial_whose_worker_fails_is_recorded_and_the_lab_goes_on()
    {
        // A proposal that changes the model's shape cannot warm-start from the champion: its worker exits
        // with an error. The trial is recorded as failed and the generation still completes.
        using var lab = new LabFolder(LabFolder.OneGeneration(
            "\"research\": { \"proposals\": 1, \"search_space\": [ { \"key\": \"layers\", \"scale\": \"choice\", " +
                "\"choices\": [3] } ] }"));
        var r = lab.Succeed("run");
        Assert.Contains("g1-r0-p1: failed: worker exited with code 2", r.Stdout);
        Assert.Contains("different model shape", r.Stdout);
        Assert.Matches(@"g1 (promoted|rejected): ", r.Stdout);
    }

    [Fact]
    public void A_text_lab_trains_on_a_split_and_is_verified_on_its_sealed_documents()
    {
        using var lab = new LabFolder();
        string split = lab.TextSplit();
        File.WriteAllText(lab.Config, $$"""
            { "name": "text", "generations": 1, "split": {{System.Text.Json.JsonSerializer.Serialize(split)}},
              "budgets": { "trial_steps": 15, "initial_steps": 60, "successor_steps": 40 },
            """ + """
             "research": { "proposals": 1 },
              "self_generation": { "enabled": false },
              "recipe": { "model": { "layers": 1, "heads": 2, "embedding": 32, "block_size": 32 }, "batch_size": 8,
            """ + """
             "warmup_steps": 5, "eval_interval": 0 } }
            """);
        var r = lab.Succeed("run");
        Assert.Contains("holdout bits/byte", r.Stdout);
        Assert.Contains("bits per byte saved", r.Stdout);
        Assert.Contains("trial:text/g1-successor", lab.RecordedTrials());

        File.WriteAllText(lab.Config,
            $$"""{ "name": "text2", "split": {{System.Text.Json.JsonSerializer.Serialize(split)}} }""");
        var refused = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("self_generation.enabled", refused.Stderr);
    }

    [Fact]
    public void The_lab_token_budget_is_a_hard_cap()
    {
        // The first champion trains on 120 steps × 32 rows × 48 tokens = 184,320 tokens; the first rung (a control
        // and 2 proposals of 20 steps) would need 92,160 more. One generation: the cap, the gate and the refusal are
        // all in generation 1, and a second one only trained more.
        string oneGeneration = LabFolder.OneGeneration("\"research\": { \"proposals\": 2 }");
        using var lab = new LabFolder(
            oneGeneration.Replace("\"trial_steps\": 20,", "\"trial_steps\": 20, \"lab_tokens\": 200000,"));
        var r = lab.Succeed("run");
        Assert.Contains("g1 budget: stopping in generation 1: the next trials need 92,160 tokens; " +
            "the lab has used 184,320 of its 200,000", r.Stdout);
        Assert.Equal(["trial:tiny/g0-initial"], lab.RecordedTrials());
        var again = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(["trial:tiny/g0-initial"], lab.RecordedTrials());

        // Raising the cap is the one change a resumed lab accepts; it is recorded, waits for a named
        // approver (gates.budget_increase), and then the lab goes on.
        File.WriteAllText(lab.Config, oneGeneration);
        var waiting = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(4, waiting.ExitCode);
        Assert.Contains("g0 budget: budgets changed since the last run", waiting.Stdout);
        Assert.StartsWith(
            "error: waiting for a person: budget increase: lab_tokens: 200000 → 0 (no cap); decide with",
            waiting.Stderr);
        string token =
            File.ReadAllText(SuccessorProcess.Run("person", "bootstrap", "ada", "--ledger", lab.Ledger,
                "--key-out", Path.Combine(lab.Root, "ada.key")).Value("key_file")).Trim();
        Assert.Equal(0, SuccessorProcess.Run("approve", "request:tiny/budget-change-1", "--reason", "more room",
            "--token", token, "--ledger", lab.Ledger).ExitCode);
        var raised = lab.Succeed("run");
        Assert.Contains("trial:tiny/g1-successor", lab.RecordedTrials());
        File.WriteAllText(lab.Config, oneGeneration.Replace("\"proposals\": 2", "\"proposals\": 3"));
        var changed = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(2, changed.ExitCode);
        Assert.Contains("changed since the lab started", changed.Stderr);
    }

    [Fact]
    public void A_raise_waiting_for_a_person_cannot_pass_behind_a_later_edit_that_raises_nothing()
    {
        string capped = LabFolder.OneGeneration("\"research\": { \"proposals\": 2 }")
            .Replace("\"trial_steps\": 20,", "\"trial_steps\": 20, \"lab_tokens\": 200000,");
        using var lab = new LabFolder(capped);
        lab.Succeed("run");
        File.WriteAllText(lab.Config, capped.Replace("\"lab_tokens\": 200000", "\"lab_tokens\": 0"));
        Assert.Equal(4, SuccessorProcess.Run(lab.Args("run")).ExitCode);
        // the attack: leave the raise unapproved and lower another cap, so the newest change alone raises nothing
        File.WriteAllText(lab.Config, capped.Replace("\"lab_tokens\": 200000", "\"lab_tokens\": 0")
            .Replace("\"trial_steps\": 20,", "\"trial_steps\": 19,"));
        var again = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(4, again.ExitCode);
        Assert.StartsWith("error: waiting for a person: budget increase: trial_steps: 20 → 19; " +
            "lab_tokens: 200000 → 0 (no cap); decide with `successor approve request:tiny/budget-change-2",
            again.Stderr);
        Assert.Equal(["trial:tiny/g0-initial"], lab.RecordedTrials());
    }

    [Fact]
    public void The_generation_wall_clock_budget_stops_the_lab_before_its_next_trials()
    {
        using var lab = new LabFolder(
            LabFolder.Tiny.Replace("\"trial_steps\": 20,", "\"trial_steps\": 20, \"generation_seconds\": 0.001,"));
        var r = lab.Succeed("run");
        Assert.Matches(@"g1 budget: stopping in generation 1: generation 1 has run \d+ s of its 0 s", r.Stdout);
        Assert.Equal(["trial:tiny/g0-initial"], lab.RecordedTrials());
    }

    [Fact]
    public void Proposals_can_distil_successors_from_their_parent()
    {
        using var lab = new LabFolder(LabFolder.OneGeneration(
            "\"research\": { \"proposals\": 1, \"rungs\": 1, \"search_space\": [ { \"key\": \"distillation_weight\", " +
                "\"scale\": \"choice\", \"choices\": [0.5] } ] }"));
        var r = lab.Succeed("run");
        Assert.Contains("p1: distillation_weight=0.5", r.Stdout);
        Assert.Matches(@"g1-r0-p1: public accuracy [0-9.]+, 20 steps", r.Stdout);
        var spec = lab.Spec(1, "g1-r0-p1");
        Assert.Contains("\"distillation_weight\": 0.5", spec);
        Assert.Contains("\"teacher\": \"", spec);

        File.WriteAllText(lab.Config, """{ "name": "d", "recipe": { "distillation_weight": 0.2 } }""");
        var refused = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("no parent to distil from", refused.Stderr);
    }

    /// <summary>A named choice reaches the trial's recipe, and with scale_trial_schedules a 20-step trial keeps the
    /// 40-step successor's 30-step warmup only up to half its length, 10 steps, while the successor keeps all
    /// 30.</summary>
    [Fact]
    public void Trials_run_a_named_schedule_and_the_successors_warmup_up_to_half_their_length()
    {
        using var lab = new LabFolder(LabFolder.OneGeneration(
            "\"research\": { \"proposals\": 1, \"rungs\": 1, \"scale_trial_schedules\": true, \"search_space\": " +
                "[ { \"key\": \"schedule\", \"scale\": \"choice\", \"choices\": [\"linear\"] } ] }, \"recipe\": " +
                "{ \"model\": { \"layers\": 1, \"heads\": 2, \"embedding\": 32, \"block_size\": 32 }, " +
                "\"batch_size\": 8, \"warmup_steps\": 30, \"eval_interval\": 0 }"));
        var r = lab.Succeed("run");
        Assert.Contains("p1: schedule=linear", r.Stdout);
        Assert.Contains("\"schedule\": \"linear\"", lab.Spec(1, "g1-r0-p1"));
        Assert.Contains("\"warmup_steps\": 10", lab.Spec(1, "g1-r0-p1"));
        Assert.Contains("\"warmup_steps\": 10", lab.Spec(1, "g1-r0-control"));
        Assert.Contains("\"warmup_steps\": 30", lab.Spec(1, "g1-successor"));
    }

    /// <summary>Budgets are steps of the lab's recipe: halving the batch doubles the steps of trials and successor,
    /// so the change is compared, and adopted, at equal tokens.</summary>
    [Fact]
    public void A_smaller_batch_trains_more_steps_on_the_same_tokens()
    {
        using var lab = new LabFolder();
        lab.WriteTextLab(
            """ "proposals": 1, "rungs": 1,""" +
            """ "search_space": [ { "key": "batch_size", "scale": "choice", "choices": [2] } ] """,
            "\"warmup_steps\": 5");
        lab.Succeed("run");
        int Tokens(string trial)
        {
            string recipe = Field(lab.Spec(1, trial), "recipe");
            return int.Parse(Field(recipe, "steps")) * int.Parse(Field(recipe, "batch_size"));
        }
        Assert.Equal("80", Field(Field(lab.Spec(1, "g1-r0-p1"), "recipe"), "steps"));
        Assert.Equal(20 * 8, Tokens("g1-r0-control"));
        Assert.Equal(20 * 8, Tokens("g1-r0-p1"));
        Assert.Equal("2", Field(Field(lab.Spec(1, "g1-successor"), "recipe"), "batch_size"));
        Assert.Equal(40 * 8, Tokens("g1-successor"));
    }

    /// <summary>A batch smaller than the worker pool shares the idle workers' threads: the rung's two trials on two
    /// workers train on a thread each, the lone successor on both. The kernels give the same bits for any thread
    /// count, so a lab with one worker, whose successor trains on one thread, records the same model.</summary>
    [Fact]
    public void A_lone_successor_trains_on_every_thread_of_the_pool_and_gets_the_same_bits()
    {
        string Successor(int workers, out LabFolder lab)
        {
            lab = new LabFolder();
            lab.WriteTextLab($$""" "proposals": 1, "rungs": 1, "workers": {{workers}} """, "\"warmup_steps\": 5");
            string stdout = lab.Succeed("run").Stdout;
            Assert.Contains(workers == 2 ? "running 1 trial(s) on 1 worker(s) of 2 threads: g1-successor"
                : "running 1 trial(s) on 1 worker(s): g1-successor", stdout);
            return lab.TrialText("g1-successor", "model_sha256");
        }
        string pooled = Successor(2, out var two), alone = Successor(1, out var one);
        using (two)
        using (one)
        {
            Assert.Equal("2", Field(two.Spec(1, "g1-successor"), "threads"));
            Assert.Equal("1", Field(two.Spec(1, "g1-r0-p1"), "threads"));
            Assert.Equal("1", Field(one.Spec(1, "g1-successor"), "threads"));
            Assert.EndsWith("2 thread(s)", two.TrialText("g1-successor", "shape"));
            Assert.EndsWith("1 thread(s)", one.TrialText("g1-successor", "shape"));
            Assert.Equal(alone, pooled);
        }
    }

    /// <summary>With continue_trials every trial runs wsd; the promoted trial continues the state its first rung kept
    /// before cooling down and is charged only its new steps; with reuse_last_rung that rung's pair is the
    /// selection's seed 0, so only seed 1 is trained again. With continue_successor (which changes none of that:
    /// the last rung only keeps its stable state too) the successor is the last rung's trial of the adopted recipe
    /// (the change, or the control when nothing is adopted) continued from the state it kept before its cooldown:
    /// successor_steps new steps, paid alone, then a cooldown of a fifth of the whole run; the next champion is
    /// verified as usual. One lab for both, which once ran a lab each.</summary>
    [Fact]
    public void A_promoted_trial_and_then_the_successor_continue_the_last_rungs_stable_state_paying_only_new_steps()
    {
        using var lab = new LabFolder();
        lab.WriteTextLab(
            """ "proposals": 1, "rungs": 2, "continue_trials": true,""" +
            """ "continue_successor": true, "reuse_last_rung": true,""" +
            """ "search_space": [ { "key": "learning_rate", "scale": "choice", "choices": [0.004] } ] """,
            "\"warmup_steps\": 30");
        var run = lab.Succeed("run");
        string r0 = Field(lab.Spec(1, "g1-r0-p1"), "recipe"), r1 = Field(lab.Spec(1, "g1-r1-p1"), "recipe");
        Assert.Equal(("\"wsd\"", "24", "4", "10"),
            (Field(r0, "schedule"), Field(r0, "steps"), Field(r0, "cooldown_steps"), Field(r0, "warmup_steps")));
        Assert.Equal(("\"wsd\"", "48", "8", "10"),
            (Field(r1, "schedule"), Field(r1, "steps"), Field(r1, "cooldown_steps"), Field(r1, "warmup_steps")));
        Assert.EndsWith("g1-r0-p1/stable\"", Field(lab.Spec(1, "g1-r1-p1"), "continue_from"));
        Assert.Equal("20", Field(lab.Spec(1, "g1-r1-p1"), "continue_step"));
        Assert.Equal((48 - 20) * 8 * 32, lab.TrialAttribute("g1-r1-p1", "tokens"));
        Assert.Equal("g1-r0-p1", lab.TrialText("g1-r1-p1", "continued_from"));
        Assert.Contains("(seed 0: the last rung's pair)", run.Stdout);
        Assert.False(Directory.Exists(Path.GetDirectoryName(lab.SpecPath(1, "g1-select-change-s0"))));
        Assert.Equal(48 * 8 * 32, lab.TrialAttribute("g1-select-change-s1", "tokens"));

        // the successor continues the last rung's trial of the adopted recipe
        var adopted =
            lab.Attributes(Successor.Ledger.Statements.ProvKind.Entity, "selection:tiny/g1")["adopted"]!.AsArray();
        string arm = adopted.Count > 0 ? "p1" : "control", spec = lab.Spec(1, "g1-successor"),
            recipe = Field(spec, "recipe");
        Assert.EndsWith($"g1-r1-{arm}/stable\"", Field(spec, "continue_from"));
        Assert.Equal("40", Field(spec, "continue_step"));
        Assert.Equal(("\"wsd\"", "80", "16", "10"), (Field(recipe, "schedule"), Field(recipe, "steps"),
            Field(recipe, "cooldown_steps"), Field(recipe, "warmup_steps")));
        Assert.Equal(Field(Field(lab.Spec(1, $"g1-r1-{arm}"), "recipe"), "seed"), Field(recipe, "seed"));
        Assert.Equal(40 * 8 * 32, lab.TrialAttribute("g1-successor", "tokens"));
        Assert.Equal($"g1-r1-{arm}", lab.TrialText("g1-successor", "continued_from"));
        Assert.Contains($"continuing g1-r1-{arm} from its state at step 40", run.Stdout);
        var verify =
            SuccessorProcess.Run("verify", "--ledger", lab.Ledger, "--artifacts", Path.Combine(lab.Root, "artifacts"),
                "--accept-unwitnessed");
        Assert.True(verify.ExitCode == 0, verify.Stderr + verify.Stdout);
    }

    /// <summary>Trials never trained on a set the generation has just kept, so a successor whose data has one is
    /// warm-started from the champion, and its progress line says why; the run still ends verified. (The none
    /// filter keeps every answer, so there is a set to keep; its wrong labels are recorded, not gated, here.)</summary>
    [Fact]
    public void A_successor_with_newly_kept_data_is_warm_started_instead_of_continuing_a_trial()
    {
        using var lab = new LabFolder(LabFolder.OneGeneration("""
            "research": { "proposals": 1, "rungs": 2, "continue_trials": true, "continue_successor": true,
            """ + """
             "reuse_last_rung": true },
            "recipe": { "schedule": "wsd" }, "gates": { "incidents": false }
            """).Replace("\"problems_per_difficulty\": 40", "\"problems_per_difficulty\": 40, \"filter\": \"none\""));
        var run = lab.Succeed("run");
        Assert.Contains("warm-started from the champion (its data has new self-generated sets, " +
            "which the trials did not train on)", run.Stdout);
        Assert.Equal("null", Field(lab.Spec(1, "g1-successor"), "continue_from"));
        var verify =
            SuccessorProcess.Run("verify", "--ledger", lab.Ledger, "--artifacts", Path.Combine(lab.Root, "artifacts"),
                "--accept-unwitnessed");
        Assert.True(verify.ExitCode == 0, verify.Stderr + verify.Stdout);
    }

    /// <summary>With finalists 2 the last rung's two changes, which differ only in a weight decay too small to tell
    /// apart in 20 steps, race in the selection: seed 0 is the rung's own trials, seed 1 trains the control once
    /// and each change once, and the change adopted is the best mean effect whose CIs exclude zero.</summary>
    [Fact]
    public void Changes_the_last_rung_cannot_tell_apart_race_on_fresh_seeds_against_one_control()
    {
        using var lab = new LabFolder();
        lab.WriteTextLab(
            """ "proposals": 2, "rungs": 1, "finalists": 2, "reuse_last_rung": true, "search_space": [""" +
            """ { "key": "learning_rate", "scale": "choice", "choices": [0.004] },""" +
            """ { "key": "weight_decay", "scale": "choice", "choices": [0, 0.01] } ] """);
        var run = lab.Succeed("run");
        Assert.Contains("raced 2 finalists on the same seeds", run.Stdout);
        var select = lab.RecordedTrials().Where(t => t.StartsWith("trial:tiny/g1-select-")).Order().ToList();
        Assert.Equal(["trial:tiny/g1-select-change-s1", "trial:tiny/g1-select-change2-s1",
            "trial:tiny/g1-select-control-s1"], select);
        var selection = lab.Attributes(Successor.Ledger.Statements.ProvKind.Entity, "selection:tiny/g1");
        var finalists = selection["finalists"]!.AsArray().Select(f => f!.AsObject()).ToList();
        Assert.Equal(["p1", "p2"], finalists.Select(f => (string)f["proposal"]!).Order());
        Assert.Equal(["change", "change2"], finalists.Select(f => (string)f["arm"]!).Order());
        var passing = finalists.Where(f => (double)f["low"]! > 0 && (double)f["fresh_low"]! > 0).ToList();
        var adopted = selection["adopted"]!.AsArray().Select(o => (string)o!).ToList();
        Assert.NotEmpty(passing);
        var best = passing.MaxBy(f => (double)f["effect"]!)!;
        Assert.Equal(best["candidate"]!.AsArray().Select(o => (string)o!), adopted);
        Assert.Equal((double)best["effect"]!, (double)selection["effect"]!);
        Assert.Equal(["trial:tiny/g1-r0-control", "trial:tiny/g1-r0-p1", "trial:tiny/g1-r0-p2"],
            selection["reused_trials"]!.AsArray().Select(t => "trial:tiny/" + (string)t!).Order());
    }

    /// <summary>With last_successor_takes_rest the last generation's successor trains on what lab_tokens leaves after
    /// the first champion and the search, to within one step (256 tokens at batch 8 and block 32), instead of
    /// successor_steps.</summary>
    [Fact]
    public void The_last_successor_takes_what_the_lab_token_budget_has_left()
    {
        using var lab = new LabFolder();
        lab.WriteTextLab(
            """ "proposals": 1, "rungs": 1,""" +
            """ "search_space": [ { "key": "learning_rate", "scale": "choice", "choices": [0.004] } ] """,
            budgets: "\"lab_tokens\": 100000, \"last_successor_takes_rest\": true");
        lab.Succeed("run");
        long total = lab.RecordedTrials().Distinct().Sum(t => lab.TrialAttribute(t["trial:tiny/".Length..], "tokens"));
        Assert.InRange(100_000 - total, 0, 255);
        Assert.True(lab.TrialAttribute("g1-successor", "tokens") > 40 * 8 * 32, "the successor kept successor_steps");
    }

    /// <summary>Halted while its four workers train, the lab stops within seconds and leaves no worker; run again, it
    /// finishes. Its researcher gets holdout feedback through Thresholdout, which the halt must not disturb: the
    /// researcher sees the last candidate only through it. (Two labs once, one for each.)</summary>
    [Fact]
    public void Halt_stops_a_lab_with_four_workers_within_seconds_and_run_resumes_it()
    {
        using var lab = new LabFolder(LabFolder.Tiny.Replace("\"research\": { \"proposals\": 2 }",
            "\"research\": { \"proposals\": 3, \"workers\": 4 }").Replace("\"promotion\":",
            "\"safety\": { \"holdout_feedback\": \"thresholdout\", \"thresholdout_budget\": 1 }, \"promotion\":"));
        string token =
            File.ReadAllText(SuccessorProcess.Run("person", "bootstrap", "ada", "--ledger", lab.Ledger,
                "--key-out", Path.Combine(lab.Root, "ada.key")).Value("key_file")).Trim();
        using (var running = SuccessorProcess.Start(lab.Args("run")))
        {
            string? line;
            while ((line = running.StandardOutput.ReadLine()) is not null
                && !line.Contains("g1 trials: running 4 trial(s) on 4 worker(s)")) { }
            Assert.NotNull(line);
            Assert.Equal(5, SuccessorProcess.Run("halt", "--reason", "x", "--config", lab.Config, "--ledger",
                lab.Ledger, "--work", Path.Combine(lab.Root, "runs"), "--token", "sst_wrong").ExitCode);
            var halt = SuccessorProcess.Run("halt", "--reason", "drill", "--config", lab.Config, "--ledger", lab.Ledger,
                "--work", Path.Combine(lab.Root, "runs"), "--token", token);
            Assert.True(halt.ExitCode == 0, halt.Stderr);
            Assert.Matches(@"halt:tiny/1 recorded; lab tiny \(process \d+\) (stopped|was killed) in \d+\.\d s",
                halt.Stdout);
            Assert.True(running.WaitForExit(TimeSpan.FromSeconds(30)));
        }
        // No worker outlives the halt: no process has the lab's folder on its command line.
        Assert.DoesNotContain(Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)),
            d =>
            {
                try { return File.ReadAllText(Path.Combine(d, "cmdline")).Contains(lab.Root); }
                catch (IOException) { return false; }
                catch (UnauthorizedAccessException) { return false; }
            });
        lab.Succeed("run");
        lab.AssertEveryTrialRecordedOnce();
        AssertTheResearcherSawTheLastCandidateOnlyThroughThresholdout(lab);
    }

    /// <summary>With thresholdout the researcher sees the last candidate only through it.</summary>
    static void AssertTheResearcherSawTheLastCandidateOnlyThroughThresholdout(LabFolder lab)
    {
        using var ledger = LedgerStore.Open(lab.Ledger);
        JsonObject Attributes(string id) => ledger.FindById(id).Select(x => x.Parse().Statement)
            .Single(x => x.Subject == id && x.Attributes is not null).Attributes!;
        Assert.Empty(Attributes("proposals:tiny/g1")["holdout_feedback"]!.AsArray());
        var seen = Assert.Single(Attributes("proposals:tiny/g2")["holdout_feedback"]!.AsArray())!;
        Assert.Equal(1, (int)seen["generation"]!);
        // A number, and either the candidate's public score (public and sealed agreed) or a noisy holdout answer.
        double value = (double)seen["value"]!;
        Assert.True((bool)seen["from_holdout"]!
            || value == (double)Attributes("generation:tiny/g1")["candidate_public_score"]!, seen.ToJsonString());
        // The audit recomputes Thresholdout's answers from the ledger and finds exactly what the researcher was given.
        var check = Successor.Safety.Audit.SafetyAudit.Checks(Attributes("audit:tiny/g2"))
            .Single(c => c.Name == "holdout-feedback");
        Assert.True(check.Ok, check.Detail);
    }

    [Fact]
    public void A_malformed_config_gets_one_line_and_exit_2()
    {
        using var lab = new LabFolder("""{ "research": { "strategy": "grid" }, "budgets": { "trial_steps": 0 } }""");
        var r = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("lab.json", line);
        Assert.Contains("research.strategy", line);
        Assert.Contains("budgets.trial_steps", line);
        Assert.False(File.Exists(lab.Ledger));
    }

    [Fact]
    public void Init_writes_a_config_that_run_accepts_and_refuses_to_overwrite_it()
    {
        using var lab = new LabFolder();
        File.Delete(lab.Config);
        var init = SuccessorProcess.Run("init", "--config", lab.Config);
        Assert.Equal(0, init.ExitCode);
        Assert.Contains("// ", File.ReadAllText(lab.Config));
        var again = SuccessorProcess.Run("init", "--config", lab.Config);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--force", again.Stderr);
    }
}

public sealed class SchemaTests
{
    [Theory]
    [InlineData("recipe")]
    [InlineData("lab")]
    public void The_published_schema_is_the_one_the_code_generates(string which)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Successor.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        var r = SuccessorProcess.Run("schema", which);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(root!.FullName, "docs", $"{which}.schema.json")).Trim(),
            r.Stdout.Trim());
        Assert.Contains("\"additionalProperties\": false", r.Stdout);
    }
}
