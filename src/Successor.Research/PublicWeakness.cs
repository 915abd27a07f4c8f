// A weak spot of the champion on public validation, as a researcher sees it.
namespace Successor.Research;

/// <summary>A weak spot of the champion on public validation: a curriculum slice ("radd d=4") with its
/// accuracy, or a validation document with its loss.</summary>
public sealed record PublicWeakness(string Slice, double Score, string Metric)
{
    public override string ToString() => $"{Slice} (public {Metric} {Score:0.00})";
}
