// The research strategies the lab knows by name, and how to make one.
namespace Successor.Research;

public static class Researchers
{
    public static IReadOnlyList<string> Names => ["random", "tpe"];

    public static IResearcher Create(string name, SearchSpace space) => name switch
    {
        "random" => new RandomResearcher(space),
        "tpe" => new TpeResearcher(space),
        _ => throw new ArgumentException($"researcher \"{name}\" is unknown; use one of {string.Join(", ", Names)}"),
    };
}
