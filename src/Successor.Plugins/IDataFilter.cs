// Extension point: which training rows the trainer learns from. Each sampled row (T input tokens and their T
// next-token targets, −1 where a target is not scored) is offered; a refused row is replaced by the next draw
// of the same seeded stream, so a filtered run stays deterministic.
namespace Successor.Plugins;

public interface IDataFilter
{
    bool Keep(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets);
}
