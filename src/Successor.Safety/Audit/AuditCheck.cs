// One required check of one generation, as the generation's safety audit records it: whether it ran,
// whether it passed, and one line on what it saw — or that it did not apply (nothing was kept, no canary
// was planted), which is its own state and never reads as "passed".
namespace Successor.Safety.Audit;

public sealed record AuditCheck(string Name, bool Ran, bool Passed, string Detail)
{
    public const string PassedState = "passed", FailedState = "failed", NotRunState = "did not run",
        NotApplicableState = "not applicable";

    /// <summary>False when the check had nothing to look at in this generation; it then neither ran nor
    /// passed.</summary>
    public bool Applicable { get; init; } = true;

    /// <summary>What a complete audit needs of every required check: ran and passed, or did not apply.</summary>
    public bool Ok => !Applicable || (Ran && Passed);

    /// <summary>"passed", "failed", "did not run" or "not applicable".</summary>
    public string State => !Applicable ? NotApplicableState : !Ran ? NotRunState : Passed ? PassedState : FailedState;

    /// <summary>A check that did not apply, with the reason in `detail`.</summary>
    public static AuditCheck NotApplicable(string name, string detail) =>
        new(name, Ran: false, Passed: false, detail) { Applicable = false };
}
