// An extension point as a researcher is told about it: its name ("learning_rate_schedule", …) and the C# contract
// a plug-in must meet there.
namespace Successor.Research;

public sealed record PluginPoint(string Name, string Contract)
{
    /// <summary>The recipe key that carries the hash of the point's accepted plug-in.</summary>
    public static string RecipeKey(string point) => point + "_plugin";
}
