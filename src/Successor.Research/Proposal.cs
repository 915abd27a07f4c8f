// What a researcher hands the lab: a recipe change as `key=value` overrides (the same syntax as
// `successor train --set`), the weakness it targets, and why it was chosen.
namespace Successor.Research;

public sealed record Proposal(string Id, IReadOnlyList<string> Overrides, string Targets, string Rationale)
{
    public const string ControlId = "control";

    /// <summary>The control: the champion's recipe unchanged, trained with the same budget, so every
    /// change is measured against more training of the same kind rather than against no training.</summary>
    public static Proposal Control(string targets) =>
        new(ControlId, [], targets, "no change: the baseline every proposal is compared with");

    /// <summary>Plug-ins for the lab's extension points, each compiled and checked before it was accepted.</summary>
    public IReadOnlyList<PluginProposal> Plugins { get; init; } = [];

    public bool IsControl => Overrides.Count == 0 && Plugins.Count == 0;
}
