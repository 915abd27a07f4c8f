// Canonical JSON: the exact bytes the ledger hashes. Follows RFC 8785 (JSON Canonicalization
// Scheme) for the values the ledger uses: object keys sorted by UTF-16 code units, no
// insignificant whitespace, strings with the minimal escapes of ECMAScript JSON.stringify, and
// numbers in ECMAScript Number.prototype.toString form (RFC 8785 section 3.2.2.3).
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Successor.Ledger.Canonical;

public static class CanonicalJson
{
    /// <summary>Largest integer a double holds exactly (2^53); beyond it RFC 8785 formats as a double.</summary>
    private const long MaxExactInteger = 9_007_199_254_740_992;

    public static string Serialize(JsonNode? node) =>
        Canonicalize(node is null ? "null" : node.ToJsonString());

    /// <summary>Parses any JSON text and writes it back in canonical form.</summary>
    public static string Canonicalize(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new LedgerException($"json: not valid JSON ({e.Message}); expected one JSON value");
        }
        using (document)
        {
            var sb = new StringBuilder(json.Length);
            Write(document.RootElement, sb);
            return sb.ToString();
        }
    }

    public static byte[] ToUtf8(JsonNode? node) => Encoding.UTF8.GetBytes(Serialize(node));

    private static void Write(JsonElement e, StringBuilder sb)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = new List<JsonProperty>();
                foreach (var p in e.EnumerateObject()) properties.Add(p);
                properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                sb.Append('{');
                for (int i = 0; i < properties.Count; i++)
                {
                    if (i > 0)
                    {
                        if (properties[i].Name == properties[i - 1].Name)
                            throw new LedgerException(
                                $"json: key \"{properties[i].Name}\" appears twice in one object; keys must be unique");
                        sb.Append(',');
                    }
                    WriteString(properties[i].Name, sb);
                    sb.Append(':');
                    Write(properties[i].Value, sb);
                }
                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                bool first = true;
                foreach (var item in e.EnumerateArray())
                {
                    if (!first) sb.Append(',');
                    first = false;
                    Write(item, sb);
                }
                sb.Append(']');
                break;
            case JsonValueKind.String: WriteString(e.GetString()!, sb); break;
            case JsonValueKind.Number: sb.Append(FormatNumber(e)); break;
            case JsonValueKind.True: sb.Append("true"); break;
            case JsonValueKind.False: sb.Append("false"); break;
            default: sb.Append("null"); break;
        }
    }

    private static string FormatNumber(JsonElement e)
    {
        if (e.TryGetInt64(out long l) && l >= -MaxExactInteger && l <= MaxExactInteger)
            return l.ToString(CultureInfo.InvariantCulture);
        return FormatDouble(e.GetDouble());
    }

    /// <summary>ECMAScript Number::toString for a finite double (ECMA-262, 7.1.12.1).</summary>
    public static string FormatDouble(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
            throw new LedgerException($"json: number {x} has no JSON form; use a finite number");
        if (x == 0) return "0";
        if (x < 0) return "-" + FormatDouble(-x);

        // Shortest round-trip digits from .NET ("R"), then laid out the ECMAScript way.
        string r = x.ToString("R", CultureInfo.InvariantCulture);
        int ePos = r.IndexOf('E');
        string mantissa = ePos < 0 ? r : r[..ePos];
        int exponent = ePos < 0 ? 0 : int.Parse(r[(ePos + 1)..], CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.');
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int n = (dot < 0 ? mantissa.Length : dot) + exponent; // value = 0.digits × 10^n
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits[lead..].TrimEnd('0');
        n -= lead;
        int k = digits.Length;

        if (k <= n && n <= 21) return digits + new string('0', n - k);
        if (0 < n && n <= 21) return digits[..n] + "." + digits[n..];
        if (-6 < n && n <= 0) return "0." + new string('0', -n) + digits;
        int e = n - 1;
        string exp = (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        return k == 1 ? digits + "e" + exp : digits[0] + "." + digits[1..] + "e" + exp;
    }

    private static void WriteString(string s, StringBuilder sb)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
