// Stage 10. Verification and promotion. The judge's Verifier compares champion and successor on the sealed
// holdout, and the judge re-evaluates sampled trial models (Reevaluation); the safety evaluation watches the
// verified successor; PromotionPolicy decides on the evidence and the human gates it asks; the generation's
// outcome, its audit and (when promoted) the new champion and its in-toto attestation are recorded in one
// place. Otherwise the champion stays, and the reason is recorded.
using Successor.Ledger.Statements;
using Successor.Ledger.Attestations;
using Successor.Safety.Audit;
using Successor.Safety.Gates;
using Successor.Lab.Workloads;
using Successor.Training.Recipes;

namespace Successor.Lab.Stages;

sealed class Verification(LabContext lab)
{
    public Champion Run(GenerationState s, TrialResult successor, Recipe recipe, CurationOutcome curation,
        KeptDataCheckRecord safety)
    {
        var (g, champion, journal) = (s.Number, s.Champion, lab.Journal);
        var c = curation.Record;
        var record = new GenerationRecord();
        var evidence = new PromotionEvidence { TrainingError = successor.Ok ? null : successor.Error ?? "" };
        if (successor.Ok)
        {
            string championPath = journal.Artifacts.PathOf(champion.CheckpointDigest);
            string successorPath = lab.ModelPath(g, successor.Id);
            var reevaluation = new Reevaluation(lab);
            var judged = lab.Judge.Compare(championPath, successorPath, reevaluation.Expected(g));
            var (verdict, score) = (judged.Verdict!, judged.Standing!);
            reevaluation.Run(g, successor.Id, judged);
            using var championModel = lab.Load(champion.CheckpointDigest);
            var o = verdict.Overall;
            record = new GenerationRecord
            {
                Improvement = o.Difference, ImprovementLow = o.Low, ImprovementHigh = o.High,
                ImprovementPValue = o.PValue,
                HoldoutItems = o.Items, GenuinelyBetter = verdict.GenuinelyBetter, Verdict = verdict.Reason,
                CandidatePublicScore = successor.Score,
            }.With(score.Standing);
            record = new SafetyEvaluation(lab).Run(s, championModel, successorPath, successor, verdict, record);
            evidence = new PromotionEvidence
            {
                GenuinelyBetter = verdict.GenuinelyBetter, Verdict = verdict.Reason,
                Kept = c?.Kept, KeptLabelAccuracy = c?.KeptLabelAccuracy,
                MinKeptLabelAccuracy = lab.Config.Promotion.MinKeptLabelAccuracy,
                AdoptWithoutJudge = lab.Config.Promotion.AdoptEverySuccessor,
                KeptDataSafe = safety.Passed,
                CriticalIncidents = [.. lab.CriticalIncidents(g).Select(i => (i.Kind, i.Id))],
            };
            string gain = $"{Signed.S(o.Difference, 4)} [95% CI {Signed.S(o.Low, 4)}, {Signed.S(o.High, 4)}]";
            evidence = AskGates(g, evidence, $"{score.Text}; improvement {gain}", champion.Recipe, recipe);
            lab.Report(new(g, "verify", $"successor: {score.Text}; improvement over the champion {gain} "
                + $"({(lab.Task.Metric == "accuracy" ? "accuracy" : "bits per byte saved")})"));
        }
        var decision = PromotionPolicy.Decide(evidence);
        var next = champion;
        var relations = new List<ProvStatement>();
        if (decision.Promoted)
        {
            string digest = journal.Artifacts.PutFile(lab.ModelPath(g, successor.Id));
            next = new Champion(g, digest, recipe with { Steps = champion.Recipe.Steps, Seed = champion.Recipe.Seed },
                curation.SelfGenerated,
                Frontier(g, champion, c, successor.Scores, lab.ModelPath(g, successor.Id)));
            relations.Add(ProvStatement.Artifact(next.Id, CheckpointRecord.Type, digest,
                new CheckpointRecord { Lab = journal.Lab, Generation = g }.ToAttributes()));
            relations.Add(ProvStatement.WasGeneratedBy(next.Id, journal.Id("trial", successor.Id)));
            relations.Add(ProvStatement.WasDerivedFrom(next.Id, champion.Id));
        }
        // A rejected successor leaves its champion, but what the champion's curation showed it masters still moves
        // the next curation past those lengths, and what it kept stays in the data (KeptSets).
        if (!decision.Promoted && c is not null)
            next = champion with
            {
                Frontier = Math.Max(champion.Frontier, Curated(c)),
                SelfGenerated = KeptSets.AfterRejection(champion.SelfGenerated, curation.SelfGenerated, c, safety,
                    lab.Config.Promotion.MinKeptLabelAccuracy),
            };
        record = next.Into(record) with
        {
            Generation = g, Promoted = decision.Promoted, Reason = decision.Reason, ApprovedBy = decision.ApprovedBy,
            KeptLabelAccuracy = c?.KeptLabelAccuracy, Kept = c?.Kept,
            PerplexityDrift = c?.PerplexityDrift, TailCoverage = c?.TailCoverage,
            Tokens = lab.TokensUsed($"g{g}-"), Seconds = s.Clock.Elapsed.TotalSeconds,
        };
        var audit = new Audit(lab).Run(g, record, c, safety, successor.Ok);
        relations.Add(SafetyAudit.Statement(journal.Lab, g, decision.Promoted, audit));
        string id = journal.Id("generation", $"g{g}");
        journal.Record(ProvStatement.Activity(id, GenerationRecord.Type, record.ToAttributes()), [.. relations]);
        var gaps = SafetyAudit.Gaps(audit);
        var notApplicable = SafetyAudit.NotApplicable(audit);
        int required = SafetyAudit.Required.Count, applicable = required - notApplicable.Count;
        string na = notApplicable.Count == 0 ? "" : $"; not applicable: {string.Join("; ", notApplicable)}";
        lab.Report(new(g, "audit", (gaps.Count == 0
            ? $"all {applicable} applicable required safety checks ran and passed"
            : $"{applicable - gaps.Count} of {applicable} applicable required safety checks ran and passed; " +
                $"{string.Join("; ", gaps)}") + na));
        if (decision.Promoted) Attest(s, next, id, decision.ApprovedBy, curation.SelfGenerated);
        lab.Report(new(g, "judge", lab.Judge.TakeWaitedText()));
        lab.Report(new(g, decision.Promoted ? "promoted" : "rejected", decision.Reason));
        return next;
    }

