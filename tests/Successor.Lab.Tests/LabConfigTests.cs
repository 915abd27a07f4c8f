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

    [Fact]
    public void Every_bad_field_is_named_once()
    {
        var e = Assert.Throws<LabConfigException>(() => LabConfigJson.Parse(
            """{ "research": { "strategy": "grid", "eta": 1, "selection_seeds": 1 }, "curriculum": { "families": "radd,nope" } }""", "lab.json"));
        Assert.StartsWith("lab config lab.json: ", e.Message);
        Assert.Contains("research.strategy is \"grid\"", e.Message);
        Assert.Contains("research.eta is 1", e.Message);
        Assert.Contains("research.selection_seeds is 1", e.Message);
        Assert.Contains("curriculum.families", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("""{ "budgets": { "trial_stepz": 3 } }""", "trial_stepz")]
    [InlineData("""{ "seed": "one" }""", "$.seed")]
    [InlineData("""[1, 2]""", "lab config")]
    [InlineData("""{ "recipe": { "learning_rate": -1 } }""", "learning_rate")]
    public void Malformed_configs_are_refused_with_the_field(string json, string expected)
    {
        var e = Assert.Throws<LabConfigException>(() => LabConfigJson.Parse(json, "lab.json"));
        Assert.Contains(expected, e.Message);
    }
}
