// The PROV-JSON names of the statement kinds, both ways, and which kinds are elements rather than
// relations.
namespace Successor.Ledger.Statements;

public static class ProvKinds
{
    public static string Name(ProvKind kind) => kind switch
    {
        ProvKind.Entity => "entity",
        ProvKind.Activity => "activity",
        ProvKind.Agent => "agent",
        ProvKind.Used => "used",
        ProvKind.WasGeneratedBy => "wasGeneratedBy",
        ProvKind.WasDerivedFrom => "wasDerivedFrom",
        ProvKind.WasAssociatedWith => "wasAssociatedWith",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ProvKind Parse(string name) => name switch
    {
        "entity" => ProvKind.Entity,
        "activity" => ProvKind.Activity,
        "agent" => ProvKind.Agent,
        "used" => ProvKind.Used,
        "wasGeneratedBy" => ProvKind.WasGeneratedBy,
        "wasDerivedFrom" => ProvKind.WasDerivedFrom,
        "wasAssociatedWith" => ProvKind.WasAssociatedWith,
        _ => throw new LedgerException(
            $"record kind \"{name}\" is unknown; "
            + "expected entity, activity, agent, used, wasGeneratedBy, wasDerivedFrom or wasAssociatedWith"),
    };

    public static bool IsElement(ProvKind kind) => kind is ProvKind.Entity or ProvKind.Activity or ProvKind.Agent;
}
