// Stage 2. Proposals: the researcher proposes recipe changes, each naming the weakness it targets. They are
// recorded with exactly what the researcher saw of the sealed holdout, so a resumed run uses the same ones
// and the audit can recompute what was allowed.
using System.Text;
using Successor.Ledger.Statements;
using Successor.Research;

namespace Successor.Lab.Stages;

sealed class Proposals(LabContext lab)
{
    /// <summary>The control (no change) first, then the recorded or newly made proposals.</summary>
    public List<Proposal> Run(GenerationState s, List<PublicWeakness> weaknesses)
    {
        var journal = lab.Journal;
        int g = s.Number;
        string id = journal.Id("proposals", $"g{g}");
        var attributes = journal.Get(id);
        if (attributes is null)
        {
            var accounts = new ResearchAccounts(lab);
            var context = new ResearchContext(g, s.Champion.Recipe, weaknesses, Memory(),
                lab.SeedFor(g, 1))
            {
                Holdout = HoldoutSeen(g), Earlier = Earlier(g),
                Budget = new(lab.Config.Generations - g + 1,
                    lab.Config.Budgets.LabTokens > 0 ? lab.Config.Budgets.LabTokens - lab.TokensUsed("") : null,
                    lab.Researcher is IAccountedResearcher ? accounts.SpendLeft(g, lab.Researcher.Name) : null),
            };
            var proposed = lab.Researcher is IAccountedResearcher accounted
                ? accounts.Run(accounted, context, lab.Config.Research.Proposals)
                : lab.Researcher.Propose(context, lab.Config.Research.Proposals);
            proposed = [.. proposed.Concat(g == 1 ? PeoplesPlugins(g) : [])];
            string activity = journal.Id("research", $"g{g}");
            var record = new ProposalsRecord(g, lab.Researcher.Name,
                [.. context.Holdout.Select(a =>
                    new ProposalsRecord.HoldoutFeedbackEntry(a.Generation, a.Value, a.FromHoldout, a.Refused))],
                [.. proposed.Select(p =>
                    new ProposalsRecord.ProposalEntry(p.Id, p.Overrides, p.Targets, p.Rationale)
                    {
                        Plugins = p.Plugins.Count == 0 ? null : [.. p.Plugins.Select(x =>
                            new ProposalsRecord.PluginEntry(x.Point, journal.Store(Encoding.UTF8.GetBytes(x.Source))))],
                    })]);
            attributes = journal.Record(ProvStatement.Entity(id, ProposalsRecord.Type, record.ToAttributes()),
                ProvStatement.Activity(activity, "research"), ProvStatement.WasGeneratedBy(id, activity),
                ProvStatement.WasAssociatedWith(activity, $"researcher:{lab.Researcher.Name}", "researcher"));
        }
        var list = ProposalsRecord.From(attributes).Proposals.Select(p =>
            new Proposal(p.Id, [.. p.Overrides], p.Targets, p.Rationale)
            {
                Plugins = [.. (p.Plugins ?? []).Select(x => new PluginProposal(x.Point,
                    Encoding.UTF8.GetString(File.ReadAllBytes(journal.Artifacts.PathOf(x.Source)))))],
            }).ToList();
        foreach (var p in list)
            lab.Report(
                new(g, "proposal", $"{p.Id}: {string.Join(" ", p.Overrides)} — targets {p.Targets}; {p.Rationale}"));
        return [Proposal.Control(list.FirstOrDefault()?.Targets ?? ""), .. list];
    }

    /// <summary>research.plugins, each compiled in a sandboxed worker and, when it compiles and passes the screen,
    /// proposed as a change of its recipe key to its hash; a refused one is an incident (PluginLedger) and no
    /// proposal.</summary>
    IEnumerable<Proposal> PeoplesPlugins(int g)
    {
        var compiler = lab.PluginCompiler(g, "operator");
        int n = 0;
        foreach (var file in lab.Config.Research.Plugins ?? [])
        {
            n++;
            var outcome = compiler.Compile(new PluginProposal(file.Point, File.ReadAllText(file.Source)));
            lab.Report(new(g, "plug-in", $"{file.Source} ({file.Point}): "
                + (outcome.Ok ? $"compiled, {outcome.Hash}" : $"refused: {outcome.Diagnostics.FirstOrDefault()}")));
            if (!outcome.Ok || Successor.Plugins.ExtensionPoints.Parse(file.Point) is not { } point) continue;
            yield return new Proposal($"plugin{n}", [$"{Successor.Plugins.ExtensionPoints.RecipeKey(point)}="
                + outcome.Hash], "the recipe's training", $"{Path.GetFileName(file.Source)}, a plug-in people wrote");
        }
    }

    /// <summary>What the researcher of generation g may know of earlier candidates on the sealed holdout: nothing,
    /// or Thresholdout's answers (HoldoutFeedback).</summary>
    public IReadOnlyList<HoldoutAnswer> HoldoutSeen(int g)
    {
        var journal = lab.Journal;
        var queries = journal.All(journal.Id("generation", "")).Select(x => GenerationRecord.From(x.Attributes))
            .Where(a => a.Generation > 0 && a.Generation < g && a.CandidatePublicScore is not null
                && a.HoldoutValue is not null)
            .Select(a => new HoldoutQuery(a.Generation, a.CandidatePublicScore!.Value,
                lab.Task.Metric == "accuracy" ? a.HoldoutValue!.Value : -a.HoldoutValue!.Value));
        return HoldoutFeedback.Answers(lab.Config.Safety.HoldoutFeedback, lab.Config.Safety.ThresholdoutBudget,
            lab.SeedFor(0, 7), [.. queries]);
    }

    /// <summary>What this lab's researcher proposed before generation g, oldest first.</summary>
    List<EarlierProposal> Earlier(int g) =>
        [.. lab.Journal.All(lab.Journal.Id(ProposalsRecord.Type, "")).Select(x => ProposalsRecord.From(x.Attributes))
            .Where(r => r.Generation < g && r.Researcher == lab.Researcher.Name)
            .SelectMany(r => r.Proposals.Select(p => new EarlierProposal(r.Generation, p.Id, p.Overrides,
                [.. (p.Plugins ?? []).Select(x => x.Point)], p.Rationale)))];

    /// <summary>The lab's memory: the findings carried over from earlier labs, then every finding recorded so far,
    /// across generations.</summary>
    List<Finding> Memory() =>
        [.. Loop.PriorFindings.Of(lab.Journal),
            .. lab.Journal.All(lab.Journal.Id("finding", "")).Select(f => FindingRecord.From(f.Attributes))
            .Select(f =>
                new Finding(f.Generation, f.Proposal, [.. f.Overrides], f.Steps, f.Score, f.Effect, f.Low, f.High))];
}
