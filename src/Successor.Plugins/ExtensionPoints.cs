// Names, interfaces and recipe keys of the extension points, in one table the compiler, the worker and the
// researcher's prompt all read.
namespace Successor.Plugins;

public static class ExtensionPoints
{
    public static IReadOnlyList<ExtensionPoint> All { get; } = Enum.GetValues<ExtensionPoint>();

    /// <summary>The point's name in proposals and recipes ("learning_rate_schedule", ...).</summary>
    public static string Name(ExtensionPoint point) => point switch
    {
        ExtensionPoint.LearningRateSchedule => "learning_rate_schedule",
        ExtensionPoint.Activation => "activation",
        ExtensionPoint.DataFilter => "data_filter",
        _ => "auxiliary_loss",
    };

    /// <summary>The point named `name`, or null when there is none.</summary>
    public static ExtensionPoint? Parse(string name) => All.Cast<ExtensionPoint?>()
        .FirstOrDefault(p => Name(p!.Value) == name.Trim().ToLowerInvariant());

    /// <summary>The interface a plug-in for the point implements.</summary>
    public static Type Interface(ExtensionPoint point) => point switch
    {
        ExtensionPoint.LearningRateSchedule => typeof(ILearningRateSchedule),
        ExtensionPoint.Activation => typeof(IActivation),
        ExtensionPoint.DataFilter => typeof(IDataFilter),
        _ => typeof(IAuxiliaryLoss),
    };

    /// <summary>The recipe key that holds the hash of the point's accepted plug-in ("sha256:…").</summary>
    public static string RecipeKey(ExtensionPoint point) => Name(point) + "_plugin";
}
