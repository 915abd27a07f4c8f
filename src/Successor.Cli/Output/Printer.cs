// How a command speaks: JSON for machines (--json), otherwise human text. Results end with
// `key: value` lines that a script can read.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Successor.Cli.Output;

public sealed class Printer(bool json)
{
    public bool Json { get; } = json;

    /// <summary>A terminal that can redraw a progress bar (not redirected, not --json).</summary>
    public bool Interactive => !Json && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;

    /// <summary>One event as a JSON line (--json only).</summary>
    public void Event(string type, IEnumerable<(string Key, object? Value)> fields)
    {
        if (!Json) return;
        var o = new JsonObject { ["event"] = type };
        foreach (var (k, v) in fields) o[k] = Node(v);
        Console.WriteLine(o.ToJsonString());
    }

    /// <summary>Any value as JSON: primitives directly, anything else through the serializer.</summary>
    static JsonNode? Node(object? v) => v is null ? null : JsonSerializer.SerializeToNode(v, v.GetType());

    public void Line(string text)
    {
        if (!Json) Console.WriteLine(text);
    }

    /// <summary>The final result: `key: value` lines, or one JSON object.</summary>
    public void Result(IEnumerable<(string Key, object? Value)> fields)
    {
        if (Json)
        {
            var o = new JsonObject();
            foreach (var (k, v) in fields) o[k] = Node(v);
            Console.WriteLine(o.ToJsonString());
            return;
        }
        foreach (var (k, v) in fields) Console.WriteLine($"{k}: {Format(v)}");
    }

    static string Format(object? v) => v switch
    {
        null => "",
        float f => f.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture),
        double d => d.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