    /// <summary>The evidence with the decisions of the human gates the policy asks (promotion, then data mix),
    /// or a pause until a person decides.</summary>
    PromotionEvidence AskGates(int g, PromotionEvidence evidence, string standing, Recipe parent, Recipe successor)
    {
        if (!PromotionPolicy.Decide(evidence).PassesChecks) return evidence;
        var (approvals, gates) = (lab.Approvals(g), lab.Config.Gates);
        evidence = evidence with { PromotionDecision = approvals.Await(new PromotionGate(gates.Promotion),
            new PromotionCandidate(g, standing)) };
        if (!PromotionPolicy.Decide(evidence).Promoted) return evidence;
        var change = new DataMixChange(g, parent.SelfGeneratedFraction, successor.SelfGeneratedFraction);
        return evidence with { DataMixDecision = approvals.Await(new DataMixGate(gates.DataMixChange), change) };
    }

    /// <summary>The promotion's in-toto statement: the new checkpoint, its parent and its self-generated
    /// data.</summary>
    void Attest(GenerationState s, Champion next, string generationId, string? approvedBy, List<string> selfGenerated)
    {
        var journal = lab.Journal;
        var statement = new InTotoStatement($"successor-g{s.Number}", next.CheckpointDigest,
            $"successor-lab:{journal.Lab}", generationId,
            [new ResolvedDependency("parent", s.Champion.CheckpointDigest),
                .. selfGenerated.Select((d, i) => new ResolvedDependency($"data:self-generated:{i}", d))],
            s.Started, DateTimeOffset.UtcNow);
        PromotionRecorder.Record(journal.Ledger, journal.Artifacts, LabJournal.LoopAgent, next.Id,
            journal.Id("promotion", $"g{s.Number}"),
            approvedBy ?? LabJournal.PolicyAgent, statement);
    }

