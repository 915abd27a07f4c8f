// The single most likely level shift in a curve and whether it is large enough to act on.
namespace Successor.Safety.Monitors;

/// <param name="Index">First index of the new level: the shift happened between Index − 1 and Index.</param>
/// <param name="Shift">Estimated size of the shift, in the curve's units; positive when the curve jumped up.</param>
/// <param name="Statistic">Shift / NoiseScale: the shift in robust standard deviations of the first
/// differences.</param>
/// <param name="NoiseScale">1.4826 × MAD of the first differences (0 for an exactly straight curve).</param>
/// <param name="Detected">|Statistic| reached the threshold.</param>
public sealed record ChangePointResult(int Index, double Shift, double Statistic, double NoiseScale,
    bool Detected);
