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

    /// <summary>What a plug-in for the point must be, as a researcher is told: a public class with a parameterless
    /// constructor implementing the interface, in C# (the types it takes included).</summary>
    public static string Contract(ExtensionPoint point) => point switch
    {
        ExtensionPoint.LearningRateSchedule =>
            "public interface ILearningRateSchedule { double LearningRate(ScheduleStep step); } " +
            "public readonly record struct ScheduleStep(int Step, int Steps, int WarmupSteps, " +
            "double PeakLearningRate, double MinLearningRate, double BuiltIn); // BuiltIn: the recipe's own rate",
        ExtensionPoint.Activation => "public interface IActivation { void Forward(ReadOnlySpan<float> input, " +
            "Span<float> output); void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, " +
            "Span<float> inputGradient); }",
        ExtensionPoint.DataFilter =>
            "public interface IDataFilter { bool Keep(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets); }",
        _ => "public interface IAuxiliaryLoss { double AddLoss(ReadOnlySpan<float> weights, Span<float> gradients); }",
    } + " (namespace Successor.Plugins; a public class with a parameterless constructor implements it)";
}
