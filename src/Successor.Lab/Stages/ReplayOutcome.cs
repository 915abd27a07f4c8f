namespace Successor.Lab.Stages;

/// <summary>A replayed case and what the promotion rule said of it.</summary>
public sealed record ReplayOutcome(ReplayCase Case, bool Accepted, string Reason)
{
    public bool Correct => Accepted == Case.ShouldAccept;
}
