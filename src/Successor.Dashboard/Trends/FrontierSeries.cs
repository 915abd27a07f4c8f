// Where trend series come from: the public frontier series bundled in this assembly (frontier-series.csv,
// sources in docs/TRENDS.md), and users' own CSV files in the same format.
using System.Text;

namespace Successor.Dashboard.Trends;

public static class FrontierSeries
{
    public const string BundledFileName = "frontier-series.csv";

    /// <summary>The bundled public series, in file order.</summary>
    public static IReadOnlyList<TrendSeries> Bundled()
    {
        var assembly = typeof(FrontierSeries).Assembly;
        string resource = assembly.GetManifestResourceNames()
            .SingleOrDefault(n => n.EndsWith("." + BundledFileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{BundledFileName} is not embedded in {assembly.GetName().Name}; " +
                "see its csproj");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return TrendCsv.Parse(reader.ReadToEnd(), $"{BundledFileName} (bundled)");
    }

    /// <summary>A user's trend file. Any problem, including a missing, unreadable or oversized file, is a
    /// TrendDataException naming the file.</summary>
    public static IReadOnlyList<TrendSeries> Load(string path)
    {
        string text;
        try
        {
            if (!File.Exists(path)) throw new TrendDataException(path, null, "no such file");
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            // Read in chunks and stop just past the limit, never reading the whole of a huge file.
            var content = new StringBuilder();
            var chunk = new char[64 * 1024];
            int read;
            while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
            {
                content.Append(chunk, 0, read);
                if (content.Length > TrendCsv.MaxChars)
                    throw new TrendDataException(path, null,
                        $"the file is over the {TrendCsv.MaxChars:N0}-character limit for a trend file");
            }
            text = content.ToString();
        }
        catch (Exception e)
            when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new TrendDataException(path, null, $"cannot read it: {e.Message}");
        }
        return TrendCsv.Parse(text, path);
    }
}
