// research.language_model in lab.json: a complete section reads back, the key stays out of the config, and each
// wrong field is one line naming it.
using Successor.Lab.Config;
using Successor.Research.LanguageModels;

namespace Successor.Lab.Tests;

public sealed class LanguageModelConfigTests
{
    const string Good = """
        { "research": { "strategy": "llm", "language_model": { "provider": "anthropic", "model": "claude-sonnet-4-5",
          "key_variable": "ANTHROPIC_API_KEY", "input_price": 3, "output_price": 15, "generation_cap": 0.5,
          "lab_cap": 5 } } }
        """;

    [Fact]
    public void A_complete_section_reads_back_with_the_name_of_the_keys_variable_only()
    {
        var config = LabConfigJson.Parse(Good, "lab.json");
        var settings = config.Research.LanguageModel!.Settings();
        Assert.Equal("llm:anthropic/claude-sonnet-4-5", settings.Name);
        Assert.Equal(new Pricing(3, 15), settings.Prices);
        Assert.Equal(0.5, settings.GenerationCap);
        Assert.Equal("ANTHROPIC_API_KEY", settings.Chat.KeyVariable);
        Assert.Contains("\"key_variable\":\"ANTHROPIC_API_KEY\"", LabConfigJson.Canonical(config));
        // a lab without the section writes none, so its config and hash are as they were
        Assert.DoesNotContain("language_model", LabConfigJson.Canonical(new LabConfig()));
    }

    [Fact]
    public void The_template_of_a_language_model_lab_says_what_each_field_is()
    {
        string template = LabConfigJson.Template(LabConfigJson.Parse(Good, "lab.json"));
        Assert.Contains("// The NAME of the environment variable holding the key", template);
        Assert.Equal(LabConfigJson.Canonical(LabConfigJson.Parse(Good, "lab.json")),
            LabConfigJson.Canonical(LabConfigJson.Parse(template, "template")));
    }

    [Theory]
    [InlineData("\"provider\": \"gemini\", \"model\": \"m\"", "research.language_model.provider is \"gemini\"")]
    [InlineData("\"model\": \"\"", "research.language_model.model is empty")]
    [InlineData("\"model\": \"m\", \"base_url\": \"localhost:11434\"", "research.language_model.base_url")]
    [InlineData("\"model\": \"m\", \"key_variable\": \"sk-ant-api03-abc\"", "never the key")]
    [InlineData("\"model\": \"m\", \"max_attempts\": 0", "research.language_model.max_attempts is 0")]
    [InlineData("\"model\": \"m\", \"lab_cap\": -1", "research.language_model.lab_cap is -1")]
    public void A_wrong_field_is_one_line_naming_it(string fields, string message)
    {
        var e = Assert.Throws<LabConfigException>(() => LabConfigJson.Parse(
            $$"""{ "research": { "strategy": "llm", "language_model": { {{fields}} } } }""", "lab.json"));
        Assert.Contains(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
