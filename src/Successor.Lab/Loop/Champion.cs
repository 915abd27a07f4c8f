// The model a generation starts from, as the ledger records it: its weights (an artifact), the recipe
// that trained it, and the self-generated data accumulated so far.
using System.Text.Json.Nodes;
using Successor.Training.Recipes;

namespace Successor.Lab.Loop;

public sealed record Champion(int Generation, string CheckpointDigest, Recipe Recipe, IReadOnlyList<string> SelfGenerated, int Frontier)
{
    public string Id => $"checkpoint:{Ledger.Digests.Normalize(CheckpointDigest)[..16]}";

    public JsonObject ToAttributes() => new()
    {
        ["champion_generation"] = Generation,
        ["champion_checkpoint"] = CheckpointDigest,
        ["champion_recipe"] = RecipeJson.Canonical(Recipe),
        ["self_generated"] = new JsonArray([.. SelfGenerated.Select(d => (JsonNode)JsonValue.Create(d)!)]),
        ["frontier"] = Frontier,
    };

    public static Champion FromAttributes(JsonObject a) => new(
        (int)a["champion_generation"]!,
        (string)a["champion_checkpoint"]!,
        RecipeJson.Parse((string)a["champion_recipe"]!, "the ledger's champion record"),
        [.. a["self_generated"]!.AsArray().Select(n => (string)n!)],
        (int)a["frontier"]!);
}
