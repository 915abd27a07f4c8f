using Successor.Lab.Config;

namespace Successor.Lab.Tests;

public sealed class LabConfigTests
{
    [Fact]
    public void The_commented_template_reads_back_as_the_defaults()
    {
        string template = LabConfigJson.Template(new LabConfig());
        Assert.Contains("// ", template);
        var parsed = LabConfigJson.Parse(template, "template");
        Assert.Equal(LabConfigJson.Canonical(new LabConfig()), LabConfigJson.Canonical(parsed));
    }

    [Theory]
    [InlineData("  // Shown in status lines and recorded in the ledger.", "  \"name\": ")]
    [InlineData("  // Compute caps. A trial that outlives trial_seconds is killed and recorded as failed.",
        "  \"budgets\": {")]
    [InlineData("    // Steps of the first champion's training run.", "    \"initial_steps\": ")]
    [InlineData("    // The lab halts when that projection falls below this.", "    \"min_projected_reliability\": ")]
    public void The_template_writes_a_fields_comment_on_the_line_above_it(string comment, string field)
    {
        var lines = LabConfigJson.Template(new LabConfig()).Split('\n');
        int at = Array.FindIndex(lines, l => l.StartsWith(field, StringComparison.Ordinal));
        Assert.True(at > 0, $"no line starts with {field}");
        Assert.Equal(comment, lines[at - 1]);
    }

    [Fact]
    public void A_field_without_a_comment_has_none_above_it()
    {
        var lines = LabConfigJson.Template(new LabConfig()).Split('\n');
        int at = Array.FindIndex(lines, l => l.StartsWith("    \"trial_seconds\": ", StringComparison.Ordinal));
        Assert.StartsWith("    \"trial_steps\": ", lines[at - 1]);
    }

