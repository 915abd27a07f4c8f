// A capability horizon as it may be shown: a number only inside the difficulties that were tested. The
// logistic fit extrapolates freely (a model below 50% already at the easiest difficulty gets a negative
// "horizon"), but what was measured is only that the horizon lies below the easiest or above the hardest
// difficulty tested; that is a bound ("< 1", "> 12"), never a figure.
using System.Globalization;

namespace Successor.Records;

/// <summary>Value is the fitted horizon when it lies inside the tested range, else null; Bound is "below" or
/// "above" when it does not, with Edge the easiest or hardest difficulty tested (null when the record is
/// older than the range it keeps).</summary>
public sealed record HorizonReading(double? Value, string? Bound, int? Edge)
{
    public const string Below = "below", Above = "above";

    /// <summary>status: the fit's "fitted", "below_range" or "above_range"; easiest and hardest: the tested
    /// difficulties' range, when known. A fitted value outside the range is a bound too.</summary>
    public static HorizonReading Of(double? value, string? status, int? easiest, int? hardest)
    {
        if (status == "below_range" || value < easiest) return new(null, Below, easiest);
        if (status == "above_range" || value > hardest) return new(null, Above, hardest);
        return new(value, null, null);
    }

    /// <summary>A CI endpoint read the same way; a missing upper endpoint (some resamples never cross one
    /// half) is above the range.</summary>
    public static HorizonReading Endpoint(double? value, int? easiest, int? hardest, bool upper) =>
        value is null && upper ? new(null, Above, hardest) : Of(value, null, easiest, hardest);

    /// <summary>"3.42", "&lt; 1", "&gt; 12", "below the range tested", or "none".</summary>
    public string Text => (Bound, Edge) switch
    {
        (Below, { } e) => $"< {e.ToString(CultureInfo.InvariantCulture)}",
        (Above, { } e) => $"> {e.ToString(CultureInfo.InvariantCulture)}",
        (Below, null) => "below the range tested",
        (Above, null) => "above the range tested",
        _ => Value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "none",
    };

    /// <summary>"3.42 [2.10, &gt; 12]": the horizon and its 95% CI, every part read against the range.</summary>
    public static string WithInterval(double? value, double? low, double? high, string? status, int? easiest,
        int? hardest)
    {
        var point = Of(value, status, easiest, hardest);
        if (point.Value is null && point.Bound is null) return "none";
        // an interval reaches at least as far as its point: below the range, so is its lower end
        var from = point.Bound == Below ? point : Endpoint(low, easiest, hardest, upper: false);
        var to = point.Bound == Above ? point : Endpoint(high, easiest, hardest, upper: true);
        return $"{point.Text} [{from.Text}, {to.Text}]";
    }
}
