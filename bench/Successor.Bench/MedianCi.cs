// `median-ci`: numbers on standard input, one a line; prints their median with a 95% percentile bootstrap
// interval over them (10,000 resamples, seed 1), for bench scripts that report a median over seeds.
using System.Globalization;
using Successor.Statistics;

namespace Successor.Bench;

public static class MedianCi
{
    public static int Run(string[] args)
    {
        if (args.Length > 0) throw new ArgumentException($"median-ci takes no options; got {args[0]}");
        var values = new List<double>();
        while (Console.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (!double.TryParse(line.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                throw new ArgumentException($"median-ci: \"{line.Trim()}\" on standard input is not a number");
            values.Add(v);
        }
        var random = new Random(1);
        var (median, low, high) = MedianBootstrap.Interval(values, 10_000, random.Next);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median {median:0.0000} [{low:0.0000}, {high:0.0000}] (95% bootstrap over {values.Count})"));
        return 0;
    }
}
