// Records written the way the lab writes them today, attribute by attribute into a JsonObject (explicit
// nulls included) and stored through the ledger's canonical JSON, read back typed with the same values.
using System.Text.Json.Nodes;

namespace Successor.Records.Tests;

public sealed class TodaysLedgerTests
{
    static JsonArray Strings(params string[] xs) => new([.. xs.Select(x => (JsonNode)x)]);

    [Fact]
    public void A_trial_reads_back()
    {
        var t = TrialRecord.From(Samples.ThroughLedger(new JsonObject
        {
            ["generation"] = 2, ["status"] = "ok", ["error"] = null, ["steps"] = 40, ["tokens"] = 81920L,
            ["seconds"] = Math.Round(12.3456, 3), ["score"] = 0.625, ["scores"] = new JsonArray(1.0, 0.0, 0.5),
            ["train_loss"] = 1.75, ["loss_curve"] = new JsonArray(3.5, 1.75), ["loss_every"] = 10,
            ["train_seconds"] = 11.25, ["train_cpu_seconds"] = 10.5, ["recipe_sha256"] = "r1", ["model_sha256"] = "m1",
            ["stable_sha256"] = "s1", ["continued_from"] = null, ["evaluator_sha256"] = "e1", ["shape"] = "2 layers",
            ["lab"] = "lab",
        }));
        Assert.Equal(("lab", 2, "ok", true, (string?)null), (t.Lab, t.Generation, t.Status, t.Ok, t.Error));
        Assert.Equal((40, 81920L, 12.346, 0.625), (t.Steps, t.Tokens, t.Seconds, t.Score));
        Assert.Equal([1.0, 0.0, 0.5], t.Scores);
        Assert.Equal([3.5, 1.75], t.LossCurve);
        Assert.Equal((1.75, 10, 11.25, 10.5), (t.TrainLoss, t.LossEvery, t.TrainSeconds, t.TrainCpuSeconds));
        Assert.Equal(("r1", "m1", "s1", (string?)null, "e1", "2 layers"),
            (t.RecipeSha256, t.ModelSha256, t.StableSha256, t.ContinuedFrom, t.EvaluatorSha256, t.Shape));
    }

