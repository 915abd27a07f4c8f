// Training rows through a data-filter plug-in: rows are drawn one batch at a time from the source's seeded
// stream and a refused row is replaced by the next kept one, so the batch depends only on the seed. A filter
// that refuses nearly everything stops the run with a message instead of spinning.
using Successor.Plugins;
using Successor.Tensors;
using Successor.Training.Data;

namespace Successor.Training.Plugins;

public sealed class FilteredBatchSource(IBatchSource source, IDataFilter filter) : IBatchSource
{
    /// <summary>Rows drawn per row kept, at most, before the filter is said to keep too little.</summary>
    public const int DrawsPerRow = 64;

    public void Sample(Rng rng, int B, int T, Span<int> inputs, Span<int> targets)
    {
        var drawnInputs = new int[B * T];
        var drawnTargets = new int[B * T];
        int kept = 0, drawn = 0;
        while (kept < B)
        {
            if (drawn >= DrawsPerRow * B)
                throw new DataException($"the data_filter plug-in kept {kept} of {drawn} rows drawn; it must keep "
                    + $"at least 1 in {DrawsPerRow}");
            source.Sample(rng, B, T, drawnInputs, drawnTargets);
            for (int row = 0; row < B && kept < B; row++, drawn++)
            {
                var x = drawnInputs.AsSpan(row * T, T);
                var y = drawnTargets.AsSpan(row * T, T);
                if (!filter.Keep(x, y)) continue;
                x.CopyTo(inputs.Slice(kept * T, T));
                y.CopyTo(targets.Slice(kept * T, T));
                kept++;
            }
        }
    }
}
