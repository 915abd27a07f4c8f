// Audit coverage counts promoted generations whose audit lists every required check as ran and passed; a
// missing audit, a missing check, a check that did not run or failed, each leaves its promotion unaudited.
using System.Text.Json.Nodes;
using Successor.Ledger.Statements;
using Successor.Safety.Audit;
using Successor.Safety.Tests.Gates;

namespace Successor.Safety.Tests.Audit;

public sealed class AuditCoverageTests : IDisposable
{
    readonly TempLedger temp = new();

    public void Dispose() => temp.Dispose();

    static List<AuditCheck> AllPassed() => [.. SafetyAudit.Required.Select(n => new AuditCheck(n, true, true, "fine"))];

    void Generation(string lab, int g, bool promoted, IReadOnlyList<AuditCheck>? audit)
    {
        var statements = new List<ProvStatement> { ProvStatement.Activity($"generation:{lab}/g{g}", "generation",
            new JsonObject { ["lab"] = lab, ["generation"] = g, ["promoted"] = promoted }) };
        if (audit is not null) statements.Add(SafetyAudit.Statement(lab, g, promoted, audit));
        temp.Ledger.AppendBatch("agent:loop", statements);
    }

    [Fact]
    public void Only_promotions_whose_every_required_check_ran_and_passed_are_audited()
    {
        Generation("lab", 1, promoted: true, AllPassed());
        Generation("lab", 2, promoted: false,
            [.. AllPassed().Select(c => c with { Passed = c.Name != "promotion-rule" })]);
        Generation("lab", 3, promoted: true, [.. AllPassed().Select(c => c with { Ran = c.Name != "canaries" })]);
        Generation("lab", 4, promoted: true, [.. AllPassed().Select(c => c with { Passed = c.Name != "divergence" })]);
        Generation("lab", 5, promoted: true, [.. AllPassed().Where(c => c.Name != "evaluator-fingerprint")]);
        Generation("lab", 6, promoted: true, null);
        Generation("lab", 7, promoted: true, AllPassed());

        var coverage = AuditCoverage.Of(temp.Ledger, "lab");
        Assert.Equal((6, 2), (coverage.Promotions, coverage.Audited));
        Assert.Equal(2 / 6.0, coverage.Share!.Value, 12);
        Assert.Equal(4, coverage.Gaps.Count);
        Assert.Contains(coverage.Gaps, g => g.StartsWith("g3: canaries: did not run", StringComparison.Ordinal));
        Assert.Contains(coverage.Gaps, g => g.StartsWith("g4: divergence: failed", StringComparison.Ordinal));
        Assert.Contains(coverage.Gaps, g =>
            g.StartsWith("g5: evaluator-fingerprint: missing", StringComparison.Ordinal));
        Assert.Contains(coverage.Gaps, g => g == "g6: no safety audit recorded");
    }

    [Fact]
    public void The_first_champion_and_other_labs_do_not_count_and_no_promotion_has_no_share()
    {
        Generation("lab", 0, promoted: true, null);
        Generation("other", 1, promoted: true, null);
        Generation("lab", 1, promoted: false, AllPassed());
        var coverage = AuditCoverage.Of(temp.Ledger, "lab");
        Assert.Equal((0, 0, (double?)null), (coverage.Promotions, coverage.Audited, coverage.Share));
        Assert.Equal(1, AuditCoverage.Of(temp.Ledger, "other").Promotions);
    }

    [Fact]
    public void A_promotion_activity_without_its_generation_record_still_counts()
    {
        temp.Ledger.Append("agent:loop", ProvStatement.Activity("promotion:lab/g2", "promotion"));
        temp.Ledger.Append("agent:loop", ProvStatement.Activity("promotion:lab-b/g3", "promotion"));
        var coverage = AuditCoverage.Of(temp.Ledger, "lab");
        Assert.Equal((1, 0), (coverage.Promotions, coverage.Audited));
        Assert.Equal(["g2: no safety audit recorded"], coverage.Gaps);
    }

    [Fact]
    public void The_recorded_audit_says_whether_it_is_complete_and_reads_back_its_checks()
    {
        var checks = AllPassed();
        checks[0] = checks[0] with { Passed = false, Detail = "3 of 90 documents overlap" };
        var statement = SafetyAudit.Statement("lab", 4, promoted: false, checks);
        Assert.Equal("audit:lab/g4", statement.Subject);
        Assert.Equal(SafetyAudit.Type, statement.Type);
        Assert.False((bool)statement.Attributes!["complete"]!);
        Assert.Equal(checks, SafetyAudit.Checks(statement.Attributes));
        Assert.True((bool)SafetyAudit.Statement("lab", 4, promoted: true, AllPassed()).Attributes!["complete"]!);
    }
}