    [Fact]
    public void A_generation_reads_back()
    {
        // The champion's attributes, the verdict's, the sealed holdout's summary, then the loop's own.
        var a = new JsonObject
        {
            ["champion_generation"] = 2, ["champion_checkpoint"] = "sha256:aa", ["champion_recipe"] = "{\"steps\":20}",
            ["self_generated"] = Strings("sha256:bb"), ["frontier"] = 4,
            ["improvement"] = 0.125, ["improvement_low"] = 0.0625, ["improvement_high"] = 0.25,
            ["improvement_p_value"] = 0.001, ["holdout_items"] = 600, ["genuinely_better"] = true,
            ["verdict"] = "genuinely better", ["candidate_public_score"] = 0.5,
            ["holdout_metric"] = "accuracy", ["holdout_value"] = 0.75, ["horizon"] = 4.5, ["horizon_low"] = null,
            ["horizon_high"] = 5.5, ["horizon_status"] = "inside",
            ["horizons"] = new JsonArray(
                new JsonObject { ["family"] = "radd", ["horizon"] = 4.5, ["low"] = null, ["high"] = 5.5,
                    ["status"] = "inside" },
                new JsonObject { ["family"] = "rmul", ["horizon"] = null, ["low"] = null, ["high"] = null,
                    ["status"] = "above" }),
            ["public_improvement"] = 0.25, ["divergence_z"] = null, ["divergence_alarm"] = false,
            ["divergence_sum_generations"] = 2, ["divergence_sum_z"] = 0.75, ["divergence_sum_alarm"] = false,
            ["canaries_completed"] = 0, ["replay_false_accepts"] = 0, ["cumulative_reliability"] = 0.998,
            ["projected_reliability"] = 0.99, ["reliability_alarm"] = false, ["approved_by"] = "user:ada",
            ["generation"] = 2, ["promoted"] = true, ["reason"] = "promoted: genuinely better",
            ["kept_label_accuracy"] = 0.9, ["kept"] = 37, ["perplexity_drift"] = null, ["tail_coverage"] = 0.8,
            ["tokens"] = 1_000_000L, ["seconds"] = 321.5, ["lab"] = "lab",
        };
        var g = GenerationRecord.From(Samples.ThroughLedger(a));
        Assert.Equal(("lab", 2, 2, "sha256:aa", 4, true), (g.Lab, g.Generation, g.ChampionGeneration,
            g.ChampionCheckpoint, g.Frontier, g.Promoted));
        Assert.Equal("{\"steps\":20}", g.ChampionRecipe);
        Assert.Equal(["sha256:bb"], g.SelfGenerated);
        Assert.Equal((0.125, 0.0625, 0.25, 0.001, 600), (g.Improvement, g.ImprovementLow, g.ImprovementHigh,
            g.ImprovementPValue, g.HoldoutItems));
        Assert.Equal((true, "genuinely better", 0.5), (g.GenuinelyBetter, g.Verdict, g.CandidatePublicScore));
        Assert.Equal(("accuracy", 0.75, 4.5, (double?)null, 5.5, "inside"),
            (g.HoldoutMetric, g.HoldoutValue, g.Horizon, g.HorizonLow, g.HorizonHigh, g.HorizonStatus));
        Assert.Equal([new FamilyHorizon("radd", 4.5, null, 5.5, "inside"), new FamilyHorizon("rmul", null, null, null,
            "above")],
            g.Horizons);
        Assert.Equal((0.25, (double?)null, false, 2, 0.75, false), (g.PublicImprovement, g.DivergenceZ,
            g.DivergenceAlarm, g.DivergenceSumGenerations, g.DivergenceSumZ, g.DivergenceSumAlarm));
        Assert.Equal((0, 0, 0.998, 0.99, false), (g.CanariesCompleted, g.ReplayFalseAccepts, g.CumulativeReliability,
            g.ProjectedReliability, g.ReliabilityAlarm));
        Assert.Equal(("user:ada", "promoted: genuinely better"), (g.ApprovedBy, g.Reason));
        Assert.Equal((0.9, 37, (double?)null, 0.8), (g.KeptLabelAccuracy, g.Kept, g.PerplexityDrift, g.TailCoverage));
        Assert.Equal((1_000_000L, 321.5), (g.Tokens, g.Seconds));
        Assert.Null(g.PublicImprovementLow);
    }

    [Fact]
    public void A_curation_that_kept_nothing_reads_back()
    {
        var a = new JsonObject
        {
            ["generation"] = 3, ["difficulties"] = new JsonArray(5, 6), ["filter"] = "verifier", ["generated"] = 80,
            ["kept"] = 0, ["kept_correct"] = 0, ["kept_label_accuracy"] = 0.0,
                ["kept_per_difficulty"] = new JsonArray(0, 0),
            ["reference_checkpoint"] = "sha256:aa", ["original_data_included"] = true,
            ["distinct_2"] = null, ["distinct_2_truth"] = 0.625, ["diversity_ratio"] = null, ["entropy_bits"] = null,
            ["perplexity_parent"] = null, ["perplexity_reference"] = null, ["perplexity_reference_truth"] = 1.5,
            ["perplexity_drift"] = null, ["tail_coverage"] = null, ["lab"] = "lab",
        };
        var c = CurationRecord.From(Samples.ThroughLedger(a));
        Assert.Equal(("lab", 3, "verifier", 80, 0, 0, 0.0), (c.Lab, c.Generation, c.Filter, c.Generated, c.Kept,
            c.KeptCorrect, c.KeptLabelAccuracy));
        Assert.Equal([5, 6], c.Difficulties);
        Assert.Equal([0, 0], c.KeptPerDifficulty);
        Assert.Equal(("sha256:aa", true, (string?)null), (c.ReferenceCheckpoint, c.OriginalDataIncluded, c.Data));
        Assert.Equal(((double?)null, 0.625, (double?)null, 1.5), (c.Distinct2, c.Distinct2Truth, c.DiversityRatio,
            c.PerplexityReferenceTruth));
    }

