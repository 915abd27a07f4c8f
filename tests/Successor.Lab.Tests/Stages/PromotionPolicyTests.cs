// The promotion rule without a ledger: every reason a successor is refused, in the order a person reads
// them, and the gates asked only of a successor every automatic check accepts.
using Successor.Lab.Stages;
using Successor.Records;
using Successor.Safety.Gates;

namespace Successor.Lab.Tests.Stages;

public sealed class PromotionPolicyTests
{
    static readonly PromotionEvidence Good = new()
    {
        GenuinelyBetter = true, Verdict = "better by 0.05 [0.02, 0.08]", Kept = 100, KeptLabelAccuracy = 0.99,
        MinKeptLabelAccuracy = 0.9, KeptDataSafe = true,
    };

    static GateDecision Decision(bool approved, string by = "person:ada") =>
        new("request:lab/g1-promotion", approved, by, approved ? "looks right" : "not yet", DateTimeOffset.UnixEpoch,
            1);

    [Fact]
    public void A_genuinely_better_successor_that_passes_every_check_is_promoted_with_the_verdict_as_its_reason()
    {
        var d = PromotionPolicy.Decide(Good);
        Assert.True(d.Promoted);
        Assert.True(d.PassesChecks);
        Assert.Equal("promoted: better by 0.05 [0.02, 0.08]", d.Reason);
        Assert.Null(d.ApprovedBy);
    }

    [Fact]
    public void A_failed_training_is_the_only_reason_given()
    {
        var d = PromotionPolicy.Decide(
            new PromotionEvidence { TrainingError = "out of memory", GenuinelyBetter = false, KeptDataSafe = false });
        Assert.False(d.Promoted);
        Assert.Equal(["the successor's training failed (out of memory)"], d.Failures);
    }

    [Fact]
    public void Every_failed_check_is_a_reason_in_order()
    {
        var d = PromotionPolicy.Decide(Good with
        {
            GenuinelyBetter = false, Verdict = "no better", KeptLabelAccuracy = 0.5, KeptDataSafe = false,
            CriticalIncidents = [("canary-leak", "incident:lab/g1-canary-leak")],
        });
        Assert.False(d.Promoted);
        Assert.False(d.PassesChecks);
        Assert.Equal([
            "not genuinely better on the sealed holdout: no better",
            "kept-label accuracy 0.500 is below the gate's 0.900",
            "the safety check of the kept data failed",
            "fail closed: canary-leak incident incident:lab/g1-canary-leak",
        ], d.Failures);
        Assert.Equal(string.Join("; ", d.Failures), d.Reason);
    }

    [Fact]
    public void Nothing_kept_or_no_self_generation_leaves_the_kept_label_gate_out()
    {
        Assert.True(PromotionPolicy.Decide(Good with { Kept = 0, KeptLabelAccuracy = 0 }).Promoted);
        Assert.True(PromotionPolicy.Decide(Good with { Kept = null, KeptLabelAccuracy = null }).Promoted);
    }

    [Fact]
    public void A_refused_proposal_never_ran_so_it_taints_nothing()
    {
        var d = PromotionPolicy.Decide(Good with { CriticalIncidents = [(PromotionPolicy.RefusedProposal,
            "incident:lab/g1-protected-surface-p1")] });
        Assert.True(d.Promoted);
    }

    [Fact]
    public void A_person_who_rejects_the_promotion_is_named_and_one_who_approves_is_recorded()
    {
        var rejected = PromotionPolicy.Decide(Good with { PromotionDecision = Decision(false, "person:bo") });
        Assert.False(rejected.Promoted);
        Assert.True(rejected.PassesChecks);
        Assert.Equal("rejected by person:bo: not yet", rejected.Reason);
        var approved = PromotionPolicy.Decide(Good with { PromotionDecision = Decision(true) });
        Assert.True(approved.Promoted);
        Assert.Equal("person:ada", approved.ApprovedBy);
    }

    [Fact]
    public void A_rejected_data_mix_change_stops_an_approved_promotion_and_keeps_its_approver()
    {
        var d = PromotionPolicy.Decide(
            Good with { PromotionDecision = Decision(true), DataMixDecision = Decision(false, "person:bo") });
        Assert.False(d.Promoted);
        Assert.Equal("data-mix change rejected by person:bo: not yet", d.Reason);
        Assert.Equal("person:ada", d.ApprovedBy);
    }

    [Fact]
    public void No_decision_of_a_person_counts_when_an_automatic_check_failed()
    {
        var d = PromotionPolicy.Decide(
            Good with { GenuinelyBetter = false, Verdict = "no better", PromotionDecision = Decision(true) });
        Assert.False(d.Promoted);
        Assert.Null(d.ApprovedBy);
        Assert.Equal(["not genuinely better on the sealed holdout: no better"], d.Failures);
    }

    [Fact]
    public void Adopting_every_successor_overrides_the_verdict_alone_and_says_what_the_judge_found()
    {
        var worse = Good with { GenuinelyBetter = false, Verdict = "no better", AdoptWithoutJudge = true };
        var adopted = PromotionPolicy.Decide(worse);
        Assert.True(adopted.Promoted);
        Assert.Empty(adopted.Failures);
        Assert.Equal("adopted without the judge (promotion.adopt_every_successor), which found it not genuinely " +
            "better: no better", adopted.Reason);
        Assert.StartsWith(GenerationRecord.AdoptedReason, adopted.Reason);
        Assert.Contains("which found it genuinely better: better by 0.05",
            PromotionPolicy.Decide(Good with { AdoptWithoutJudge = true }).Reason);
        // every other check and gate still decides
        Assert.Equal(["kept-label accuracy 0.500 is below the gate's 0.900"],
            PromotionPolicy.Decide(worse with { KeptLabelAccuracy = 0.5 }).Failures);
        Assert.Equal(["the safety check of the kept data failed"],
            PromotionPolicy.Decide(worse with { KeptDataSafe = false }).Failures);
        Assert.Equal(["fail closed: canary-leak incident incident:lab/g1-canary-leak"], PromotionPolicy.Decide(
            worse with { CriticalIncidents = [("canary-leak", "incident:lab/g1-canary-leak")] }).Failures);
        Assert.Equal(["the successor's training failed (out of memory)"],
            PromotionPolicy.Decide(worse with { TrainingError = "out of memory" }).Failures);
        var refused = PromotionPolicy.Decide(worse with { PromotionDecision = Decision(false, "person:bo") });
        Assert.False(refused.Promoted);
        Assert.Equal("rejected by person:bo: not yet", refused.Reason);
    }
}
