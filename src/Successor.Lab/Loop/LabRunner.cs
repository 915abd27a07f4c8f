// The generation loop. Generation 0 trains the first champion. Each later generation runs its stages in
// order (Lab/Stages): weakness analysis on public validation, the researcher's proposals, experiments under
// successive halving with each effect interpreted against a control, selection of the best change over
// several seeds, curation of the champion's own answers past its frontier, the safety check of the kept
// data, the successor's training, and verification on the sealed holdout with the safety evaluation, the
// promotion policy and the human gates. Between stages the kill switch and open incidents are checked.
// Each stage is recorded once in the ledger, so a resumed run continues where the last one stopped. The
// notary (its own process) signs the ledger at the start and after every generation.
using System.Diagnostics;
using Successor.Lab.Config;
using Successor.Lab.Stages;
using Successor.Ledger.Statements;
using Successor.Safety.Gates;

namespace Successor.Lab.Loop;

public sealed class LabRunner
{
    readonly LabContext lab;
    readonly double secondsBefore;
    int haltsSeen;

    /// <summary>`judgeFolder`: the judge's secrets, `judge/` beside the ledger's file by default. `launch`
    /// replaces how trials' workers start (a test's hostile worker); by default this program's worker, in the
    /// sandbox lab.json asks for.</summary>
    public LabRunner(LabConfig config, LabJournal journal, string workFolder, Action<LabLine> report,
        string? judgeFolder = null, WorkerLaunch? launch = null)
    {
        lab = new LabContext(config, journal, workFolder, report,
            judgeFolder ?? Ledger.Signing.JudgeFolder.For(journal.Ledger.Location), launch);
        secondsBefore = journal.All(journal.Id("generation", "")).Sum(g => GenerationRecord.From(g.Attributes).Seconds);
    }

    public void Run(CancellationToken cancel)
    {
        try { RunGenerations(cancel); }
        finally { lab.Judge.Dispose(); }
    }

    void RunGenerations(CancellationToken cancel)
    {
        var (config, journal) = (lab.Config, lab.Journal);
        haltsSeen = new HaltSwitch(journal.Ledger, journal.Lab).Count();
        var start = new LabStart(lab);
        start.RecordConfig();
        if (config.Promotion.AdoptEverySuccessor)
            lab.Report(new(0, "ablation", "promotion.adopt_every_successor is on: every successor that trains " +
                "becomes the champion whatever the judge finds (Lee et al.'s protocol); the judge's verdict is only " +
                "recorded"));
        start.CheckTrainingData();
        new PriorFindings(lab).Record();
        var notary = new LabNotary(lab);
        notary.Sign(0);
        SafePoint(0);
        Champion champion;
        try { champion = new FirstChampion(lab).Run(cancel); }
        catch (BudgetExhaustedException e)
        {
            throw new LabException($"generation 0: {e.Message}; " +
                "raise budgets.lab_tokens or lower budgets.initial_steps");
        }
        for (int g = 1; g <= config.Generations; g++)
        {
            if (journal.Get(journal.Id("generation", $"g{g}")) is { } done)
            {
                champion = Champion.From(GenerationRecord.From(done));
                continue;
            }
            SafePoint(g);
            string? why = BudgetExhausted();
            if (why is null)
            {
                try
                {
                    champion = Generation(g, champion, cancel);
                    notary.Sign(g);
                    continue;
                }
                catch (BudgetExhaustedException e) { why = e.Message; }
            }
            lab.Report(new(g, "budget", $"stopping in generation {g}: {why}"));
            string halt = journal.Id("halt", $"g{g}");
            journal.Once(halt, () => ProvStatement.Activity(halt, BudgetHaltRecord.Type,
                new BudgetHaltRecord(why).ToAttributes()));
            break;
        }
        notary.Sign(config.Generations);
        lab.Report(new(config.Generations, "done",
            $"lab {config.Name} finished; champion from generation {champion.Generation}"));
    }

    /// <summary>One generation, stage by stage.</summary>
    Champion Generation(int g, Champion champion, CancellationToken cancel)
    {
        var state = new GenerationState(g, champion, DateTimeOffset.UtcNow, lab.GenerationClock = Stopwatch.StartNew());
        lab.Report(new(g, "start", $"generation {g}: champion from generation {champion.Generation}"));
        var weaknesses = new WeaknessAnalysis(lab).Run(state);
        var proposals = new Proposals(lab).Run(state, weaknesses);
        var halving = new Experiments(lab).Run(state, proposals, cancel);
        SafePoint(g);
        var adopted = new Selection(lab).Run(state, halving, cancel);
        var curation = new Curation(lab).Run(state);
        var safety = new KeptDataCheck(lab).Run(g, [.. curation.SelfGenerated.Except(champion.SelfGenerated)]);
        SafePoint(g);
        var (recipe, successor) =
            new SuccessorTraining(lab).Run(state, adopted, halving, curation.SelfGenerated, cancel);
        SafePoint(g);
        return new Verification(lab).Run(state, successor, recipe, curation, safety);
    }

    /// <summary>Between stages: stop if a person halted the lab; wait for a person on every critical incident
    /// not yet decided (with gates.incidents).</summary>
    void SafePoint(int g) => lab.Approvals(g).SafePoint(haltsSeen, lab.IncidentGate);

    string? BudgetExhausted()
    {
        var b = lab.Config.Budgets;
        long tokens = lab.TokensUsed("");
        if (b.LabTokens > 0 && tokens >= b.LabTokens)
            return $"the lab has trained on {tokens:N0} tokens, its budget is {b.LabTokens:N0}";
        double seconds = secondsBefore + lab.LabClock.Elapsed.TotalSeconds;
        if (b.LabSeconds > 0 && seconds >= b.LabSeconds)
            return $"the lab has run {seconds:0} s, its budget is {b.LabSeconds:0} s";
        return null;
    }
}
