namespace Successor.Lab.SelfGeneration;

/// <summary>What the vote of several models decided about one problem.</summary>
public enum VoteVerdict
{
    /// <summary>More than half of the voters gave the same answer, of a plausible length.</summary>
    Kept,
    /// <summary>No answer of a plausible length had more than half of the voters.</summary>
    NoMajority,
    /// <summary>More than half agreed, on an answer whose length cannot be right for the operands.</summary>
    ImplausibleLength,
}
