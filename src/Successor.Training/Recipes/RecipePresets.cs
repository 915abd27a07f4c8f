// Named starting points; each lists only what differs from the Recipe defaults.
using Successor.Models.Gpt;

namespace Successor.Training.Recipes;

public static class RecipePresets
{
    /// <summary>nanoGPT's CPU Shakespeare settings: 4 layers, 4 heads, 128 wide, block 64, batch 12 — the
    /// defaults.</summary>
    public static Recipe Baby { get; } = new();

    /// <summary>6 layers, 6 heads, 384 wide, block 256, batch 8, bytes (nanoGPT's Shakespeare GPU shape).</summary>
    public static Recipe Small { get; } = new()
    {
        Model = new ModelConfig { Layers = 6, Heads = 6, Embedding = 384, BlockSize = 256 },
        BatchSize = 8,
        Steps = 5000,
    };

    public static IReadOnlyDictionary<string, Recipe> All { get; } =
        new Dictionary<string, Recipe>(StringComparer.OrdinalIgnoreCase) { ["baby"] = Baby, ["small"] = Small };

    public static Recipe Get(string name) =>
        All.TryGetValue(name, out var recipe)
            ? recipe
            : throw new RecipeException($"preset '{name}' is unknown; known presets: {string.Join(", ", All.Keys)}");
}
