// The research strategies the lab knows by name, and how to make one.
namespace Successor.Research;

public static class Researchers
{
    public static IReadOnlyList<string> Names => ["random", "tpe"];

    /// <summary>The strategy of a language-model researcher, which needs a model and a server as well as a search
    /// space (LanguageModels.LanguageModelResearcher).</summary>
    public const string LanguageModel = "llm";

    /// <summary>Every strategy a lab may name.</summary>
    public static IReadOnlyList<string> Strategies => [.. Names, LanguageModel];

    public static IResearcher Create(string name, SearchSpace space) => name switch
    {
        "random" => new RandomResearcher(space),
        "tpe" => new TpeResearcher(space),
        _ => throw new ArgumentException($"researcher \"{name}\" is unknown; use one of {string.Join(", ", Names)}"),
    };
}