    [Fact]
    public void The_gate_and_person_records_read_back()
    {
        var request = ApprovalRequestRecord.From(Samples.ThroughLedger(new JsonObject
            { ["gate"] = "promotion", ["lab"] = "lab", ["summary"] = "promote generation 2" }));
        Assert.Equal(("promotion", "lab", "promote generation 2"), (request.Gate, request.Lab, request.Summary));

        var decision = DecisionRecord.From(Samples.ThroughLedger(new JsonObject
        {
            ["request"] = "request:lab/g2-promotion", ["gate"] = "promotion", ["lab"] = "lab", ["approved"] = false,
            ["by"] = "user:ada", ["reason"] = "too close", ["lag_seconds"] = Math.Round(3.14159, 3),
        }));
        Assert.Equal(("request:lab/g2-promotion", "promotion", "lab", false, "user:ada", "too close", 3.142),
            (decision.Request, decision.Gate, decision.Lab, decision.Approved, decision.By, decision.Reason,
            decision.LagSeconds));

        var integral = DecisionRecord.From(Samples.ThroughLedger(new JsonObject { ["lag_seconds"] = 4.0 }));
        Assert.Equal(4.0, integral.LagSeconds);

        var person = PersonRecord.From(Samples.ThroughLedger(new JsonObject
            { ["role"] = "approver", ["public_key"] = "5e", ["added_by"] = "user:ada" }));
        Assert.Equal(("approver", "5e", "user:ada", (string?)null), (person.Role, person.PublicKey, person.AddedBy,
            person.Lab));

        var revocation = RevocationRecord.From(Samples.ThroughLedger(new JsonObject
            { ["person"] = "user:rex", ["revoked_by"] = "user:ada" }));
        Assert.Equal(("user:rex", "user:ada"), (revocation.Person, revocation.RevokedBy));

        var halt = HaltRequestRecord.From(Samples.ThroughLedger(new JsonObject
            { ["lab"] = "lab", ["by"] = "user:ada", ["reason"] = "runaway" }));
        Assert.Equal(("lab", "user:ada", "runaway"), (halt.Lab, halt.By, halt.Reason));

        var incident = IncidentRecord.From(Samples.ThroughLedger(new JsonObject
            { ["lab"] = "lab", ["kind"] = "self-approval", ["detail"] = "agent:loop tried",
                ["severity"] = "critical" }));
        Assert.Equal(("lab", "self-approval", "agent:loop tried", "critical"),
            (incident.Lab, incident.Kind, incident.Detail, incident.Severity));
    }

    [Fact]
    public void An_audit_reads_back()
    {
        var a = new JsonObject
        {
            ["lab"] = "lab", ["generation"] = 4, ["promoted"] = false, ["complete"] = false,
            ["checks"] = new JsonArray(
                new JsonObject { ["name"] = "canaries", ["ran"] = true, ["passed"] = true, ["detail"] = "0 completed" },
                new JsonObject { ["name"] = "divergence", ["ran"] = false, ["passed"] = false, ["detail"] = "" }),
        };
        var audit = AuditRecord.From(Samples.ThroughLedger(a));
        Assert.Equal(("lab", 4, false, false), (audit.Lab, audit.Generation, audit.Promoted, audit.Complete));
        Assert.Equal([new AuditRecord.CheckEntry("canaries", true, true, "0 completed"),
            new AuditRecord.CheckEntry("divergence", false, false, "")], audit.Checks);
    }

