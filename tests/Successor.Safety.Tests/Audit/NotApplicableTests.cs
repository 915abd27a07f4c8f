// A check that did not apply is recorded as "not applicable": neither ran nor passed, read back as such from
// the ledger, no gap in coverage, and listed apart so nobody reads it as a pass.
using System.Text.Json.Nodes;
using Successor.Ledger.Statements;
using Successor.Safety.Audit;
using Successor.Safety.Tests.Gates;

namespace Successor.Safety.Tests.Audit;

public sealed class NotApplicableTests : IDisposable
{
    readonly TempLedger temp = new();

    public void Dispose() => temp.Dispose();

    static List<AuditCheck> Checks() => [.. SafetyAudit.Required.Select(n => n == "kept-label-accuracy"
        ? AuditCheck.NotApplicable(n, "self-generation is off: no label kept")
        : new AuditCheck(n, true, true, "fine"))];

    [Fact]
    public void A_check_that_did_not_apply_is_recorded_as_not_applicable_and_never_as_passed()
    {
        temp.Ledger.AppendBatch("agent:loop", [
            ProvStatement.Activity("generation:lab/g1", "generation",
                new JsonObject { ["lab"] = "lab", ["generation"] = 1, ["promoted"] = true }),
            SafetyAudit.Statement("lab", 1, promoted: true, Checks())]);
        var attributes = temp.Ledger.FindById("audit:lab/g1").Single().Parse().Statement.Attributes!;
        var entry = attributes["checks"]!.AsArray().Single(c => (string)c!["name"]! == "kept-label-accuracy")!;
        Assert.Equal(("not applicable", false, false),
            ((string)entry["state"]!, (bool)entry["ran"]!, (bool)entry["passed"]!));
        var check = SafetyAudit.Checks(attributes).Single(c => c.Name == "kept-label-accuracy");
        Assert.Equal((AuditCheck.NotApplicableState, false, true), (check.State, check.Applicable, check.Ok));
        Assert.All(SafetyAudit.Checks(attributes).Where(c => c.Name != "kept-label-accuracy"),
            c => Assert.Equal(AuditCheck.PassedState, c.State));

        var coverage = AuditCoverage.Of(temp.Ledger, "lab");
        Assert.Equal((1, 1), (coverage.Promotions, coverage.Audited));
        Assert.Equal(["g1: kept-label-accuracy (self-generation is off: no label kept)"], coverage.NotApplicable);
        Assert.Empty(coverage.Gaps);
    }

    [Fact]
    public void An_audit_recorded_before_the_state_was_kept_reads_as_it_did()
    {
        var old = new JsonObject
        {
            ["lab"] = "lab", ["generation"] = 1, ["promoted"] = true, ["complete"] = true,
            ["checks"] = new JsonArray(new JsonObject
                { ["name"] = "canaries", ["ran"] = true, ["passed"] = true, ["detail"] = "0 completed" }),
        };
        var check = Assert.Single(SafetyAudit.Checks(old));
        Assert.Equal((AuditCheck.PassedState, true), (check.State, check.Applicable));
    }
}
