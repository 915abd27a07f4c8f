// The shape of a wsd schedule's cooldown.
namespace Successor.Training.Recipes;

/// <summary>The shape of a wsd cooldown from the peak to the floor: linear, or 1 − sqrt of the cooldown's
/// progress, which Hägele et al. 2024 find better than linear (it stays lower for longer, then drops).</summary>
public enum CooldownShape { Linear, Sqrt }
