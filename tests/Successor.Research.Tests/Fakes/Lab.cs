// A researcher's world for tests: a champion recipe, a weakness, findings, and a language-model researcher of
// either protocol pointed at a fake server, with small retry pauses so tests stay fast.
using Successor.Research.LanguageModels;
using Successor.Training.Recipes;

namespace Successor.Research.Tests.Fakes;

public static class Lab
{
    public const string KeyVariable = "SUCCESSOR_TEST_MODEL_KEY", Key = "test-key-5e1f";
    public const double InputPrice = 3, OutputPrice = 15;

    public static IReadOnlyList<PluginPoint> Points { get; } =
        [new(ModelScripts.Point, "public static double Rate(int step, int steps, double peak)")];

    public static ResearchContext Context(int generation = 1, IReadOnlyList<PublicWeakness>? weaknesses = null,
        IReadOnlyList<Finding>? memory = null) =>
        new(generation, new Recipe(), weaknesses ?? [new PublicWeakness("radd d=4", 0.25, "accuracy")],
            memory ?? [new Finding(1, "p1", ["learning_rate=0.003"], 20, 0.61, 0.04, 0.01, 0.07)], 5);

    public static LanguageModelSettings Settings(string provider, FakeModelServer server, int attempts = 3,
        double generationCap = 0, double timeoutSeconds = 10) =>
        new(new ChatSettings(provider, provider == ChatSettings.Anthropic ? "claude-sonnet-4-5" : "gpt-4o",
                provider == ChatSettings.Anthropic ? server.AnthropicBase : server.OpenAiBase, KeyVariable,
                TimeoutSeconds: timeoutSeconds),
            new Pricing(InputPrice, OutputPrice), attempts, RetryDelaySeconds: 0.001, MaxRepairs: 2,
            GenerationCap: generationCap);

    /// <summary>A researcher on `settings`, lent `compiler` (or none) for every round.</summary>
    public static Lent Researcher(LanguageModelSettings settings, IPluginCompiler? compiler = null)
    {
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        return new(new(settings, settings.Chat.Connect(), SearchSpace.Default, Points), compiler);
    }

    public sealed record Lent(LanguageModelResearcher Researcher, IPluginCompiler? Compiler)
    {
        public ResearchRound Research(ResearchContext context, int count) =>
            Researcher.Research(context, count, Compiler);
    }
}
