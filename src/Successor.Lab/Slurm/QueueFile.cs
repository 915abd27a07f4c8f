// queue.json in the lab's run folder: the Slurm state of every trial the lab is waiting for — its job, and
// pending, running or requeued — rewritten at every poll and emptied when the batch ends. The dashboard reads
// it beside the ledger, which records a trial only once it has ended.
using System.Text.Json;
using System.Text.Json.Nodes;
using Successor.Lab.Trials;

namespace Successor.Lab.Slurm;

public sealed class QueueFile(string path)
{
    public const string FileName = "queue.json";

    string last = "";

    /// <summary>Writes one entry per trial: its job, and the job's state when squeue reported one (else
    /// "submitted").</summary>
    public void Write(IEnumerable<(string Trial, long Job, SlurmJob? State)> trials)
    {
        var array = new JsonArray();
        foreach (var (trial, job, state) in trials.OrderBy(t => t.Trial, StringComparer.Ordinal))
            array.Add(new JsonObject
            {
                ["trial"] = trial,
                ["job"] = job,
                ["state"] = state?.QueueState ?? "submitted",
                ["restarts"] = state?.Restarts ?? 0,
                ["reason"] = state is { Reason: not ("None" or "") } s ? s.Reason : null,
            });
        string text = new JsonObject { ["trials"] = array }
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        if (text == last) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, text);
        last = text;
    }
}
