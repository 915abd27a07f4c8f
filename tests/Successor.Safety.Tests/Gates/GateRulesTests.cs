// Each gate alone: when it asks a person, and what it asks. Recording and waiting are Approvals' and are
// exercised end to end by the lab's gate tests.
using Successor.Safety.Gates;
using Successor.Safety.Incidents;

namespace Successor.Safety.Tests.Gates;

public sealed class GateRulesTests
{
    [Fact]
    public void The_promotion_gate_asks_only_when_it_is_on()
    {
        Assert.Null(new PromotionGate(false).Ask(new(2, "sealed accuracy 0.9")));
        var q = new PromotionGate(true).Ask(new(2, "sealed accuracy 0.9"))!;
        Assert.Equal("g2-promotion", q.Local);
        Assert.Equal("promote generation 2's successor (sealed accuracy 0.9)", q.Summary);
    }

    [Fact]
    public void The_data_mix_gate_asks_beyond_its_bound_in_either_direction()
    {
        var gate = new DataMixGate(0.2);
        Assert.Null(gate.Ask(new(1, 0.3, 0.5)));
        Assert.Equal("g1-data-mix", gate.Ask(new(1, 0.3, 0.6))!.Local);
        Assert.Contains("moves by 0.30 (0.60 → 0.30)", gate.Ask(new(1, 0.6, 0.3))!.Summary);
    }

    [Fact]
    public void The_budget_gate_asks_when_any_cap_rises_and_no_cap_is_the_highest()
    {
        var gate = new BudgetIncreaseGate(true);
        Assert.Null(gate.Ask(
            new(1, """{"lab_tokens":100,"lab_seconds":0}""", """{"lab_tokens":50,"lab_seconds":0}""")));
        Assert.Equal("budget-change-1", gate.Ask(new(1, """{"lab_tokens":100}""", """{"lab_tokens":200}"""))!.Local);
        Assert.NotNull(gate.Ask(new(2, """{"lab_tokens":100}""", """{"lab_tokens":0}""")));
        Assert.Null(new BudgetIncreaseGate(false).Ask(new(1, """{"lab_tokens":100}""", """{"lab_tokens":200}""")));
    }

    [Fact]
    public void The_budget_gate_reads_a_switch_beside_the_caps_and_asks_when_it_changes()
    {
        // lab budgets as the lab records them: a switch sits between the caps, before lab_seconds
        const string from = """{"lab_tokens":0,"last_successor_takes_rest":false,"lab_seconds":4800}""";
        var gate = new BudgetIncreaseGate(true);
        Assert.Equal("budget increase: lab_seconds: 4800 → 6300", gate.Ask(new(1, from,
            """{"lab_tokens":0,"last_successor_takes_rest":false,"lab_seconds":6300}"""))!.Summary);
        Assert.Null(gate.Ask(new(1, from,
            """{"lab_tokens":0,"last_successor_takes_rest":false,"lab_seconds":600}""")));
        Assert.NotNull(gate.Ask(new(1, from,
            """{"lab_tokens":0,"last_successor_takes_rest":true,"lab_seconds":600}""")));
    }

    [Fact]
    public void A_budget_request_names_each_field_it_changes_and_only_those()
    {
        var q = new BudgetIncreaseGate(true).Ask(new(1, """{"trial_steps":20,"successor_steps":100,"lab_tokens":5}""",
            """{"trial_steps":20,"successor_steps":120,"lab_tokens":0}"""))!;
        Assert.Equal("budget increase: successor_steps: 100 → 120; lab_tokens: 5 → 0 (no cap)", q.Summary);
        Assert.Equal([new("successor_steps", "100", "120"), new("lab_tokens", "5", "0 (no cap)")], q.Changes!);
        Assert.Equal([new Records.FieldChange("recipe.self_generated_fraction", "0.30", "0.60")],
            new DataMixGate(0.2).Ask(new(1, 0.3, 0.6))!.Changes!);
    }

    [Fact]
    public void The_incident_gate_asks_about_critical_incidents_only()
    {
        var gate = new IncidentGate(true);
        var critical = new Incident("incident:lab/g1-canary-leak", "lab", "canary-leak", "seen", Severity.Critical);
        Assert.Equal("incident-g1-canary-leak", gate.Ask(critical)!.Local);
        Assert.Null(gate.Ask(critical with { Severity = Severity.Warning }));
        Assert.Null(new IncidentGate(false).Ask(critical));
        Assert.Equal("incident-g1-canary-leak", IncidentGate.Local(critical));
    }

    [Theory]
    [InlineData("learning_rate=0.01", null)]
    [InlineData("seed=7", "seed")]
    [InlineData("Steps = 10", "steps")]
    [InlineData("budgets.lab_tokens=1", "budgets.lab_tokens")]
    [InlineData("safety=off", "safety")]
    [InlineData("model.layers=4", "model.layers")]
    public void The_protected_surface_names_the_first_key_no_proposal_may_touch(string o, string? touched) =>
        Assert.Equal(touched, ProtectedSurface.Touched(["batch_size=16", o]));
}
