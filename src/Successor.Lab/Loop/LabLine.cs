namespace Successor.Lab.Loop;

/// <summary>One line of the lab's progress: its generation, its stage and what happened. A batch of trials
/// says how many it starts (Trials), a finished trial the tokens and seconds it spent, for the live view.</summary>
public sealed record LabLine(int Generation, string Stage, string Text)
{
    public int? Trials { get; init; }
    public long? Tokens { get; init; }
    public double? Seconds { get; init; }
}
