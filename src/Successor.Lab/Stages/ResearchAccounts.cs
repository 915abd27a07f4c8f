// The books of a paid researcher: before a generation, what it may still spend in the lab (reaching the lab's cap
// is a gate, ResearchSpendGate); after it, every call recorded with its tokens and cost, and every attempt on a
// protected surface recorded as an incident that names it. Nothing the researcher did is lost, and nothing it
// attempted reaches a trial.
using Successor.Ledger.Statements;
using Successor.Research;
using Successor.Research.LanguageModels;
using Successor.Safety.Gates;

namespace Successor.Lab.Stages;

sealed class ResearchAccounts(LabContext lab)
{
    /// <summary>What the researcher may still spend in the lab: null without a cap; 0 when a person rejected more.
    /// Pauses the lab (AwaitingDecisionException) while a request for more is undecided.</summary>
    public double? SpendLeft(int g, string researcher)
    {
        double cap = lab.Config.Research.LanguageModel?.LabCap ?? 0;
        if (!(cap > 0)) return null;
        double spent = Spent();
        var gate = new ResearchSpendGate();
        int step = 1;
        for (; spent >= cap * step; step++)
            if (lab.Approvals(g).Await(gate, new ResearchSpend(researcher, spent, cap, step)) is { Approved: false })
            {
                lab.Report(new(g, "research",
                    $"{researcher}: more than the lab's research cap was refused; TPE goes on"));
                return 0;
            }
        return cap * step - spent;
    }

    /// <summary>The lab's research calls so far, in cost.</summary>
    public double Spent() => lab.Journal.All(lab.Journal.Id(ResearchCallRecord.Type, ""))
        .Sum(c => ResearchCallRecord.From(c.Attributes).Cost);

    /// <summary>One generation's research, its calls and gaming attempts recorded.</summary>
    public IReadOnlyList<Proposal> Run(IAccountedResearcher researcher, ResearchContext context, int count)
    {
        int g = context.Generation;
        ResearchRound round;
        // Plug-ins are compiled in a sandboxed worker, never here; its diagnostics go back for repairs.
        var compiler = lab.PluginPoints.Count > 0 ? lab.PluginCompiler(g, researcher.Name) : null;
        try { round = researcher.Research(context, count, compiler); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A researcher never stops the lab: whatever went wrong, this generation is TPE's.
            lab.Report(new(g, "research", $"{researcher.Name} failed ({e.GetType().Name}: {e.Message}); TPE instead"));
            return new TpeResearcher(new SearchSpace(lab.Config.Research.SearchSpace,
                lab.Config.Research.LearningRateFloor)).Propose(context, count);
        }
        string prefix = lab.Journal.Id(ResearchCallRecord.Type, $"g{g}-");
        int before = lab.Journal.All(prefix).Count();
        foreach (var c in round.Calls)
        {
            var record = new ResearchCallRecord(g, researcher.Name, before + c.Attempt, c.Purpose, c.Outcome,
                c.InputTokens, c.OutputTokens, c.Cost, Math.Round(c.Seconds, 3), c.Detail);
            lab.Journal.Record(ProvStatement.Entity(lab.Journal.Id(ResearchCallRecord.Type, $"g{g}-c{record.Call}"),
                ResearchCallRecord.Type, record.ToAttributes()));
        }
        for (int i = 0; i < round.Gaming.Count; i++)
        {
            var attempt = round.Gaming[i];
            // A refused reply never trained, so like a refused proposal it pauses the loop but taints no candidate.
            lab.RaiseIncident(g, $"researcher-reply-{before}-{i + 1}", PromotionPolicy.RefusedProposal,
                $"{researcher.Name} reached for {attempt.Surface}: {attempt.Detail}; refused before anything ran");
        }
        lab.Report(new(g, "research", $"{researcher.Name}: {round.Calls.Count} call(s), " +
            $"{round.InputTokens:N0} tokens in, {round.OutputTokens:N0} out, cost {round.Cost:0.0000}" +
            (round.Gaming.Count > 0 ? $", {round.Gaming.Count} gaming attempt(s) refused" : "") +
            (round.Repairs > 0 ? $", {round.Repairs} plug-in repair(s)" : "") +
            (round.Fallback is { } why ? $"; TPE filled in: {why}" : "")));
        return round.Proposals;
    }
}
