namespace Successor.Safety.Gates;

/// <summary>A person, revocation or decision record that does not count: record `Seq`, its element, and
/// why (no valid signature, a signer without the role, self-review, …).</summary>
public sealed record RejectedRecord(long Seq, string Subject, string Why);
