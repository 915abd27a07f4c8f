// What a gate request would change, field by field: the leaves that differ between two JSON objects, and the same
// read back from a budget request recorded before requests kept their changes.
namespace Successor.Records.Tests;

public sealed class FieldChangesTests
{
    [Fact]
    public void Only_the_fields_that_differ_are_named_with_nested_keys_as_paths()
    {
        var changes = FieldChanges.Between("""{"a":1,"b":{"c":2,"d":"x"},"gone":true}""",
            """{"a":1,"b":{"c":3,"d":"x"},"new":[1,2]}""");
        Assert.Equal([new FieldChange("b.c", "2", "3"), new FieldChange("new", "(none)", "[1,2]"),
            new FieldChange("gone", "true", "(none)")], changes);
        Assert.Equal("b.c: 2 → 3; new: (none) → [1,2]; gone: true → (none)", FieldChanges.Text(changes));
        Assert.Empty(FieldChanges.Between("""{"a":1}""", """{"a":1}"""));
    }

    [Fact]
    public void A_request_recorded_with_its_changes_gives_them_and_an_old_budget_summary_is_read_back()
    {
        var recorded = new ApprovalRequestRecord("budget-increase", "budget increase: x: 1 → 2")
            { Changes = [new("x", "1", "2")] };
        Assert.Equal([new FieldChange("x", "1", "2")], FieldChanges.Of(recorded));
        var old = new ApprovalRequestRecord("budget-increase",
            """budget increase {"trial_steps":20,"successor_steps":100} → {"trial_steps":20,"successor_steps":120}""");
        Assert.Equal([new FieldChange("successor_steps", "100", "120")], FieldChanges.Of(old));
        Assert.Empty(FieldChanges.Of(new ApprovalRequestRecord("promotion", "promote generation 2's successor")));
        var back = ApprovalRequestRecord.From(recorded.ToAttributes());
        Assert.Equal(recorded.Changes, back.Changes);
    }
}
