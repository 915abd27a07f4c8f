// One W3C PROV statement, the body of a ledger record. Elements (entity, activity, agent) have an
// id in Subject and a Type such as "checkpoint"; relations link Subject to Object, read the way
// PROV writes them: used(activity=Subject, entity=Object), wasGeneratedBy(entity, activity),
// wasDerivedFrom(generated, used), wasAssociatedWith(activity, agent) with Type as the role.
using System.Text.Json.Nodes;

namespace Successor.Ledger.Statements;

public sealed record ProvStatement(
    ProvKind Kind,
    string Subject,
    string? Object = null,
    string? Type = null,
    JsonObject? Attributes = null)
{
    public static ProvStatement Entity(string id, string type, JsonObject? attributes = null) =>
        new(ProvKind.Entity, id, null, type, attributes);

    /// <summary>An entity for a stored artifact; the digest lets verify re-hash the file.</summary>
    public static ProvStatement Artifact(string id, string type, string digest, JsonObject? attributes = null)
    {
        var attrs = attributes is null ? new JsonObject() : (JsonObject)attributes.DeepClone();
        attrs["digest"] = Digests.Prefix + Digests.Normalize(digest);
        return new(ProvKind.Entity, id, null, type, attrs);
    }

    public static ProvStatement Activity(string id, string type, JsonObject? attributes = null) =>
        new(ProvKind.Activity, id, null, type, attributes);

    public static ProvStatement Agent(string id, string type, JsonObject? attributes = null) =>
        new(ProvKind.Agent, id, null, type, attributes);

    public static ProvStatement Used(string activity, string entity) =>
        new(ProvKind.Used, activity, entity);

    public static ProvStatement WasGeneratedBy(string entity, string activity) =>
        new(ProvKind.WasGeneratedBy, entity, activity);

    public static ProvStatement WasDerivedFrom(string generated, string used) =>
        new(ProvKind.WasDerivedFrom, generated, used);

    public static ProvStatement WasAssociatedWith(string activity, string agent, string? role = null) =>
        new(ProvKind.WasAssociatedWith, activity, agent, role);

    /// <summary>The "sha256:…" digest attribute of an artifact entity, if any.</summary>
    public string? Digest => Attributes?["digest"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Subject))
            throw new LedgerException(
                $"{ProvKinds.Name(Kind)}: the id is empty; give a non-empty id such as \"checkpoint:g3\"");
        bool element = ProvKinds.IsElement(Kind);
        if (element && Object is not null)
            throw new LedgerException(
                $"{ProvKinds.Name(Kind)} {Subject}: an element has no object; only relations link two ids");
        if (element && string.IsNullOrWhiteSpace(Type))
            throw new LedgerException(
                $"{ProvKinds.Name(Kind)} {Subject}: the type is empty; "
                + "give one such as \"dataset\" or \"training-run\"");
        if (!element && string.IsNullOrWhiteSpace(Object))
            throw new LedgerException(
                $"{ProvKinds.Name(Kind)} {Subject}: the related id is empty; a relation links two ids");
    }
}
