// A recipe that cannot be used: one line that names the field, what is wrong and what would be right.
namespace Successor.Training.Recipes;

public sealed class RecipeException(string message) : Exception(message);
