// The kinds of W3C PROV statements the ledger records (PROV-DM: the three element types and
// the four relations the lab needs).
namespace Successor.Ledger.Statements;

public enum ProvKind
{
    /// <summary>A thing: dataset, recipe, checkpoint, evaluation report, statement.</summary>
    Entity,
    /// <summary>Something that happened: training run, evaluation, data generation, curation, promotion.</summary>
    Activity,
    /// <summary>Someone responsible: researcher strategy, human approver, a model generating data.</summary>
    Agent,
    /// <summary>used(activity, entity)</summary>
    Used,
    /// <summary>wasGeneratedBy(entity, activity)</summary>
    WasGeneratedBy,
    /// <summary>wasDerivedFrom(generated entity, used entity)</summary>
    WasDerivedFrom,
    /// <summary>wasAssociatedWith(activity, agent), with an optional role such as "approver".</summary>
    WasAssociatedWith,
}

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
        _ => throw new LedgerException($"record kind \"{name}\" is unknown; expected entity, activity, agent, used, wasGeneratedBy, wasDerivedFrom or wasAssociatedWith"),
    };

    public static bool IsElement(ProvKind kind) => kind is ProvKind.Entity or ProvKind.Activity or ProvKind.Agent;
}
