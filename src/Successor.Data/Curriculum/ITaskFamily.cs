// A task family: a seeded generator with a difficulty knob and an exact checker. The checker solves
// the prompt itself (it never trusts a stored answer), so it can judge model-generated data too.
using Successor.Tensors;

namespace Successor.Data.Curriculum;

public interface ITaskFamily
{
    /// <summary>The tag that starts every prompt of this family.</summary>
    string Name { get; }
    /// <summary>What difficulty d means for this family.</summary>
    string Difficulty { get; }
    /// <summary>A random problem of difficulty d ≥ 1; the draw depends only on rng's state.</summary>
    Problem Generate(Rng rng, int d);
    /// <summary>The correct answer to a prompt of this family, or null when the prompt is malformed.</summary>
    string? Solve(string prompt);
}
