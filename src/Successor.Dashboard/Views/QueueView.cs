// The Slurm queue state of a running lab's trials (pending, running, requeued, with their job ids), read from
// the queue.json its Slurm executor rewrites in the lab's run folder at every poll. The ledger records a trial
// only once it has ended; this shows the ones still in the queue. Empty for a lab on the local pool.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Successor.Dashboard.Views;

public static class QueueView
{
    public const string FileName = "queue.json";

    /// <summary>The entries of RUNFOLDER/queue.json, or an empty array when there is none (or it is being
    /// replaced at this instant).</summary>
    public static JsonArray Read(string runFolder)
    {
        string path = Path.Combine(runFolder, FileName);
        try
        {
            return File.Exists(path) && JsonNode.Parse(File.ReadAllText(path))?["trials"] is JsonArray trials
                ? (JsonArray)trials.DeepClone() : [];
        }
        catch (IOException) { return []; }
        catch (JsonException) { return []; }
    }
}
