// A proposal the same researcher made in an earlier generation, so it can see what it tried; the outcome is the
// lab memory's finding of the same generation and id, when one was recorded.
namespace Successor.Research;

public sealed record EarlierProposal(int Generation, string Id, IReadOnlyList<string> Overrides,
    IReadOnlyList<string> PluginPoints, string Rationale);
