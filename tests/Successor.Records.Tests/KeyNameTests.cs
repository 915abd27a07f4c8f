// The attribute names each record writes are exactly those the lab's ledger already holds, so ledgers
// recorded before the records were typed read the same and new records look like the old ones.
using System.Text.Json.Nodes;

namespace Successor.Records.Tests;

public sealed class KeyNameTests
{
    static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        [nameof(GenerationRecord)] = "lab generation champion_generation champion_checkpoint champion_recipe "
            + "self_generated frontier promoted reason approved_by holdout_metric holdout_value horizon horizon_low "
            + "horizon_high horizon_status horizon_easiest horizon_hardest horizons improvement improvement_low "
            + "improvement_high improvement_p_value "
            + "holdout_items genuinely_better verdict candidate_public_score public_improvement public_improvement_low "
            + "public_improvement_high divergence_scope divergence_sealed_improvement "
            + "divergence_sealed_improvement_low divergence_sealed_improvement_high divergence_z divergence_alarm "
            + "divergence_sum_generations divergence_sum_z "
            + "divergence_sum_alarm canaries_completed canaries_planted replay_false_accepts cumulative_reliability "
            + "projected_reliability reliability_alarm kept_label_accuracy kept perplexity_drift tail_coverage tokens "
            + "seconds",
        [nameof(TrialRecord)] = "lab generation status error steps tokens seconds score scores train_loss loss_curve "
            + "loss_every train_seconds train_cpu_seconds recipe_sha256 model_sha256 stable_sha256 continued_from "
            + "evaluator_sha256 evaluator_after_sha256 shape",
        [nameof(CurationRecord)] = "lab generation difficulties filter generated kept kept_correct kept_label_accuracy "
            + "kept_per_difficulty reference_checkpoint original_data_included data distinct_2 distinct_2_truth "
            + "diversity_ratio entropy_bits perplexity_parent perplexity_reference perplexity_reference_truth "
            + "perplexity_drift tail_coverage",
        [nameof(WeaknessRecord)] = "lab public_score slices failures generation metric weaknesses digest",
        [nameof(ProposalsRecord)] = "lab generation researcher holdout_feedback proposals",
        [nameof(ResearchCallRecord)] = "lab generation researcher call purpose outcome input_tokens output_tokens cost "
            + "seconds detail",
        [nameof(FindingRecord)] = "lab generation proposal trial overrides steps score effect low high p_value",
        [nameof(PriorFindingsRecord)] = "lab source_ledger source_lab source_records source_head findings",
        [nameof(SelectionRecord)] = "lab generation candidate adopted effect low high seeds reused_trials finalists "
            + "reason",
        [nameof(KeptDataCheckRecord)] = "lab generation checked off_training_side malformed passed",
        [nameof(ReplayRecord)] = "lab generation cases known_bad false_accepts known_good false_rejects accuracy "
            + "false_accept_rate seconds pooled_known_bad pooled_false_accepts false_accept_bound confidence",
        [nameof(ReevaluationRecord)] = "lab generation trials evaluator_sha256 evaluator_changed seconds "
            + "sealed_regeneration",
        [nameof(TrialChecksRecord)] = "lab generation trials evaluator_before evaluator_after evaluator_passed "
            + "outliers change_points throughput",
        [nameof(ContaminationCheckRecord)] = "lab documents flagged rate example passed validation_flagged "
            + "sealed_flagged validation_threshold sealed_overlaps",
        [nameof(LabConfigRecord)] = "lab sha256 researcher budgets cores threads_per_worker digest sandbox",
        [nameof(BudgetChangeRecord)] = "lab from budgets",
        [nameof(OriginRecord)] = "lab folder recipe_sha256 checkpoint format source source_config_sha256 "
            + "source_weights_sha256",
        [nameof(BudgetHaltRecord)] = "lab reason",
        [nameof(CheckpointRecord)] = "lab generation digest",
        [nameof(SelfGeneratedRecord)] = "lab generation kept digest",
        [nameof(IncidentRecord)] = "lab kind detail severity",
        [nameof(ApprovalRequestRecord)] = "lab gate summary",
        [nameof(DecisionRecord)] = "lab request gate approved by reason lag_seconds",
        [nameof(PersonRecord)] = "role public_key added_by",
        [nameof(RevocationRecord)] = "person revoked_by",
        [nameof(HaltRequestRecord)] = "lab by reason",
        [nameof(AuditRecord)] = "lab generation promoted complete checks",
    };

    public static TheoryData<string> Types() => [.. Samples.All().Select(s => s.Record.GetType().Name)];

    static string[] Keys(JsonObject o) => [.. o.Select(p => p.Key).Order(StringComparer.Ordinal)];

    static string[] Names(string list) => [.. list.Split(' ').Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Types))]
    public void A_record_writes_the_ledger_s_names(string type)
    {
        var record = Samples.All().Single(s => s.Record.GetType().Name == type).Record;
        Assert.Equal(Names(Expected[type]), Keys(record.ToAttributes()));
    }

    [Fact]
    public void Nested_entries_write_the_ledger_s_names()
    {
        var generation = Samples.Generation().ToAttributes();
        Assert.Equal(Names("family horizon low high status easiest hardest"),
            Keys(generation["horizons"]![0]!.AsObject()));
        var all = Samples.All().ToDictionary(s => s.Record.GetType().Name, s => s.Record.ToAttributes());
        Assert.Equal(Names("case should_accept accepted reason"),
            Keys(all[nameof(ReplayRecord)]["cases"]![0]!.AsObject()));
        Assert.Equal(Names("id reported judged max_difference matches why"),
            Keys(all[nameof(ReevaluationRecord)]["trials"]![0]!.AsObject()));
        Assert.Equal(Names("decoy_accuracy sealed_accuracy items gap p_value flagged alpha min_gap seconds"),
            Keys(all[nameof(ReevaluationRecord)]["sealed_regeneration"]!.AsObject()));
        Assert.Equal(Names("proposal arm candidate effect low high fresh_effect fresh_low fresh_high"),
            Keys(all[nameof(SelectionRecord)]["finalists"]![0]!.AsObject()));
        Assert.Equal(Names("generation value from_holdout refused"),
            Keys(all[nameof(ProposalsRecord)]["holdout_feedback"]![0]!.AsObject()));
        Assert.Equal(Names("id overrides targets rationale"),
            Keys(all[nameof(ProposalsRecord)]["proposals"]![0]!.AsObject()));
        Assert.Equal(Names("generation proposal overrides steps score effect low high"),
            Keys(all[nameof(PriorFindingsRecord)]["findings"]![0]!.AsObject()));
        Assert.Equal(Names("slice accuracy"), Keys(all[nameof(WeaknessRecord)]["slices"]![0]!.AsObject()));
        Assert.Equal(Names("slice bits_per_byte"), Keys(all[nameof(WeaknessRecord)]["slices"]![1]!.AsObject()));
        Assert.Equal(Names("slice score metric"), Keys(all[nameof(WeaknessRecord)]["weaknesses"]![0]!.AsObject()));
        Assert.Equal(Names("detail flagged"), Keys(all[nameof(TrialChecksRecord)]["change_points"]!.AsObject()));
        Assert.Equal(Names("name ran passed detail"), Keys(all[nameof(AuditRecord)]["checks"]![0]!.AsObject()));
    }

    [Fact]
    public void The_names_that_snake_case_alone_would_get_wrong_are_kept()
    {
        var curation = Samples.Curation().ToAttributes();
        Assert.Equal(0.5, (double)curation["distinct_2"]!);
        Assert.Equal(0.625, (double)curation["distinct_2_truth"]!);
        var change = new BudgetChangeRecord(Previous: "{\"a\":1}", Budgets: "{\"a\":2}").ToAttributes();
        Assert.Equal("{\"a\":1}", (string)change["from"]!);
        Assert.Null(change["previous"]);
        var generation = Samples.Generation().ToAttributes();
        Assert.Equal(0.001, (double)generation["improvement_p_value"]!);
        Assert.Equal("sha256:aa", (string)generation["champion_checkpoint"]!);
        Assert.Equal(12.345, (double)Samples.Decision().ToAttributes()["lag_seconds"]!);
    }
}
