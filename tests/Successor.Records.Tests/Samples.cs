// One fully populated record of every type, and the round trip a record makes through the ledger: its
// attributes written as canonical JSON (the bytes the ledger hashes and stores) and parsed back.
using System.Text.Json.Nodes;
using Successor.Ledger.Canonical;
using Successor.Records;

namespace Successor.Records.Tests;

public static class Samples
{
    /// <summary>Attributes as a reader gets them back from the ledger.</summary>
    public static JsonObject ThroughLedger(JsonObject attributes) =>
        JsonNode.Parse(CanonicalJson.Serialize(attributes))!.AsObject();

    /// <summary>Every record type with every field set, and how it is read.</summary>
    public static IEnumerable<(LabRecord Record, Func<JsonObject, LabRecord> Read)> All()
    {
        yield return (Generation(), GenerationRecord.From);
        yield return (new TrialRecord
        {
            Lab = "lab", Generation = 2, Status = "ok", Error = "none", Steps = 40, Tokens = 81_920, Seconds = 12.5,
            Score = 0.625, Scores = [1, 0, 0.5], TrainLoss = 1.75, LossCurve = [3.5, 2.25, 1.75], LossEvery = 10,
            TrainSeconds = 11.25, TrainCpuSeconds = 10.5, RecipeSha256 = "r1", ModelSha256 = "m1", StableSha256 = "s1",
            ContinuedFrom = "g1-p0-r0", EvaluatorSha256 = "e1", EvaluatorAfterSha256 = "e2",
            Shape = "2 layers x 64 wide",
        }, TrialRecord.From);
        yield return (Curation(), CurationRecord.From);
        yield return (new WeaknessRecord(0.5, [new("radd d=1", Accuracy: 0.75), new("text", BitsPerByte: 2.5)],
            ["1+1=3 (expected 2)"])
        {
            Lab = "lab", Generation = 3, Metric = "accuracy", Digest = "sha256:ab",
            Weaknesses = [new("radd d=3", 0.25, "accuracy")],
        }, WeaknessRecord.From);
        yield return (new ProposalsRecord(3, "evolutionary", [new(1, 0.5, true, false), new(2, null, false, true)],
            [new("p0", ["learning_rate=0.002"], "radd d=3", "a larger step")]) { Lab = "lab" }, ProposalsRecord.From);
        yield return (new PriorFindingsRecord("../earlier/.successor/ledger.db", "earlier", 98, new string('a', 64),
            [new(1, "p2", ["learning_rate=0.002", "batch_size=6"], 25, -2.9, 0.125, 0.05, 0.2)]) { Lab = "lab" },
            PriorFindingsRecord.From);
        yield return (new FindingRecord(3, "p0", "g3-p0-r0", ["steps=40"], Steps: 40, Score: 0.5, Effect: 0.125,
            Low: -0.25, High: 0.5, PValue: 0.03) { Lab = "lab" }, FindingRecord.From);
        yield return (new SelectionRecord(3, ["steps=40"], ["steps=40"], Effect: 0.1, Low: 0.05, High: 0.15, Seeds: 4,
            ReusedTrials: ["g3-p0-r0"],
            Finalists:
            [
                new("p0", "a", ["steps=40"], 0.1, 0.05, 0.15) { FreshEffect = 0.2, FreshLow = 0.1, FreshHigh = 0.3 },
            ],
            Reason: "adopted") { Lab = "lab" }, SelectionRecord.From);
        yield return (new ResearchCallRecord(3, "llm:openai/gpt-4o", 2, "repair p1", "malformed", 5120, 610, 0.0189,
            2.25, "proposals[1].overrides: learning_rate is the text \"banana\"") { Lab = "lab" },
            ResearchCallRecord.From);
        yield return (new KeptDataCheckRecord(3, Checked: 80, OffTrainingSide: 1, Malformed: 2, Passed: false)
        {
            Lab = "lab",
        }, KeptDataCheckRecord.From);
        yield return (new ReplayRecord(3, [new("silenced", false, false, "worse"),
            new("lucky-win", false, false, "the CI includes zero") { Count = 50, AcceptedCount = 0 }], KnownBad: 3,
            FalseAccepts: 0, KnownGood: 2, FalseRejects: 1, Accuracy: 0.8, FalseAcceptRate: 0, Seconds: 4.5)
        {
            Lab = "lab", PooledKnownBad = 103, PooledFalseAccepts = 0, FalseAcceptBound = 0.029, Confidence = 0.95,
        }, ReplayRecord.From);
        yield return (new ReevaluationRecord(3,
            [new("g3-successor", Reported: 1, Judged: 0.25, MaxDifference: 1, Matches: false, Why: "made up"),
                new("g3-r0-p1", Reported: 0.5, Judged: 0.5, MaxDifference: 0, Matches: true, Why: null)],
            EvaluatorSha256: "e1", EvaluatorChanged: "changed", Seconds: 0.75)
            {
                Lab = "lab",
                SealedRegeneration = new(DecoyAccuracy: 0.9, SealedAccuracy: 0.3, Items: 60, Gap: 0.6,
                    PValue: 2.5e-12, Flagged: true, Alpha: 1e-6, MinGap: 0.15, Seconds: 0.25),
            },
            ReevaluationRecord.From);
        yield return (new TrialChecksRecord(3, ["g3-p0-r0", "g3-p1-r0"], ["e1"], "e1", EvaluatorPassed: true)
        {
            Lab = "lab", Outliers = new("none", []), ChangePoints = new("one jump", ["g3-p1-r0"]),
            Throughput = new("too little history", []) { Compared = false },
        }, TrialChecksRecord.From);
        yield return (new ContaminationCheckRecord(90, 3, 0.03, "doc 4 overlaps holdout 2", Passed: false)
        {
            Lab = "lab", ValidationFlagged = 1, SealedFlagged = 3, ValidationThreshold = 0.001,
            SealedOverlaps = [new("doc 4", 2, "13-gram", "to be or not")],
        }, ContaminationCheckRecord.From);
        yield return (new LabConfigRecord("c0ffee", "evolutionary", "{\"trial_steps\":20}", Cores: 2,
            ThreadsPerWorker: 1, Digest: "sha256:cd", Sandbox: "on") { Lab = "lab" }, LabConfigRecord.From);
        yield return (new OriginRecord("/labs/imported", "ab12", "sha256:ef", Format: "hf-gpt2", Source: "/hf",
            SourceConfigSha256: "c0", SourceWeightsSha256: "d1") { Lab = "lab" }, OriginRecord.From);
        yield return (new BudgetChangeRecord(Previous: "{\"trial_steps\":20}",
            Budgets: "{\"trial_steps\":40}") { Lab = "lab" }, BudgetChangeRecord.From);
        yield return (new BudgetHaltRecord(Reason: "the lab's token budget ran out") { Lab = "lab" },
            BudgetHaltRecord.From);
        yield return (new CheckpointRecord(Generation: 2, Digest: "sha256:ef") { Lab = "lab" },
            CheckpointRecord.From);
        yield return (new SelfGeneratedRecord(Generation: 2, Kept: 37, Digest: "sha256:01") { Lab = "lab" },
            SelfGeneratedRecord.From);
        yield return (new IncidentRecord(Kind: "collapse", Detail: "distinct-2 fell",
            Severity: "warning") { Lab = "lab" },
            IncidentRecord.From);
        yield return (new ApprovalRequestRecord(Gate: "promotion", Summary: "promote generation 2") { Lab = "lab" },
            ApprovalRequestRecord.From);
        yield return (Decision(), DecisionRecord.From);
        yield return (new PersonRecord(Role: "admin", PublicKey: "5e", AddedBy: "user:ada"), PersonRecord.From);
        yield return (new RevocationRecord(Person: "user:rex", RevokedBy: "user:ada"), RevocationRecord.From);
        yield return (new HaltRequestRecord(By: "user:ada", Reason: "runaway") { Lab = "lab" },
            HaltRequestRecord.From);
        yield return (new AuditRecord(Generation: 2, Promoted: true, Complete: false, Checks: [new("canaries", true,
            true, "0 completed"), new("divergence", false, false, "not verified"),
            new("kept-data-drift", false, false, "nothing kept") { State = "not applicable" }]) { Lab = "lab" },
            AuditRecord.From);
    }

