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
