// The model a generation starts from, as the ledger records it: its weights (an artifact), the recipe
// that trained it, and the self-generated data accumulated so far.
using Successor.Training.Recipes;

namespace Successor.Lab.Loop;

public sealed record Champion(int Generation, string CheckpointDigest, Recipe Recipe,
    IReadOnlyList<string> SelfGenerated, int Frontier)
{
    public string Id => $"checkpoint:{Ledger.Digests.Normalize(CheckpointDigest)[..16]}";

    /// <summary>A generation's record with this champion as the one it leaves.</summary>
    public GenerationRecord Into(GenerationRecord record) => record with
    {
        ChampionGeneration = Generation,
        ChampionCheckpoint = CheckpointDigest,
        ChampionRecipe = RecipeJson.Canonical(Recipe),
        SelfGenerated = SelfGenerated,
        Frontier = Frontier,
    };

    public static Champion From(GenerationRecord r) => new(
        r.ChampionGeneration, r.ChampionCheckpoint, RecipeJson.Parse(r.ChampionRecipe, "the ledger's champion record"),
            r.SelfGenerated, r.Frontier);
}
