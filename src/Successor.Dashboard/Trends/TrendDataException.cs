// The one error a malformed trend file produces: it names the file, the line and what is wrong.
namespace Successor.Dashboard.Trends;

/// <summary>Line is 1-based, or null when the problem is the whole file (missing, unreadable, too large).</summary>
public sealed class TrendDataException(string fileName, int? line, string problem)
    : Exception(line is int n ? $"{fileName}, line {n}: {problem}" : $"{fileName}: {problem}")
{
    public string FileName { get; } = fileName;
    public int? Line { get; } = line;
}
