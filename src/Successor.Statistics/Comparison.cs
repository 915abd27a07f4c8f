// The result of a paired comparison of A and B over the same items (PairedBootstrap.Compare).
namespace Successor.Statistics;

/// <summary>Difference = mean(B) − mean(A) over the same items; Low/High its 95% CI.</summary>
public sealed record Comparison(double MeanA, double MeanB, double Difference, double Low, double High,
    double PValue, int Items, int Resamples);
