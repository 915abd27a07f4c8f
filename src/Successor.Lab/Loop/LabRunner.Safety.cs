// Safety at the loop's safe points: the kill switch, human gates, incidents and the evaluator's integrity.
// A critical incident fails its generation closed (the candidate is scored as its parent, never better)
// and, with gates.incidents, pauses the loop until a named person approves going on.
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Successor.Safety.Gates;
using Successor.Safety.Incidents;

namespace Successor.Lab.Loop;

/// <summary>The loop stopped at a gate; a person must decide the request, then `successor run` resumes.</summary>
public sealed class AwaitingDecisionException(string requestId, string summary)
    : Exception($"waiting for a person: {summary}; decide with `successor approve {requestId} --reason …` or `successor reject {requestId} --reason …`, then run again")
{
    public string RequestId { get; } = requestId;
}

/// <summary>A person halted the lab (`successor halt`, or by rejecting an incident's request).</summary>
public sealed class LabHaltedException(string message) : Exception(message);

public sealed partial class LabRunner
{
    Gatekeeper Gates => new(journal.Ledger);
    IncidentLog IncidentLog => new(journal.Ledger);
    int haltsSeen;

    /// <summary>Records an incident once (by its local id) and reports it.</summary>
    void RaiseIncident(int g, string local, string kind, string detail, Severity severity = Severity.Critical)
    {
        string id = journal.Id("incident", $"g{g}-{local}");
        if (journal.Ledger.FindById(id).Count == 0) report(new(g, "incident", $"{severity.ToString().ToLowerInvariant()}: {kind}: {detail}"));
        IncidentLog.Record(LabJournal.LoopAgent, new Incident(id, journal.Lab, kind, detail, severity));
    }

    IReadOnlyList<Incident> CriticalIncidents(int g) =>
        [.. IncidentLog.All(journal.Lab).Where(i => i.Severity == Severity.Critical && i.Id.StartsWith(journal.Id("incident", $"g{g}-"), StringComparison.Ordinal))];

    /// <summary>Between stages: stop if a person halted the lab; wait for a person on every critical incident
    /// not yet decided (with gates.incidents).</summary>
    void SafePoint(int g)
    {
        var halts = new Lab.Loop.HaltSwitch(journal.Ledger, journal.Lab);
        if (halts.RequestedSince(haltsSeen)) throw new LabHaltedException($"lab {journal.Lab} was halted ({halts.Count()} halt request(s) in the ledger); `successor run` resumes it");
        if (!config.Gates.Incidents) return;
        var requests = IncidentLog.All(journal.Lab).Where(i => i.Severity == Severity.Critical)
            .Select(i => Gates.Request(LabJournal.LoopAgent, journal.Id("request", $"incident-{i.Id[(i.Id.IndexOf('/') + 1)..]}"), "incident", journal.Lab, $"go on after {i.Id} ({i.Kind}: {i.Detail})"))
            .ToList();
        foreach (var request in requests)
            if (Gates.DecisionOn(request.Id) is { Approved: false } rejected)
                throw new LabHaltedException($"{rejected.By} rejected going on after an incident ({request.Id}): {rejected.Reason}");
        var open = requests.Where(r => Gates.DecisionOn(r.Id) is null).ToList();
        if (open.Count == 0) return;
        foreach (var r in open) report(new(g, "gate", $"paused: {r.Summary}"));
        throw new AwaitingDecisionException(open[0].Id, open.Count == 1 ? open[0].Summary : $"{open.Count} incidents, each needs a decision ({string.Join(", ", open.Select(r => r.Id))})");
    }

    /// <summary>The decision on this gate's request (recording the request first), or a pause until there is one.</summary>
    GateDecision Await(int g, string local, string gate, string summary)
    {
        string id = journal.Id("request", local);
        var request = Gates.Request(LabJournal.LoopAgent, id, gate, journal.Lab, summary);
        if (Gates.DecisionOn(request.Id) is { } decision) return decision;
        report(new(g, "gate", $"paused: {summary}"));
        throw new AwaitingDecisionException(request.Id, summary);
    }

    /// <summary>Keys no proposal may touch: the budgets and seeds the loop sets itself, and anything of the
    /// evaluation, gates or safety (a proposal can only change how a model trains).</summary>
    static readonly string[] ProtectedKeys = ["seed", "steps"];
    static readonly string[] ProtectedSections = ["curriculum", "split", "budgets", "research", "self_generation", "promotion", "gates", "safety", "eval", "holdout", "verifier"];

    static string? ProtectedSurface(IReadOnlyList<string> overrides)
    {
        foreach (var o in overrides)
        {
            string key = o.Split('=', 2)[0].Trim().ToLowerInvariant();
            if (ProtectedKeys.Contains(key) || key.Contains('.') || ProtectedSections.Any(s => key.StartsWith(s, StringComparison.Ordinal)))
                return key;
        }
        return null;
    }

    /// <summary>SHA-256 over the evaluator's code (the Verifier's and the curriculum checker's assemblies) and
    /// its data (the split's validation and sealed files for a text lab): taken before and after every batch
    /// of trials, so a trial that changes either is caught.</summary>
    string EvaluatorFingerprint()
    {
        var files = new List<string>
        {
            typeof(Evaluation.Verification.Verifier).Assembly.Location,
            typeof(Data.Curriculum.CurriculumPartition).Assembly.Location,
        };
        if (config.Split is { } split) files.AddRange(Directory.EnumerateFiles(split, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != Data.Corpora.SplitWriter.TrainFile).Order(StringComparer.Ordinal));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            sha.AppendData(File.Exists(file) ? File.ReadAllBytes(file) : []);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The original training data must not overlap public validation or the sealed holdout; a
    /// contaminated mixture is an incident and is refused before anything trains on it.</summary>
    void CheckTrainingData()
    {
        string id = journal.Id("contamination-check", "train");
        var attributes = journal.Once(id, () =>
        {
            var report = task.TrainingContamination();
            var example = report?.Examples.FirstOrDefault();
            return Ledger.Statements.ProvStatement.Activity(id, "contamination-check", new JsonObject
            {
                ["documents"] = report?.Documents, ["flagged"] = report?.Flagged ?? 0, ["rate"] = report?.Rate ?? 0,
                ["example"] = example is null ? null : $"{example.TrainingDocument} overlaps {example.Reference} ({example.Kind})",
                ["passed"] = report is null || report.Rate <= Successor.Data.Contamination.ContaminationGuard.DefaultThreshold,
            });
        });
        if ((bool)attributes["passed"]!) return;
        string detail = $"{attributes["flagged"]} of {attributes["documents"]} training documents overlap evaluation data, e.g. {attributes["example"]}";
        RaiseIncident(0, "contamination", "contamination", detail);
        throw new Successor.Training.Data.DataException($"training data refused: {detail}; remove the overlapping documents and start a new lab");
    }
}
