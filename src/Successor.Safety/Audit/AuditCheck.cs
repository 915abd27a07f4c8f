// One required check of one generation, as the generation's safety audit records it: whether it ran,
// whether it passed, and one line on what it saw.
namespace Successor.Safety.Audit;

public sealed record AuditCheck(string Name, bool Ran, bool Passed, string Detail)
{
    /// <summary>Ran and passed: what a complete audit needs of every required check.</summary>
    public bool Ok => Ran && Passed;
}
