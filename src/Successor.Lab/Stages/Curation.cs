// Stage 7. Curation: the champion answers training-side problems just past its frontier; the configured
// filter keeps some. Kept data joins the accumulated self-generated sets (never replacing the original
// data). The kept labels' accuracy, diversity, drift and tail coverage are measured, and alarms raised.
using System.Text;
using Successor.Lab.SelfGeneration;
using Successor.Ledger.Statements;
using Successor.Safety.Incidents;

namespace Successor.Lab.Stages;

sealed class Curation(LabContext lab)
{
    public CurationOutcome Run(GenerationState state)
    {
        var (config, journal, champion, g) = (lab.Config, lab.Journal, state.Champion, state.Number);
        var sets = new List<string>(champion.SelfGenerated);
        if (!config.SelfGeneration.Enabled || !lab.Task.CanSelfGenerate) return new(sets, null);
        var s = config.SelfGeneration;
        string id = journal.Id("curation", $"g{g}");
        var c = CurationRecord.From(journal.Get(id) ?? Record(g, id, champion));
        if (c.Data is { } digest) sets.Add(digest);
        var safety = config.Safety;
        if (c.KeptLabelAccuracy < config.Promotion.MinKeptLabelAccuracy)
            lab.RaiseIncident(g, "kept-label-accuracy", "kept-label-accuracy",
                $"{c.KeptLabelAccuracy:0.000} of the kept self-generated "
                + $"labels are correct, below the gate's {config.Promotion.MinKeptLabelAccuracy:0.000} (the "
                + $"{s.Filter} filter lets errors in)");
        if (c.DiversityRatio is { } ratio && ratio < safety.MinDiversityRatio)
            lab.RaiseIncident(g, "collapse", "collapse",
                $"the kept answers' distinct-2 is {c.Distinct2!.Value:0.000}, {ratio:0.000} of the "
                + $"true answers' {c.Distinct2Truth!.Value:0.000}, "
                + $"below safety.min_diversity_ratio {safety.MinDiversityRatio:0.000}", Severity.Warning);
        if (c.PerplexityDrift is { } drift && !safety.WithinDrift(drift))
            lab.RaiseIncident(g, "drift", "drift",
                $"the reference model finds the kept answers {drift:0.###}× as perplexing as the true ones "
                + $"({c.PerplexityReference!.Value:0.00} vs {c.PerplexityReferenceTruth!.Value:0.00}), "
                + "beyond safety.max_perplexity_drift "
                + $"{safety.MaxPerplexityDrift:0.00}", Severity.Warning);
        if (c.TailCoverage is { } tail && tail < safety.MinTailCoverage)
            lab.RaiseIncident(g, "tail-coverage", "collapse",
                $"the kept answers hold {tail:0.000} of the rare 3-grams the true answers to "
                + $"their prompts hold, below safety.min_tail_coverage {safety.MinTailCoverage:0.000}",
                    Severity.Warning);
        lab.Report(new(g, "curation",
            $"champion answered {c.Generated} problems at d={string.Join(",", c.Difficulties)}; "
            + $"{s.Filter} filter kept {c.Kept} ({string.Join("/", c.KeptPerDifficulty)} per difficulty); "
            + $"kept-label accuracy {c.KeptLabelAccuracy:0.000}" + (c.Voters is { } voters
                ? $"; {voters.Count} voters, " + (c.VoteNoMajority is { } none
                    ? $"{none} dropped without a majority, {c.VoteImplausibleLength} on length, " : "")
                    + $"{string.Join("/", c.VoteUnanimousPerDifficulty ?? [])} unanimous" : "")));
        return new(sets, c);
    }

    /// <summary>Generates, filters and records in one transaction: the curation, and the kept set as an
    /// artifact derived from the champion.</summary>
    System.Text.Json.Nodes.JsonObject Record(int g, string id, Champion champion)
    {
        var (s, journal) = (lab.Config.SelfGeneration, lab.Journal);
        var difficulties = Enumerable.Range(champion.Frontier + 1, s.DifficultiesAhead).ToList();
        using var model = lab.Load(champion.CheckpointDigest);
        var siblings = new Siblings(lab);
        var (kept, posed, result) = siblings.Needed
            ? siblings.Curate(champion, model, difficulties, s.ProblemsPerDifficulty, lab.SeedFor(g, 4))
            : SelfGeneratedData.Curate(model, lab.Config.Curriculum.Families, difficulties, s.ProblemsPerDifficulty,
            lab.SeedFor(g, 4), s.Filter, s.Samples, s.SampleTemperature);
        string referenceDigest = GenerationRecord.From(journal.Get(journal.Id("generation", "g0"))!).ChampionCheckpoint;
        using var reference = referenceDigest == champion.CheckpointDigest ? null : lab.Load(referenceDigest);
        var m = KeptDataMonitors.Measure(model, reference ?? model, kept, posed);
        var record = new CurationRecord
        {
            Generation = g,
            Difficulties = difficulties,
            Filter = s.Filter,
            Generated = result.Generated,
            Kept = result.Kept,
            KeptCorrect = result.KeptCorrect,
            KeptLabelAccuracy = result.KeptLabelAccuracy,
            KeptPerDifficulty = [.. difficulties.Select(d => kept.Count(p => p.Difficulty == d))],
            ReferenceCheckpoint = referenceDigest,
            // Accumulate, never replace: the original data stays in every mixture (Gerstgrasser et al. 2024).
            OriginalDataIncluded = true,
            Distinct2 = m.Distinct2, Distinct2Truth = m.Distinct2Truth, DiversityRatio = m.DiversityRatio,
            EntropyBits = m.EntropyBits,
            PerplexityParent = m.PerplexityParent, PerplexityReference = m.PerplexityReference,
            PerplexityReferenceTruth = m.PerplexityReferenceTruth, PerplexityDrift = m.PerplexityDrift,
            TailCoverage = m.TailCoverage,
            Voters = result.Voters, VoteNoMajority = result.NoMajority,
            VoteImplausibleLength = result.ImplausibleLength,
            VoteUnanimousPerDifficulty = result.UnanimousPerDifficulty,
        };
        var relations = new List<ProvStatement> { ProvStatement.Used(id, champion.Id) };
        if (reference is not null)
            relations.Add(ProvStatement.Used(id, $"checkpoint:{Ledger.Digests.Normalize(referenceDigest)[..16]}"));
        if (kept.Count > 0)
        {
            string digest = journal.Store(Encoding.UTF8.GetBytes(SelfGeneratedData.Format(kept)));
            string entity = journal.Id("self-generated", $"g{g}");
            record = record with { Data = digest };
            relations.AddRange([
                ProvStatement.Artifact(entity, SelfGeneratedRecord.Type, digest,
                    new SelfGeneratedRecord(g, kept.Count) { Lab = journal.Lab }.ToAttributes()),
                ProvStatement.WasGeneratedBy(entity, id), ProvStatement.WasDerivedFrom(entity, champion.Id)]);
        }
        return journal.Record(ProvStatement.Activity(id, CurationRecord.Type, record.ToAttributes()), [.. relations]);
    }
}
