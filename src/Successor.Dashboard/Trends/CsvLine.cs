// Splits one line of a trend CSV into fields (RFC 4180 on a single line): commas separate fields, a field in
// double quotes may hold commas, and "" inside quotes is one quote. Whitespace around a field is dropped.
using System.Text;

namespace Successor.Dashboard.Trends;

static class CsvLine
{
    /// <summary>The fields, or null with the reason when the quoting is broken.</summary>
    public static List<string>? Split(string line, out string? error)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        error = null;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            if (i < line.Length && line[i] == '"')
            {
                int opened = i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        error = $"the quote opened at column {opened + 1} is never closed";
                        return null;
                    }
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                while (i < line.Length && line[i] is ' ' or '\t') i++;
                if (i < line.Length && line[i] != ',')
                {
                    error = $"unexpected text after the closing quote at column {i + 1}; quote the whole field";
                    return null;
                }
                fields.Add(field.ToString());
            }
            else
            {
                int start = i;
                while (i < line.Length && line[i] != ',')
                {
                    if (line[i] == '"')
                    {
                        error = $"a quote at column {i + 1} inside an unquoted field; " +
                            "quote the whole field and double the inner quotes";
                        return null;
                    }
                    i++;
                }
                fields.Add(line[start..i].Trim());
            }
            field.Clear();
            if (i >= line.Length) return fields;
            i++; // the comma
        }
    }
}
