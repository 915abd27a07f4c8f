// Exact-match accuracy on one family × difficulty slice of the curriculum.
namespace Successor.Evaluation.Curriculum;

public sealed record SliceResult(string Family, int Difficulty, int Count, int Correct)
{
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;
}