    [Fact]
    public void The_lab_s_bookkeeping_records_read_back()
    {
        var config = LabConfigRecord.From(Samples.ThroughLedger(new JsonObject
        {
            ["sha256"] = "c0ffee", ["researcher"] = "evolutionary", ["budgets"] = "{\"trial_steps\":20}", ["cores"] = 2,
            ["threads_per_worker"] = 1, ["digest"] = "sha256:cd", ["lab"] = "lab",
        }));
        Assert.Equal(("c0ffee", "evolutionary", "{\"trial_steps\":20}", 2, 1, "sha256:cd"),
            (config.Sha256, config.Researcher, config.Budgets, config.Cores, config.ThreadsPerWorker, config.Digest));

        var change = BudgetChangeRecord.From(Samples.ThroughLedger(new JsonObject
            { ["from"] = "{\"trial_steps\":20}", ["budgets"] = "{\"trial_steps\":40}", ["lab"] = "lab" }));
        Assert.Equal(("{\"trial_steps\":20}", "{\"trial_steps\":40}"), (change.Previous, change.Budgets));

        var halt = BudgetHaltRecord.From(Samples.ThroughLedger(new JsonObject { ["reason"] = "out of tokens",
            ["lab"] = "lab" }));
        Assert.Equal("out of tokens", halt.Reason);

        var first = CheckpointRecord.From(Samples.ThroughLedger(new JsonObject { ["lab"] = "lab",
            ["digest"] = "sha256:ef" }));
        Assert.Equal(((int?)null, "sha256:ef"), (first.Generation, first.Digest));

        var data = SelfGeneratedRecord.From(Samples.ThroughLedger(new JsonObject
            { ["lab"] = "lab", ["generation"] = 2, ["kept"] = 37, ["digest"] = "sha256:01" }));
        Assert.Equal((2, 37, "sha256:01"), (data.Generation, data.Kept, data.Digest));

        var contamination = ContaminationCheckRecord.From(Samples.ThroughLedger(new JsonObject
            { ["documents"] = null, ["flagged"] = 0, ["rate"] = 0, ["example"] = null, ["passed"] = true }));
        Assert.Equal(((int?)null, 0, 0.0, (string?)null, true), (contamination.Documents, contamination.Flagged,
            contamination.Rate, contamination.Example, contamination.Passed));

        var check = KeptDataCheckRecord.From(Samples.ThroughLedger(new JsonObject
            { ["generation"] = 3, ["checked"] = 80, ["off_training_side"] = 1, ["malformed"] = 0,
                ["passed"] = false }));
        Assert.Equal((3, 80, 1, 0, false), (check.Generation, check.Checked, check.OffTrainingSide, check.Malformed,
            check.Passed));
    }

    [Fact]
    public void The_research_records_read_back()
    {
        var finding = FindingRecord.From(Samples.ThroughLedger(new JsonObject
        {
            ["generation"] = 3, ["proposal"] = "p0", ["trial"] = "g3-p0-r0", ["overrides"] = Strings("steps=40"),
            ["steps"] = 40, ["score"] = 0.5, ["effect"] = 0.125, ["low"] = -0.25, ["high"] = 0.5, ["p_value"] = 0.03,
        }));
        Assert.Equal((3, "p0", "g3-p0-r0", 40, 0.5, 0.125, -0.25, 0.5, 0.03), (finding.Generation, finding.Proposal,
            finding.Trial, finding.Steps, finding.Score, finding.Effect, finding.Low, finding.High, finding.PValue));
        Assert.Equal(["steps=40"], finding.Overrides);

        var selection = SelectionRecord.From(Samples.ThroughLedger(new JsonObject
        {
            ["generation"] = 3, ["candidate"] = Strings("steps=40"), ["adopted"] = Strings(), ["effect"] = null,
            ["low"] = null, ["high"] = null, ["seeds"] = 4, ["reused_trials"] = Strings(),
            ["finalists"] = new JsonArray(new JsonObject
            {
                ["proposal"] = "p0", ["arm"] = "a", ["candidate"] = Strings("steps=40"), ["effect"] = 0.1,
                    ["low"] = 0.05,
                ["high"] = 0.15, ["fresh_effect"] = null, ["fresh_low"] = null, ["fresh_high"] = null,
            }),
            ["reason"] = "not adopted",
        }));
        Assert.Equal(["steps=40"], selection.Candidate);
        Assert.Empty(selection.Adopted);
        Assert.Equal(((double?)null, 4, "not adopted"), (selection.Effect, selection.Seeds, selection.Reason));
        var finalist = Assert.Single(selection.Finalists);
        Assert.Equal(("p0", "a", 0.1, 0.05, 0.15, (double?)null), (finalist.Proposal, finalist.Arm, finalist.Effect,
            finalist.Low, finalist.High, finalist.FreshEffect));

        var proposals = ProposalsRecord.From(Samples.ThroughLedger(new JsonObject
        {
            ["generation"] = 3, ["researcher"] = "evolutionary",
            ["holdout_feedback"] = new JsonArray(new JsonObject
                { ["generation"] = 2, ["value"] = null, ["from_holdout"] = false, ["refused"] = true }),
            ["proposals"] = new JsonArray(new JsonObject
                { ["id"] = "p0", ["overrides"] = Strings("steps=40"), ["targets"] = "radd d=3",
                    ["rationale"] = "why" }),
        }));
        Assert.Equal([new ProposalsRecord.HoldoutFeedbackEntry(2, null, false, true)], proposals.HoldoutFeedback);
        var proposal = Assert.Single(proposals.Proposals);
        Assert.Equal(("p0", "radd d=3", "why"), (proposal.Id, proposal.Targets, proposal.Rationale));
        Assert.Equal(["steps=40"], proposal.Overrides);

        var weakness = WeaknessRecord.From(Samples.ThroughLedger(new JsonObject
        {
            ["public_score"] = 2.5,
            ["slices"] = new JsonArray(new JsonObject { ["slice"] = "doc-7", ["bits_per_byte"] = 3.25 }),
            ["generation"] = 3, ["metric"] = "bits_per_byte",
            ["weaknesses"] = new JsonArray(new JsonObject
                { ["slice"] = "validation document doc-7", ["score"] = 3.25, ["metric"] = "bits/byte" }),
        }));
        Assert.Equal((2.5, 3, "bits_per_byte", (IReadOnlyList<string>?)null),
            (weakness.PublicScore, weakness.Generation, weakness.Metric, weakness.Failures));
        Assert.Equal([new WeaknessRecord.SliceScore("doc-7", BitsPerByte: 3.25)], weakness.Slices);
        Assert.Equal([new WeaknessRecord.WeaknessEntry("validation document doc-7", 3.25, "bits/byte")],
            weakness.Weaknesses);
    }