    /// <summary>The successor's frontier: the hardest difficulty up to which it answers at least
    /// self_generation.mastery_accuracy of the public validation problems at every difficulty, in every family, so
    /// the next curation starts where it is no longer reliable (Lee et al. admit a length only once it is learned);
    /// never below the champion's, nor below the curated difficulties the champion was found to master
    /// (FrontierProbe.Curated). A successor that masters every public difficulty is probed past them
    /// (ProbePastPublic), so the frontier is not capped by the public validation set. Without per-item curriculum
    /// scores, the hardest curated difficulty where at least a tenth of the problems were kept. On schedule
    /// (self_generation.advance), the hardest curated difficulty, learned or not.</summary>
    int Frontier(int g, Champion champion, CurationRecord? curation, IReadOnlyList<double> scores, string model)
    {
        if (curation is null) return champion.Frontier;
        if (lab.Config.SelfGeneration.OnSchedule) return Math.Max(champion.Frontier, Curated(curation));
        var mastered = Mastered(scores);
        if (mastered is { } m)
        {
            var top = Data.Curriculum.CurriculumGenerator.ParseDifficulties(lab.Config.Curriculum.EvalDifficulties)
                .Max();
            int known = Math.Max(champion.Frontier, Curated(curation));
            if (m == top) m = ProbePastPublic(g, Math.Max(m, known), curation, model);
            return Math.Max(known, m);
        }
        var difficulties = curation.Difficulties;
        int generated = curation.Generated / Math.Max(1, difficulties.Count);
        int frontier = champion.Frontier;
        for (int i = 0; i < difficulties.Count; i++)
            if (curation.KeptPerDifficulty[i] * 10 >= generated) frontier = Math.Max(frontier, difficulties[i]);
        return frontier;
    }

    /// <summary>The curated difficulties the next curation starts past: those the champion was found to master, or
    /// on schedule (self_generation.advance) every one, learned or not.</summary>
    int Curated(CurationRecord c) => lab.Config.SelfGeneration.OnSchedule ? c.Difficulties.DefaultIfEmpty(0).Max()
        : FrontierProbe.Curated(c, lab.Config.SelfGeneration.MasteryAccuracy);

    /// <summary>FrontierProbe on fresh validation-side problems (as many per difficulty as a public slice, from the
    /// lab's seed), up to self_generation.difficulties_ahead past the hardest curated difficulty.</summary>
    int ProbePastPublic(int g, int from, CurationRecord curation, string path)
    {
        var (c, s) = (lab.Config.Curriculum, lab.Config.SelfGeneration);
        var families = Data.Curriculum.TaskFamilies.Parse(c.Families);
        int limit = Math.Min(MovingHoldout.Ceiling,
            curation.Difficulties.DefaultIfEmpty(from).Max() + s.DifficultiesAhead);
        using var model = lab.LoadFile(path);
        int mastered = FrontierProbe.Reach(from, limit, s.MasteryAccuracy, d =>
            Evaluation.Curriculum.CurriculumEvaluator.Slices(Evaluation.Curriculum.CurriculumEvaluator.Run(model,
                Data.Curriculum.CurriculumGenerator.Set(families, [d], c.EvalItemsPerSlice, lab.SeedFor(g, 7),
                    Data.Curriculum.CurriculumSplit.Validation))));
        if (mastered > from)
            lab.Report(new(g, "frontier", $"masters every public difficulty and, on {c.EvalItemsPerSlice} fresh " +
                $"public problems each, d={from + 1}–{mastered}"));
        return mastered;
    }

    /// <summary>The hardest public difficulty mastered with every easier one, from per-item scores in the public
    /// problems' order (family, difficulty, draw); null when the scores are not that shape.</summary>
    int? Mastered(IReadOnlyList<double> scores)
    {
        var c = lab.Config.Curriculum;
        int families = Data.Curriculum.TaskFamilies.Parse(c.Families).Count;
        var difficulties = Data.Curriculum.CurriculumGenerator.ParseDifficulties(c.EvalDifficulties);
        int n = c.EvalItemsPerSlice;
        if (scores.Count != families * difficulties.Count * n) return null;
        int mastered = 0;
        foreach (var (d, i) in difficulties.Select((d, i) => (d, i)).OrderBy(x => x.d))
        {
            bool all = Enumerable.Range(0, families).All(f =>
                scores.Skip((f * difficulties.Count + i) * n).Take(n).Average() >=
                    lab.Config.SelfGeneration.MasteryAccuracy);
            if (!all) break;
            mastered = d;
        }
        return mastered;
    }
}