    [Fact]
    public void Every_bad_field_is_named_once()
    {
        var e = Assert.Throws<LabConfigException>(() => LabConfigJson.Parse(
            """{ "research": { "strategy": "grid", "eta": 1, "selection_seeds": 1 },""" +
            """ "curriculum": { "families": "radd,nope" } }""",
            "lab.json"));
        Assert.StartsWith("lab config lab.json: ", e.Message);
        Assert.Contains("research.strategy is \"grid\"", e.Message);
        Assert.Contains("research.eta is 1", e.Message);
        Assert.Contains("research.selection_seeds is 1", e.Message);
        Assert.Contains("curriculum.families", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("""{ "budgets": { "trial_stepz": 3 } }""", "trial_stepz")]
    [InlineData("""{ "seed": "one" }""", "seed is the text \"one\"; expected a whole number, 0 or more")]
    [InlineData("""[1, 2]""", "lab config")]
    [InlineData("""{ "recipe": { "learning_rate": -1 } }""", "learning_rate")]
    [InlineData(
        """{ "research": { "search_space": [ { "key": "schedule", "scale": "choice", "choices": [true] } ] } }""",
        "a choice is True; it must be a number or a name")]
    [InlineData(
        """{ "research": { "search_space": [ { "key": "schedule", "scale": "choice", "choices": [] } ] } }""",
        "schedule: a choice needs at least one value")]
    [InlineData(
        """{ "research": { "continue_trials": true, "scale_trial_schedules": true } }""",
        "research.continue_trials and research.scale_trial_schedules are both true")]
    [InlineData(
        """{ "research": { "continue_successor": true } }""",
        "research.continue_successor is true but research.continue_trials is false")]
    [InlineData(
        """{ "research": { "learning_rate_floor": 1.5 } }""",
        "research.learning_rate_floor is 1.5; it must be in [0, 1]")]
    [InlineData(
        """{ "research": { "continue_trials": true, "search_space": [ """ +
        """{ "key": "schedule", "scale": "choice", "choices": ["cosine"] } ] } }""",
        "\"schedule\" cannot be searched with research.continue_trials")]
    [InlineData("""{ "research": { "trial_cooldown": 1 } }""", "research.trial_cooldown is 1; it must be in (0, 1)")]
    [InlineData(
        """{ "budgets": { "last_successor_takes_rest": true } }""",
        "budgets.last_successor_takes_rest is true but budgets.lab_tokens is 0")]
    [InlineData(
        """{ "research": { "proposals": 3, "finalists": 4 } }""",
        "research.finalists is 4; it must be between 1 and research.proposals (3)")]
    [InlineData(
        """{ "recipe": { "schedule": "wsd", "decay_steps": 10 } }""",
        "decay_steps is 10, but the wsd schedule decays over cooldown_steps")]
    [InlineData("""{ "self_generation": { "filter": "vote", "voters": 2 } }""",
        "self_generation.voters is 2; it must be at least 3")]
    [InlineData("""{ "self_generation": { "filter": "vote" }, "first_champion": "ckpt" }""",
        "an imported champion has no siblings to vote with")]
    [InlineData("""{ "self_generation": { "filter": "none", "witnesses": true }, "first_champion": "ckpt" }""",
        "an imported champion has no siblings to vote with")]
    [InlineData("""{ "self_generation": { "filter": "exact", "witnesses": true } }""",
        "self_generation.witnesses is true with filter \"exact\"; witnesses go with none only")]
    [InlineData("""{ "self_generation": { "filter": "votes" } }""", "use exact, majority, vote or none")]
    [InlineData("""{ "self_generation": { "advance": "always" } }""",
        "self_generation.advance is \"always\"; use mastery or schedule")]
    [InlineData("""{ "budgets": { "initial_candidates": 0 } }""",
        "budgets.initial_candidates is 0; it must be 1 to 16")]
    public void Malformed_configs_are_refused_with_the_field(string json, string expected)
    {
        var e = Assert.Throws<LabConfigException>(() => LabConfigJson.Parse(json, "lab.json"));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("{\n  \"name\": \"x\",\n  \"generatons\": 2\n}",
        "lab config lab.json, line 3, column 3: unknown key \"generatons\"; did you mean \"generations\"?")]
    [InlineData("{\n  \"generations\": \"two\"\n}",
        "lab config lab.json, line 2, column 18: generations is the text \"two\"; expected a whole number")]
    [InlineData("{ \"budgets\": { \"trial_stepz\": 3 } }",
        "lab config lab.json, line 1, column 16: unknown key \"trial_stepz\" in budgets; " +
        "did you mean \"trial_steps\"?")]
    [InlineData("// a comment\n{ \"recipe\": { \"model\": { \"activation\": \"tanh\" } } }",
        "lab config lab.json, line 2, column 40: recipe.model.activation is the text \"tanh\"; " +
        "expected one of gelu, relu_squared, swiglu")]
    [InlineData("{ \"trial_steps\": 30 }",
        "lab config lab.json, line 1, column 3: unknown key \"trial_steps\"; it belongs in \"budgets\" " +
        "(as budgets.trial_steps)")]
    public void A_json_error_names_the_line_the_column_the_field_and_the_nearest_key(string json, string expected)
    {
        var e = Assert.Throws<LabConfigException>(() => LabConfigJson.Parse(json, "lab.json"));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Choices_may_be_names_or_numbers_and_write_back_as_given()
    {
        var c = LabConfigJson.Parse(
            """{ "research": { "search_space": [ """ +
            """{ "key": "schedule", "scale": "choice", "choices": ["cosine", "constant"] }, """ +
            """{ "key": "beta2", "scale": "choice", "choices": [0.95, 0.999] } ] } }""",
            "lab.json");
        Assert.Equal(["cosine", "constant"], c.Research.SearchSpace[0].Choices!);
        Assert.Equal(["0.95", "0.999"], c.Research.SearchSpace[1].Choices!);
        Assert.Contains("\"choices\":[\"cosine\",\"constant\"]", LabConfigJson.Canonical(c));
        Assert.Contains("\"choices\":[0.95,0.999]", LabConfigJson.Canonical(c));
        var odd = LabConfigJson.Parse(
            """{ "research": { "search_space": [""" +
            """ { "key": "note", "scale": "choice", "choices": ["NaN", " 5", "1e-3"] } ] } }""",
            "lab.json");
        Assert.Contains("\"choices\":[\"NaN\",\" 5\",1e-3]", LabConfigJson.Canonical(odd));
    }
}
