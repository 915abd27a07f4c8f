// Everything a researcher is shown that came from data or logs — slice names, findings, earlier rationales,
// compiler messages — goes into one block of JSON between <lab-data> markers. Inside, every string is JSON-escaped
// and `<`, `>`, `&`, quotes and backticks are written as \u escapes, so no text in the data can close the block,
// open a code fence or start a line of its own: it stays data, whatever it says.
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Successor.Research.LanguageModels;

public static class DataQuote
{
    public const string Open = "<lab-data>", Close = "</lab-data>";

    static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.Default, // escapes < > & ' " + and all non-ASCII
    };

    /// <summary>The data as a quoted block: the markers on lines of their own around escaped JSON.</summary>
    public static string Block(JsonNode data) =>
        $"{Open}\n{data.ToJsonString(Options).Replace("`", "\\u0060", StringComparison.Ordinal)}\n{Close}";

    /// <summary>The JSON inside the one quoted block of `text`, or null when there is not exactly one.</summary>
    public static JsonNode? Unquote(string text)
    {
        int open = text.IndexOf(Open, StringComparison.Ordinal), close = text.IndexOf(Close, StringComparison.Ordinal);
        if (open < 0 || close < open || text.IndexOf(Open, open + 1, StringComparison.Ordinal) >= 0
            || text.IndexOf(Close, close + 1, StringComparison.Ordinal) >= 0) return null;
        return JsonNode.Parse(text[(open + Open.Length)..close]);
    }
}
