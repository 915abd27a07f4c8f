// A human gate: given what a stage knows, the question a person must answer before it goes on, or null
// when the gate does not apply. Each gate is one class; Approvals records the question and waits.
namespace Successor.Safety.Gates;

public interface IGate<in TEvidence>
{
    /// <summary>The gate's name in requests and the audit: "promotion", "data-mix-change", …</summary>
    string Name { get; }

    GateQuestion? Ask(TEvidence evidence);
}
