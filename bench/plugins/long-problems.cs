// A data-filter plug-in for the curriculum: train only on rows whose answer is long (at least 4 scored tokens:
// an answer of 3 digits and its newline). A champion that already answers the short problems learns most from
// the longest ones it is taught, and those are what carry it to lengths past them.
using System;
using Successor.Plugins;

public sealed class LongProblems : IDataFilter
{
    public bool Keep(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets)
    {
        int scored = 0;
        foreach (int t in targets) if (t >= 0) scored++;
        return scored >= 4;
    }
}
