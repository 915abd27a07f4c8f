// The learning-rate schedule of a recipe.
namespace Successor.Training.Recipes;

/// <summary>Wsd: warmup, then the peak held, then a cooldown (cooldown_shape) to the floor over the last cooldown_steps
/// (warmup-stable-decay, as MiniCPM; Hägele et al. 2024 find it matches cosine). Its stable part does not
/// depend on the run's length, so a longer run continues a shorter one's state exactly.</summary>
public enum Schedule { Cosine, Linear, Constant, Wsd }
