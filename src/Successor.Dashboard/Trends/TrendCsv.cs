// Reads trend series from CSV text (format in docs/TRENDS.md): one row per point, the series' own columns
// repeated on every row. Validation is strict because users write these files by hand: the first problem
// found is a TrendDataException naming the file, the line and what would be right. Input is bounded
// (MaxChars) so a hostile file costs at most a few megabytes of memory.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Successor.Dashboard.Trends;

public static partial class TrendCsv
{
    public const string Header = "id,date,value,kind,unit,forecast,targets,name,source";
    public const int MaxChars = 4 * 1024 * 1024;
    const int MaxTargets = 8, MaxNameChars = 200, MaxUnitChars = 40, MaxSourceChars = 2000;
    static readonly string[] Columns = Header.Split(',');
    static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    /// <summary>The series in the order they first appear, each with its points sorted by date.</summary>
    public static IReadOnlyList<TrendSeries> Parse(string text, string fileName)
    {
        if (text.Length > MaxChars)
            throw new TrendDataException(fileName, null,
                $"{text.Length:N0} characters is over the {MaxChars:N0}-character limit for a trend file");
        var lines = text.Split('\n');
        var series = new List<SeriesBuilder>();
        var byId = new Dictionary<string, SeriesBuilder>(StringComparer.Ordinal);
        int? headerLine = null;
        for (int index = 0; index < lines.Length; index++)
        {
            int lineNumber = index + 1;
            string line = lines[index].TrimEnd('\r');
            if (index == 0) line = line.TrimStart('\uFEFF');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            TrendDataException Error(string problem) => new(fileName, lineNumber, problem);

            var fields = CsvLine.Split(line, out var quoting) ?? throw Error(quoting!);
            if (headerLine is null)
            {
                if (!fields.SequenceEqual(Columns, StringComparer.Ordinal))
                    throw Error($"the header is '{Clip(line)}'; expected '{Header}'");
                headerLine = lineNumber;
                continue;
            }
            if (fields.Count != Columns.Length)
                throw Error($"{fields.Count} fields; expected {Columns.Length} ({Header}); " +
                    "quote a field that contains a comma");
            var row = ParseRow(fields, Error);
            if (byId.TryGetValue(row.Id, out var existing)) existing.Add(row, lineNumber, Error);
            else
            {
                var created = new SeriesBuilder(row, lineNumber);
                byId[row.Id] = created;
                series.Add(created);
            }
        }
        if (headerLine is null)
            throw new TrendDataException(fileName, 1, "the file is empty (blank lines and # comments only); " +
                $"expected the header '{Header}' and one row per point");
        if (series.Count == 0)
            throw new TrendDataException(fileName, headerLine.Value,
                "the header has no data rows after it; add one row per point");
        return series.Select(s => s.Build()).ToList();
    }

    static Row ParseRow(List<string> f, Func<string, TrendDataException> error)
    {
        string id = f[0], dateText = f[1], valueText = f[2], kindText = f[3], unit = f[4],
            forecastText = f[5], targetsText = f[6], name = f[7], source = f[8];
        if (!IdPattern().IsMatch(id))
            throw error($"id '{Clip(id)}' is not valid; use 1–64 letters, digits, '.', '_' or '-', " +
                "starting with a letter or digit");
        if (!DateTimeOffset.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            throw error($"date '{Clip(dateText)}' is not a date; expected yyyy-MM-dd, " +
                "or a time such as 2026-04-15T10:30:00Z");
        var kind = kindText switch
        {
            "exponential" => TrendKind.Exponential,
            "percent" => TrendKind.Percent,
            "reference" => TrendKind.Reference,
            _ => throw error($"kind '{Clip(kindText)}' is unknown; expected exponential, percent or reference"),
        };
        double value = Number(valueText, "value", kind, error);
        if (unit.Length == 0 || unit.Length > MaxUnitChars)
            throw error($"unit is {(unit.Length == 0 ? "empty" : "too long")}; " +
                $"write what the value measures in 1–{MaxUnitChars} characters, e.g. minutes or %");
        bool forecast = forecastText switch
        {
            "true" => true,
            "false" => false,
            _ => throw error($"forecast '{Clip(forecastText)}' is not true or false"),
        };
        var targets = new List<double>();
        if (targetsText.Length > 0)
        {
            if (kind == TrendKind.Reference)
                throw error("a reference series is not fitted, so it takes no targets; leave targets empty");
            var parts = targetsText.Split(';');
            if (parts.Length > MaxTargets)
                throw error($"{parts.Length} targets; at most {MaxTargets}, separated by ';'");
            foreach (var part in parts) targets.Add(Number(part.Trim(), "target", kind, error));
        }
        if (name.Length == 0 || name.Length > MaxNameChars)
            throw error($"name is {(name.Length == 0 ? "empty" : "too long")}; use 1–{MaxNameChars} characters");
        if (source.Length > MaxSourceChars)
            throw error($"source is {source.Length:N0} characters; at most {MaxSourceChars:N0}");
        return new Row(id, date, value, kind, unit, forecast, targets, name, source);
    }

    static double Number(string text, string what, TrendKind kind, Func<string, TrendDataException> error)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            || !double.IsFinite(value))
            throw error($"{what} '{Clip(text)}' is not a number; write it like 93.9 or 1.5e3, " +
                "with a '.' for the decimal point");
        if (TrendScale.Unusable(kind, value) is string why)
            throw error($"{what} {why} ({kind.ToString().ToLowerInvariant()} series)");
        return value;
    }

    static string Clip(string text) => text.Length <= 80 ? text : text[..77] + "...";

    sealed record Row(string Id, DateTimeOffset Date, double Value, TrendKind Kind, string Unit, bool Forecast,
        List<double> Targets, string Name, string Source);

    /// <summary>Collects one series' rows; every row must repeat the first row's series columns.</summary>
    sealed class SeriesBuilder(Row first, int firstLine)
    {
        readonly Dictionary<long, int> lineByInstant = new() { [first.Date.UtcTicks] = firstLine };
        readonly List<TrendPoint> points = [new TrendPoint(first.Date, first.Value)];

        public void Add(Row row, int line, Func<string, TrendDataException> error)
        {
            string? differing =
                row.Kind != first.Kind ? "kind" :
                row.Unit != first.Unit ? "unit" :
                row.Forecast != first.Forecast ? "forecast" :
                !row.Targets.SequenceEqual(first.Targets) ? "targets" :
                row.Name != first.Name ? "name" :
                row.Source != first.Source ? "source" : null;
            if (differing is not null)
                throw error($"series '{row.Id}' has a different {differing} here than on line {firstLine}; " +
                    "repeat the same kind, unit, forecast, targets, name and source on every row of a series");
            if (lineByInstant.TryGetValue(row.Date.UtcTicks, out int earlier))
                throw error($"series '{row.Id}' already has a point at {row.Date:yyyy-MM-dd HH:mm:ss}Z (line " +
                    $"{earlier}); one point per date");
            lineByInstant[row.Date.UtcTicks] = line;
            points.Add(new TrendPoint(row.Date, row.Value));
        }

        public TrendSeries Build() => new(first.Id, first.Name, first.Unit, first.Kind, first.Source, first.Forecast,
            points.OrderBy(p => p.Date).ToList(), first.Targets.ToList());
    }
}