    [Fact]
    public void The_check_records_read_back()
    {
        var replay = ReplayRecord.From(Samples.ThroughLedger(new JsonObject
        {
            ["generation"] = 3,
            ["cases"] = new JsonArray(new JsonObject
                { ["case"] = "silenced", ["should_accept"] = false, ["accepted"] = false, ["reason"] = "worse" }),
            ["known_bad"] = 3, ["false_accepts"] = 0, ["known_good"] = 2, ["false_rejects"] = 1, ["accuracy"] = 0.8,
            ["false_accept_rate"] = 0.0, ["seconds"] = 4.5,
        }));
        Assert.Equal([new ReplayRecord.ReplayCase("silenced", false, false, "worse")], replay.Cases);
        Assert.Equal((3, 0, 2, 1, 0.8, 0.0, 4.5), (replay.KnownBad, replay.FalseAccepts, replay.KnownGood,
            replay.FalseRejects, replay.Accuracy, replay.FalseAcceptRate, replay.Seconds));

        var a = new JsonObject
        {
            ["generation"] = 3, ["trials"] = Strings("g3-p0-r0", "g3-p1-r0"), ["evaluator_before"] = Strings("e1"),
            ["evaluator_after"] = "e1", ["evaluator_passed"] = true,
        };
        foreach (string name in new[] { "outliers", "change_points", "throughput" })
            a[name] = new JsonObject { ["detail"] = $"{name} seen",
                ["flagged"] = Strings(name == "outliers" ? ["g3-p1-r0"] : []) };
        var checks = TrialChecksRecord.From(Samples.ThroughLedger(a));
        Assert.Equal(["g3-p0-r0", "g3-p1-r0"], checks.Trials);
        Assert.Equal((true, "e1"), (checks.EvaluatorPassed, checks.EvaluatorAfter));
        Assert.Equal(["g3-p1-r0"], checks.Monitor("outliers")!.Flagged);
        Assert.Equal("change_points seen", checks.Monitor("change_points")!.Detail);
        Assert.Empty(checks.Monitor("throughput")!.Flagged);
    }
}
