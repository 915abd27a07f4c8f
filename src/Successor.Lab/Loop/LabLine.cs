namespace Successor.Lab.Loop;

/// <summary>One line of the lab's progress: its generation, its stage and what happened.</summary>
public sealed record LabLine(int Generation, string Stage, string Text);
