// Reads a model's reply: the one JSON object in it (a code fence around it is allowed), checked against
// ProposalSchema field by field, each override applied to the champion's recipe to prove it is a valid change,
// and everything screened (ReplyScreen). A proposal with a problem or a gaming attempt is dropped; the others
// stand. Problems name the field and what is wrong, so the model can fix them on its next try.
using System.Text.Json;
using Successor.Training.Recipes;

namespace Successor.Research.LanguageModels;

public sealed class ReplyReader(Recipe champion, IReadOnlyList<PluginPoint> points, string target)
{
    public ReplyReading Read(string reply, int count)
    {
        var problems = new List<string>();
        var gaming = new List<GamingAttempt>();
        var proposals = new List<Proposal>();
        int start = reply.IndexOf('{'), end = reply.LastIndexOf('}');
        if (start < 0 || end < start) return new([], ["the reply holds no JSON object"], []);
        JsonDocument document;
        try { document = JsonDocument.Parse(reply[start..(end + 1)], new JsonDocumentOptions { MaxDepth = 16 }); }
        catch (JsonException e) { return new([], [$"the reply is not valid JSON: {e.Message}"], []); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new([], ["the reply is not a JSON object"], []);
            Unknown(root, ["proposals"], "the reply", problems, gaming);
            if (!root.TryGetProperty("proposals", out var list) || list.ValueKind != JsonValueKind.Array)
                problems.Add("proposals: missing or not an array");
            else
            {
                if (list.GetArrayLength() > count)
                    problems.Add($"proposals: {list.GetArrayLength()} given, at most {count} asked for; the first " +
                        $"{count} were read");
                int i = 0;
                foreach (var item in list.EnumerateArray().Take(count))
                    if (ReadProposal(item, ++i, problems, gaming) is { } p) proposals.Add(p);
            }
        }
        // A reply that reached for a protected surface anywhere is refused whole: none of its proposals stands.
        return new(gaming.Count > 0 ? [] : proposals, problems, gaming);
    }

    Proposal? ReadProposal(JsonElement item, int i, List<string> problems, List<GamingAttempt> gaming)
    {
        string at = $"proposals[{i}]";
        if (item.ValueKind != JsonValueKind.Object) { problems.Add($"{at}: not an object"); return null; }
        int before = problems.Count, gamingBefore = gaming.Count;
        Unknown(item, ["overrides", "plugins", "targets", "rationale"], at, problems, gaming);
        var overrides = Strings(item, "overrides", at, problems);
        foreach (var o in overrides)
        {
            int eq = o.IndexOf('=');
            if (eq <= 0) { problems.Add($"{at}.overrides: \"{Short(o)}\" is not key=value"); continue; }
            if (ReplyScreen.Override(o[..eq], o[(eq + 1)..]) is { } surface)
                gaming.Add(new(surface, $"{at} overrides {Short(o)}"));
        }
        var plugins = Plugins(item, at, problems, gaming);
        string rationale = Text(item, "rationale", at, problems, required: true, ProposalSchema.MaxRationale);
        string targets = Text(item, "targets", at, problems, required: false, ProposalSchema.MaxRationale);
        if (overrides.Count == 0 && plugins.Count == 0)
            problems.Add($"{at}: changes nothing (no overrides or plugins)");
        if (problems.Count == before && gaming.Count == gamingBefore && overrides.Count > 0)
        {
            try { RecipeJson.Override(champion, overrides); }
            catch (RecipeException e) { problems.Add($"{at}.overrides: {e.Message}"); }
        }
        if (problems.Count > before || gaming.Count > gamingBefore) return null;
        return new($"p{i}", overrides, targets.Length > 0 ? targets : target, rationale) { Plugins = plugins };
    }

    List<PluginProposal> Plugins(JsonElement item, string at, List<string> problems, List<GamingAttempt> gaming)
    {
        var result = new List<PluginProposal>();
        if (!item.TryGetProperty("plugins", out var list)) return result;
        if (list.ValueKind != JsonValueKind.Array) { problems.Add($"{at}.plugins: not an array"); return result; }
        int j = 0;
        foreach (var p in list.EnumerateArray())
        {
            string where = $"{at}.plugins[{++j}]";
            if (p.ValueKind != JsonValueKind.Object) { problems.Add($"{where}: not an object"); continue; }
            Unknown(p, ["point", "source"], where, problems, gaming);
            string point = Text(p, "point", where, problems, required: true, 100);
            string source = Text(p, "source", where, problems, required: true, ProposalSchema.MaxSource);
            if (point.Length == 0 || source.Length == 0) continue;
            if (ReplyScreen.Point(point) is { } surface)
                gaming.Add(new(surface, $"{where} asks for extension point \"{Short(point)}\""));
            else if (!points.Any(x => x.Name == point))
                problems.Add($"{where}.point: \"{Short(point)}\" is not an extension point; use one of " +
                    (points.Count == 0 ? "(none: this lab takes no plug-ins)"
                        : string.Join(", ", points.Select(x => x.Name))));
            var reached = ReplyScreen.Source(source);
            gaming.AddRange(reached.Select(r => r with { Detail = $"{where}: {r.Detail}" }));
            result.Add(new(point, source));
        }
        return result;
    }

    /// <summary>Fields the schema does not name: an attempt when the name reaches a protected surface, else a
    /// problem.</summary>
    static void Unknown(JsonElement obj, string[] known, string at, List<string> problems, List<GamingAttempt> gaming)
    {
        foreach (var member in obj.EnumerateObject().Where(m => !known.Contains(m.Name)))
        {
            if (ReplyScreen.Member(member.Name) is { } surface)
                gaming.Add(new(surface,
                    $"{at} has a field \"{Short(member.Name)}\": {Short(member.Value.GetRawText())}"));
            else problems.Add($"{at}: unknown field \"{Short(member.Name)}\"");
        }
    }

    static List<string> Strings(JsonElement item, string name, string at, List<string> problems)
    {
        if (!item.TryGetProperty(name, out var list)) return [];
        if (list.ValueKind != JsonValueKind.Array
            || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            problems.Add($"{at}.{name}: not an array of strings");
            return [];
        }
        return [.. list.EnumerateArray().Select(e => e.GetString()!.Trim())];
    }

    static string Text(JsonElement item, string name, string at, List<string> problems, bool required, int max)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            if (required) problems.Add($"{at}.{name}: missing");
            return "";
        }
        if (value.ValueKind != JsonValueKind.String) { problems.Add($"{at}.{name}: not a string"); return ""; }
        string text = value.GetString()!;
        if (text.Length > max) { problems.Add($"{at}.{name}: {text.Length} characters, at most {max}"); return ""; }
        return text;
    }

    /// <summary>A quoted piece of the reply, short enough for a problem line or an incident.</summary>
    public static string Short(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