    public static GenerationRecord Generation() => new GenerationRecord
    {
        Lab = "lab", Generation = 2, ChampionGeneration = 2, ChampionCheckpoint = "sha256:aa",
        ChampionRecipe = "{\"steps\":20}", SelfGenerated = ["sha256:bb"], Frontier = 4, Promoted = true,
        Reason = "promoted: genuinely better", ApprovedBy = "user:ada",
        Improvement = 0.125, ImprovementLow = 0.0625, ImprovementHigh = 0.25, ImprovementPValue = 0.001,
            HoldoutItems = 600,
        GenuinelyBetter = true, Verdict = "genuinely better", CandidatePublicScore = 0.5,
        DivergenceScope = "radd d=1–9", PublicImprovement = 0.25, PublicImprovementLow = 0.125,
        PublicImprovementHigh = 0.375, DivergenceSealedImprovement = 0.125, DivergenceSealedImprovementLow = 0.0625,
        DivergenceSealedImprovementHigh = 0.25, DivergenceZ = 0.5,
        DivergenceAlarm = false, DivergenceSumGenerations = 2, DivergenceSumZ = 0.75, DivergenceSumAlarm = false,
        CanariesCompleted = 0, CanariesPlanted = 4, ReplayFalseAccepts = 0, CumulativeReliability = 0.998,
        ProjectedReliability = 0.99,
        ReliabilityAlarm = false, KeptLabelAccuracy = 0.9, Kept = 37, PerplexityDrift = 0.05, TailCoverage = 0.8,
        Tokens = 1_000_000, Seconds = 321.5,
    }.With(new HoldoutStanding("accuracy", 0.75)
    {
        Horizon = 4.5, HorizonLow = 3.5, HorizonHigh = 5.5, HorizonStatus = "inside", HorizonEasiest = 1,
        HorizonHardest = 12,
        Horizons = [new FamilyHorizon("radd", 4.5, 3.5, 5.5, "inside") { Easiest = 1, Hardest = 12 },
            new FamilyHorizon("rmul", null, null, null, "above")],
    });

    public static CurationRecord Curation() => new()
    {
        Lab = "lab", Generation = 2, Difficulties = [5, 6], Filter = "verifier", Generated = 80, Kept = 37,
            KeptCorrect = 33,
        KeptLabelAccuracy = 0.89, KeptPerDifficulty = [30, 7], ReferenceCheckpoint = "sha256:aa",
        OriginalDataIncluded = true, Data = "sha256:bb", Distinct2 = 0.5, Distinct2Truth = 0.625, DiversityRatio = 0.8,
        EntropyBits = 3.25, PerplexityParent = 1.5, PerplexityReference = 1.75, PerplexityReferenceTruth = 1.625,
        PerplexityDrift = 0.125, TailCoverage = 0.75,
    };

    public static DecisionRecord Decision() =>
        new("request:lab/g2-promotion", "promotion", Approved: true, "user:ada", "the CI excludes zero",
            12.345) { Lab = "lab" };
}
