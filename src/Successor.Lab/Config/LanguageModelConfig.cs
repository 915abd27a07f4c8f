// research.language_model: the model a "llm" researcher talks to, what it costs and how far it may go. The key
// is never here: key_variable names the environment variable that holds it.
using System.Text.RegularExpressions;
using Successor.Research.LanguageModels;

namespace Successor.Lab.Config;

public sealed partial record LanguageModelConfig
{
    [TemplateComment("openai (any server of the OpenAI chat protocol: OpenAI, vLLM, Ollama, llama.cpp) or anthropic.")]
    public string Provider { get; init; } = ChatSettings.OpenAi;
    [TemplateComment("The model's name as the server knows it.")]
    public string Model { get; init; } = "";
    [TemplateComment("The server's base URL (null: the provider's own), e.g. http://localhost:11434/v1 for Ollama.")]
    public string? BaseUrl { get; init; }
    [TemplateComment("The NAME of the environment variable holding the key (empty: a server that needs none).")]
    public string KeyVariable { get; init; } = "";
    [TemplateComment("Sampling temperature (the OpenAI protocol; Anthropic's SDK takes the model's default).")]
    public double Temperature { get; init; } = 0.7;
    [TemplateComment("The most tokens one reply may have; a reply cut off there is retried.")]
    public int MaxTokens { get; init; } = 4096;
    [TemplateComment("Seconds one call may take before it counts as a timeout.")]
    public double TimeoutSeconds { get; init; } = 120;
    [TemplateComment("Calls per generation (and per plug-in repair) before the generation falls back to TPE.")]
    public int MaxAttempts { get; init; } = 3;
    [TemplateComment("The first pause between attempts, doubled each time up to 32 times as long, with jitter.")]
    public double RetryDelaySeconds { get; init; } = 2;
    [TemplateComment("Times a failing plug-in goes back to the model with its compiler messages.")]
    public int MaxRepairs { get; init; } = 2;
    [TemplateComment("Price per million input tokens, in the currency of the caps.")]
    public double InputPrice { get; init; }
    [TemplateComment("Price per million output tokens.")]
    public double OutputPrice { get; init; }
    [TemplateComment("The most one generation's calls may cost (0: no cap); past it the generation goes on with TPE.")]
    public double GenerationCap { get; init; }
    [TemplateComment("The most the lab's calls may cost (0: no cap); reaching it asks a person for another as much.")]
    public double LabCap { get; init; }

    public LanguageModelSettings Settings() => new(
        new ChatSettings(Provider, Model, BaseUrl, KeyVariable, Temperature, MaxTokens, TimeoutSeconds),
        new Pricing(InputPrice, OutputPrice), MaxAttempts, RetryDelaySeconds, MaxRepairs, GenerationCap);

    /// <summary>What is wrong with these settings, one line each (lab.json's field names).</summary>
    public IEnumerable<string> Problems()
    {
        const string at = "research.language_model";
        if (!ChatSettings.Providers.Contains(Provider))
            yield return $"{at}.provider is \"{Provider}\"; use one of {string.Join(", ", ChatSettings.Providers)}";
        if (string.IsNullOrWhiteSpace(Model)) yield return $"{at}.model is empty; name the model the server serves";
        if (BaseUrl is not null && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"))
            yield return $"{at}.base_url is \"{BaseUrl}\"; it must be an http or https URL";
        if (KeyVariable.Length > 0 && !VariableName().IsMatch(KeyVariable))
            yield return $"{at}.key_variable does not look like an environment variable's name; it must hold the " +
                "NAME of the variable with the key (e.g. OPENAI_API_KEY), never the key";
        if (MaxTokens < 1) yield return $"{at}.max_tokens is {MaxTokens}; it must be at least 1";
        if (!(TimeoutSeconds > 0)) yield return $"{at}.timeout_seconds is {TimeoutSeconds}; it must be positive";
        if (MaxAttempts < 1) yield return $"{at}.max_attempts is {MaxAttempts}; it must be at least 1";
        if (MaxRepairs < 0) yield return $"{at}.max_repairs is {MaxRepairs}; it must be 0 or more";
        foreach (var (name, value) in new[] { ("temperature", Temperature), ("retry_delay_seconds", RetryDelaySeconds),
            ("input_price", InputPrice), ("output_price", OutputPrice), ("generation_cap", GenerationCap),
            ("lab_cap", LabCap) })
            if (!(value >= 0) || double.IsInfinity(value))
                yield return $"{at}.{name} is {value}; it must be 0 or more";
    }

    // An environment variable's name: letters, digits and underscores, not starting with a digit, and short — a key
    // pasted here instead (sk-…, long random text) fails it.
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex VariableName();
}
