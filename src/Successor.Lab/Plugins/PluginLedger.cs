// A plug-in's trace in the ledger: its source and its compile log as artifacts, one `plugin:LAB/gN-HASH`
// entity saying what point it was for, whether it compiled and why not, and an incident naming each refused
// attempt — an API the compile-time screen refused, or a compile worker its sandbox stopped.
using System.Text;
using System.Text.Json.Nodes;
using Successor.Lab.Sandbox;
using Successor.Ledger.Statements;
using Successor.Plugins;
using Successor.Research;
using Successor.Safety.Incidents;

namespace Successor.Lab.Plugins;

/// <summary>`raise(local, kind, detail, severity)` records an incident of the generation (LabContext.RaiseIncident
/// in a lab).</summary>
public sealed class PluginLedger(LabJournal journal, int generation, Action<string, string, string, Severity> raise,
    string researcher = "researcher")
{
    public const string Type = "plugin", Refused = "plugin-refused";

    internal static PluginLedger For(LabContext lab, int generation, string researcher = "researcher") =>
        new(lab.Journal, generation, (local, kind, detail, severity) =>
            lab.RaiseIncident(generation, local, kind, detail, severity), researcher);

    /// <summary>The plug-ins compiled so far through this ledger, by hash, in order.</summary>
    public List<string> Compiled { get; } = [];

    public void Record(PluginProposal proposal, ExtensionPoint? point, CompileOutcome outcome,
        IReadOnlyList<string> refusals, WorkerVerdict? verdict)
    {
        string source = journal.Store(Encoding.UTF8.GetBytes(proposal.Source));
        string log = journal.Store(Encoding.UTF8.GetBytes(string.Join('\n', outcome.Diagnostics) + "\n"));
        string hex = Ledger.Digests.Normalize(source);
        string local = $"g{generation}-{hex[..16]}-{Compiled.Count(h => h == source)}";
        Compiled.Add(source);
        string id = journal.Id(Type, local);
        var attributes = new JsonObject
        {
            ["point"] = point is { } p ? ExtensionPoints.Name(p) : proposal.Point,
            ["source_sha256"] = source,
            ["compile_log_sha256"] = log,
            ["ok"] = outcome.Ok,
            ["diagnostics"] = outcome.Diagnostics.Count,
            ["refusals"] = new JsonArray([.. refusals.Select(r => JsonValue.Create(r))]),
            ["researcher"] = researcher,
            ["generation"] = generation,
        };
        string sourceId = journal.Id("plugin-source", hex[..16]);
        var relations = new List<ProvStatement>
        {
            ProvStatement.Artifact(journal.Id("compile-log", local), "compile-log", log),
            ProvStatement.WasDerivedFrom(id, sourceId),
        };
        if (journal.Ledger.FindById(sourceId).Count == 0)
            relations.Insert(0, ProvStatement.Artifact(sourceId, "plugin-source", source));
        if (journal.Get(id) is null) journal.Record(ProvStatement.Entity(id, Type, attributes), [.. relations]);
        string name = $"plug-in {source[..(Ledger.Digests.Prefix.Length + 12)]}… ({attributes["point"]})";
        if (refusals.Count > 0)
            raise($"{Refused}-{local}", Refused,
                $"{name} refused at compile time: {string.Join("; ", refusals.Select(Attempt))}", Severity.Critical);
        if (verdict is not null)
            raise($"{verdict.Status}-plugin-{local}", verdict.Status,
                $"{name}'s compile worker: {verdict.Detail}", WorkerVerdict.SeverityOf(verdict.Status)
                    ?? Severity.Critical);
    }

    /// <summary>"uses File.ReadAllText of File (files and streams)" from "plugin.cs(4,9): refused: uses …".
    /// </summary>
    static string Attempt(string refusal)
    {
        int at = refusal.IndexOf("refused: ", StringComparison.Ordinal);
        return at < 0 ? refusal : refusal[(at + "refused: ".Length)..];
    }
}
