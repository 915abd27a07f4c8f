// How one family × difficulty slice's accuracy changed from model A to model B.
namespace Successor.Evaluation.Statistics;

public sealed record SliceDelta(string Family, int Difficulty, double AccuracyA, double AccuracyB)
{
    public double Delta => AccuracyB - AccuracyA;
}
