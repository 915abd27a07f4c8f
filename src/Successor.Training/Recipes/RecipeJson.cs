// Recipe ⇄ JSON: snake_case keys, strict reading (an unknown or mistyped key is an error), canonical
// form (keys sorted, no whitespace) and its SHA-256, and `key=value` overrides as in nanoGPT.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Successor.Models;

namespace Successor.Training.Recipes;

public static class RecipeJson
{
    public static JsonSerializerOptions Options => SnakeCaseJson.Options;

    public static string Serialize(Recipe recipe) => JsonSerializer.Serialize(recipe, Options);

    /// <summary>Parses and validates; any problem becomes a RecipeException naming the source.</summary>
    public static Recipe Parse(string json, string source)
    {
        Recipe? recipe;
        try { recipe = JsonSerializer.Deserialize<Recipe>(json, Options); }
        catch (JsonException e)
        {
            throw new RecipeException($"recipe {source}{SnakeCaseJson.Problem(e, json, typeof(Recipe))}");
        }
        if (recipe is null) throw new RecipeException($"recipe {source}: is null; expected a JSON object");
        var errors = recipe.Validate();
        if (errors.Count > 0) throw new RecipeException($"recipe {source}: {string.Join("; ", errors)}");
        return recipe;
    }

    /// <summary>Keys sorted at every level, no insignificant whitespace: equal recipes give equal bytes.</summary>
    public static string Canonical(Recipe recipe)
    {
        var node = JsonSerializer.SerializeToNode(recipe, Options)!;
        return Sorted(node)!.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    public static string Sha256(Recipe recipe) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(recipe))));

    static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    /// <summary>Applies "key=value" overrides. A key is a full path ("model.layers") or a leaf name that is
    /// unique ("layers"); an unknown key is an error that lists the known ones.</summary>
    public static Recipe Override(Recipe recipe, IEnumerable<string> assignments)
    {
        // keys left out at defaults too
        var root = JsonSerializer.SerializeToNode(recipe, SnakeCaseJson.EveryKey)!.AsObject();
        var leaves = Leaves(root, "").ToList();
        var set = new Dictionary<string, string>();
        foreach (var assignment in assignments)
        {
            int eq = assignment.IndexOf('=');
            if (eq <= 0)
                throw new RecipeException($"override '{assignment}': expected key=value, e.g. learning_rate=3e-4");
            string key = assignment[..eq].Trim().Replace('-', '_'), text = assignment[(eq + 1)..].Trim();
            var matches =
                leaves.Where(l => l.Path == key || l.Path.EndsWith("." + key, StringComparison.Ordinal)).ToList();
            if (matches.Count == 0) throw Unknown(assignment, key, leaves.Select(l => l.Path).ToList());
            if (matches.Count > 1)
                throw new RecipeException(
                    $"override '{assignment}': '{key}' is ambiguous; " +
                    $"use one of {string.Join(", ", matches.Select(m => m.Path))}");
            var (path, parent, name) = matches[0];
            parent[name] = ParseValue(text, parent[name]);
            set[path] = assignment;
        }
        string json = root.ToJsonString();
        try { JsonSerializer.Deserialize<Recipe>(json, Options); }
        catch (JsonException e)
        {
            string what = JsonProblem.Explain(e, json, typeof(Recipe), Options);
            string field = what.Split(' ')[0];
            string named = set.TryGetValue(field, out var a) ? $"'{a}'" : string.Join(" ", set.Values);
            throw new RecipeException($"override {named}: {what}");
        }
        return Parse(json, "overrides");
    }

    /// <summary>The nearest key when one is close (by full path or by leaf name), else every key.</summary>
    static RecipeException Unknown(string assignment, string key, IReadOnlyList<string> paths)
    {
        var leafNames = paths.Select(p => p[(p.LastIndexOf('.') + 1)..]).Distinct().ToList();
        string? near = NearestName.Suggest(key, paths) ?? NearestName.Suggest(key, leafNames);
        return new RecipeException(near is not null
            ? $"override '{assignment}': unknown key '{key}'; did you mean '{near}'?"
            : $"override '{assignment}': unknown key '{key}'; known keys: {string.Join(", ", paths)}");
    }

    /// <summary>The value as JSON when it reads as JSON (3e-4, false, [1, 2]), else as a string; a value of the
    /// wrong kind is then explained by the field's type when the recipe is read back.</summary>
    static JsonNode? ParseValue(string text, JsonNode? current)
    {
        if (current?.GetValueKind() == JsonValueKind.String) return JsonValue.Create(text);
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }

    static IEnumerable<(string Path, JsonObject Parent, string Name)> Leaves(JsonObject o, string prefix)
    {
        foreach (var (name, value) in o)
        {
            string path = prefix + name;
            if (value is JsonObject child) foreach (var leaf in Leaves(child, path + ".")) yield return leaf;
            else yield return (path, o, name);
        }
    }
}
