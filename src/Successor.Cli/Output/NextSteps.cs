// What to do once a lab has finished: open the dashboard, trace the champion's lineage, and find its checkpoint;
// each command carries the --ledger the run was given when it is not the default, so it can be pasted as is.
using Successor.Lab.Loop;
using Successor.Ledger;
using Successor.Ledger.Storage;
using Successor.Records;

namespace Successor.Cli.Output;

/// <summary>Lineage: the id `successor lineage` takes; Checkpoint: the champion's weights in the artifact store.
/// </summary>
public sealed record NextSteps(int ChampionGeneration, string Lineage, string Checkpoint, string LedgerArgument)
{
    /// <summary>The champion the last recorded generation leaves, or null when no generation is recorded.</summary>
    public static NextSteps? Of(LabJournal journal, string ledger)
    {
        var lastGeneration = journal.All(journal.Id("generation", ""))
            .Select(g => GenerationRecord.From(g.Attributes)).MaxBy(g => g.Generation);
        if (lastGeneration is not { ChampionCheckpoint.Length: > 0 } g) return null;
        string hex = Digests.Normalize(g.ChampionCheckpoint);
        string argument = ledger == LedgerStore.DefaultPath ? "" : $" --ledger {ledger}";
        return new NextSteps(g.ChampionGeneration, $"checkpoint:{hex[..16]}",
            Path.GetRelativePath(Environment.CurrentDirectory, journal.Artifacts.PathOf(hex)), argument);
    }

    public IEnumerable<string> Lines()
    {
        yield return "next:";
        yield return $"  successor serve{LedgerArgument}    " +
            "the dashboard (http://127.0.0.1:5117): lineage, horizons, approvals";
        yield return $"  successor lineage {Lineage}{LedgerArgument}    " +
            "the champion's ancestry, back to its seed data";
        yield return $"  the champion (generation {ChampionGeneration}) is {Checkpoint}";
    }
}
