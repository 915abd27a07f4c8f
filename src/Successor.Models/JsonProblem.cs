// One line for a JSON file that does not read as the record it should be: where (line and column), which field
// (its path), what was found, what is expected, and the nearest known key for a misspelt one. The serializer's
// own messages name .NET types and byte offsets; none of that reaches the user.
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Successor.Models;

public static partial class JsonProblem
{
    /// <summary>The tail of a message whose head names the file: ", line 3, column 5: unknown key …" (": …"
    /// when the reader gave no position).</summary>
    public static string Describe(JsonException e, string text, Type target, JsonSerializerOptions options)
    {
        var (what, token) = Explained(e, text, target, options);
        return e.LineNumber is { } line && e.BytePositionInLine is { } bytes
            ? $", line {line + 1}, column {Column(text, (int)line, bytes, token)}: {what}"
            : $": {what}";
    }

    /// <summary>The same without the position, for JSON the user did not write as such (assembled from
    /// `key=value` overrides, say): "model.layers is 1.5; expected a whole number".</summary>
    public static string Explain(JsonException e, string text, Type target, JsonSerializerOptions options) =>
        Explained(e, text, target, options).What;

    /// <summary>What is wrong, and the text of the token it is about (the reader reports the place after it).
    /// </summary>
    static (string What, string? Token) Explained(JsonException e, string text, Type target,
        JsonSerializerOptions options)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = options.ReadCommentHandling,
                AllowTrailingCommas = options.AllowTrailingCommas,
            });
        }
        catch (JsonException syntax)
        {
            string said = Syntax(syntax.Message);
            var quoted = Regex.Match(said, "'([^']+)'");
            return ($"not valid JSON: {said}", quoted.Success ? quoted.Groups[1].Value : null);
        }
        var info = options.GetTypeInfo(target);
        JsonNode? node = root;
        string field = "";
        foreach (var segment in Segments(e.Path ?? "$"))
        {
            if (segment.Index is { } index)
            {
                if (info.Kind != JsonTypeInfoKind.Enumerable) break;
                info = options.GetTypeInfo(info.ElementType!);
                node = node is JsonArray a && index < a.Count ? a[index] : null;
                field += $"[{index}]";
                continue;
            }
            string name = segment.Name!;
            if (info.Kind == JsonTypeInfoKind.Object)
            {
                var property = info.Properties.FirstOrDefault(p => p.Name == name);
                if (property is null)
                    return (Unknown(name, field, info.Properties.Select(p => p.Name).ToList(),
                        Paths(options, options.GetTypeInfo(target), "", 0).ToList()), $"\"{name}\"");
                info = options.GetTypeInfo(property.PropertyType);
            }
            else if (info.Kind == JsonTypeInfoKind.Dictionary) info = options.GetTypeInfo(info.ElementType!);
            else break;
            node = node is JsonObject o && o.TryGetPropertyValue(name, out var child) ? child : null;
            field = field.Length == 0 ? name : $"{field}.{name}";
        }
        string subject = field.Length == 0 ? "the document" : field;
        string? token = node switch { null => null, JsonObject => "{", JsonArray => "[", _ => node.ToJsonString() };
        if (!FromFramework(e.Message)) return (field.Length == 0 ? e.Message : $"{field}: {e.Message}", token);
        return ($"{subject} is {Found(node)}; expected {Expected(info.Type, options, node)}", token);
    }

    /// <summary>The nearest key at the same level; else a key of that name elsewhere in the document (a
    /// budget put at the top level, say); else the keys that are allowed here.</summary>
    static string Unknown(string name, string parent, IReadOnlyList<string> known, IReadOnlyList<string> everywhere)
    {
        string where = parent.Length == 0 ? "" : $" in {parent}";
        if (NearestName.Suggest(name, known) is { } near)
            return $"unknown key \"{name}\"{where}; did you mean \"{near}\"?";
        var elsewhere = everywhere.Where(p => p.EndsWith("." + name, StringComparison.Ordinal)).ToList();
        if (elsewhere.Count > 0)
            return $"unknown key \"{name}\"{where}; it belongs in " +
                string.Join(" or ", elsewhere.Select(p => $"\"{p[..p.LastIndexOf('.')]}\" (as {p})"));
        return $"unknown key \"{name}\"{where}; the keys here are {string.Join(", ", known)}";
    }

    /// <summary>Every key path of an object type, nested objects included, a few levels deep.</summary>
    static IEnumerable<string> Paths(JsonSerializerOptions options, JsonTypeInfo info, string prefix, int depth)
    {
        if (info.Kind != JsonTypeInfoKind.Object || depth > 3) yield break;
        foreach (var p in info.Properties)
        {
            string path = prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}";
            yield return path;
            foreach (var inner in Paths(options, options.GetTypeInfo(p.PropertyType), path, depth + 1))
                yield return inner;
        }
    }

    /// <summary>What the serializer writes itself (and so names .NET types or byte offsets), as against a
    /// message a converter of ours wrote for people.</summary>
    static bool FromFramework(string message) =>
        new[] { "Path: ", "System.", ".NET", "could not be" }.Any(m => message.Contains(m, StringComparison.Ordinal));

    static string Found(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"the text {Short(v.ToJsonString())}",
        _ => Short(node.ToJsonString()),
    };

    static string Short(string s) => s.Length <= 40 ? s : s[..37] + "...";

    static string Expected(Type type, JsonSerializerOptions options, JsonNode? found)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return Expected(inner, options, found) + " or null";
        // the range only helps a whole number too large; a fraction is simply not whole
        bool number = found is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
            && d == Math.Floor(d);
        if (type == typeof(int))
            return number ? $"a whole number from {int.MinValue} to {int.MaxValue}" : "a whole number";
        if (type == typeof(long) || type == typeof(short)) return "a whole number";
        if (type == typeof(ulong) || type == typeof(uint) || type == typeof(ushort) || type == typeof(byte))
            return "a whole number, 0 or more";
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return "a number";
        if (type == typeof(string)) return "a string in double quotes";
        if (type == typeof(bool)) return "true or false";
        if (type.IsEnum)
            return "one of " + string.Join(", ", Enum.GetNames(type).Select(n =>
                type.GetField(n)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                    ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(n)));
        return options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "a list [ ... ]",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object { ... }",
            _ => "a value of another kind",
        };
    }

    /// <summary>A syntax error of a JSON reader (JsonDocument, JsonNode) in words, without the position and
    /// offsets the reader appends.</summary>
    public static string Syntax(JsonException e) => Syntax(e.Message);

    /// <summary>The reader's description of a syntax error without the position it appends (given once, as line
    /// and column, by the caller).</summary>
    static string Syntax(string message)
    {
        string first = message.Split('\n')[0];
        int tail = first.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (tail < 0) tail = first.IndexOf(" Path:", StringComparison.Ordinal);
        string text = (tail < 0 ? first : first[..tail]).Trim().TrimEnd('|').Trim();
        if (text.Contains("Expected depth to be zero", StringComparison.Ordinal)
            || text.Contains("end of data", StringComparison.OrdinalIgnoreCase))
            return "the text ends before every { and [ is closed";
        var literal = Regex.Match(text, @"^'([^\s'}\],]+)[^']*' is an invalid (JSON literal|start of a value)");
        var after = Regex.Match(text, @"^'(.)' is invalid after a value\.");
        if (after.Success) return $"a comma is missing before '{after.Groups[1].Value}' (or a closing }} or ])";
        var key = Regex.Match(text, @"^'(.)' is an invalid start of a property name");
        if (key.Success) return $"'{key.Groups[1].Value}' cannot start a key; a key is \"text\" in double quotes";
        if (literal.Success)
            return $"'{literal.Groups[1].Value}' is not a value; a value is a number, \"text\", true, false, null, " +
                "{ ... } or [ ... ]";
        return text.Replace("JSON payload", "file", StringComparison.Ordinal).TrimEnd('.');
    }

    /// <summary>The 1-based column, in characters, where the token ends at or before a byte offset within a
    /// 0-based line starts (the offset itself when the token is not found there).</summary>
    static int Column(string text, int line, long bytes, string? token)
    {
        var lines = text.Split('\n');
        if (line >= lines.Length) return (int)bytes + 1;
        var utf8 = Encoding.UTF8.GetBytes(lines[line]);
        int at = Encoding.UTF8.GetCharCount(utf8, 0, (int)Math.Min(bytes, utf8.Length));
        string before = token is null ? "" : lines[line][..Math.Min(lines[line].Length, at + token.Length)];
        int start = token is null ? -1 : before.LastIndexOf(token, StringComparison.Ordinal);
        return (start >= 0 ? start : at) + 1;
    }

    readonly record struct Segment(string? Name, int? Index);

    static IEnumerable<Segment> Segments(string path)
    {
        foreach (Match m in PathSegment().Matches(path))
            yield return m.Groups["index"].Success
                ? new Segment(null, int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture))
                : new Segment(m.Groups["plain"].Success ? m.Groups["plain"].Value
                    : m.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal), null);
    }

    [GeneratedRegex(@"\.(?<plain>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>(?:[^']|'')*)'\]")]
    private static partial Regex PathSegment();
}
