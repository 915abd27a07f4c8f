// A text lab on a split folder written by `successor data split`: trains on train.jsonl, is scored on
// the documents of validation.jsonl (loss per document, in bits per byte), and verified by the Verifier
// on the sealed holdout's documents. Text cannot be checked the way a curriculum answer can, so text
// labs do not generate their own data.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Successor.Data.Corpora;
using Successor.Evaluation.Statistics;
using Successor.Evaluation.Text;
using Successor.Evaluation.Verification;
using Successor.Lab.Config;
using Successor.Models.Gpt;
using Successor.Models.Tokenizers;
using Successor.Research;
using Successor.Training.Data;
using Successor.Training.Recipes;

namespace Successor.Lab.Workloads;

public sealed class TextWorkload(string split, PromotionConfig promotion) : IWorkload
{
    // Made on first use: a trial's worker scores public validation only and must not need the sealed side.
    Verifier Verifier => field ??= new(new VerifierSettings { Tolerance = promotion.Tolerance }, split);
    List<Document>? validation;

    public string Metric => "bits_per_byte";
    public bool CanSelfGenerate => false;

    List<Document> Validation =>
        validation ??= [.. CorpusReader.Load(Path.Combine(split, SplitWriter.ValidationFile)).Documents];

    public TrainingData Data(Recipe recipe, IReadOnlyList<string> selfGenerated)
    {
        var train = CorpusReader.Load(Path.Combine(split, SplitWriter.TrainFile));
        var trainTokens = new TokenStream(ByteTokenizer.Encode(Encoding.UTF8.GetBytes(train.JoinedText())));
        var validationTokens = new TokenStream(
            ByteTokenizer.Encode(Encoding.UTF8.GetBytes(string.Join("\n\n", Validation.Select(d => d.Text)))));
        if (trainTokens.Length <= recipe.Model.BlockSize || validationTokens.Length <= recipe.Model.BlockSize)
            throw new DataException($"split {split}: " +
                $"train or validation text is shorter than block_size + 1 = {recipe.Model.BlockSize + 1} bytes");
        string sha = Convert.ToHexStringLower(
            SHA256.HashData(Encoding.UTF8.GetBytes(train.Sha256 + Corpus.ContentHash(Validation))));
        return new TrainingData($"text:{Path.GetFileName(Path.GetFullPath(split))}", sha, trainTokens,
            validationTokens);
    }

    /// <summary>Minus each validation document's loss in bits per byte (documents under 2 bytes are left
    /// out).</summary>
    public double[] PublicScores(GptModel model) =>
        [.. TextEvaluator.PerDocument(model, Validation).Where(d => d.Tokens > 0).Select(d => -d.Loss / Math.Log(2))];

    public IReadOnlyList<(string Family, int Difficulty)>? PublicSlices() => null;

    public (List<PublicWeakness> Weaknesses, WeaknessRecord Report) Weaknesses(GptModel model)
    {
        var losses = TextEvaluator.PerDocument(model, Validation);
        var scored = Validation.Zip(losses).Where(p => p.Second.Tokens > 0)
            .Select(p => (p.First.Id, Bits: p.Second.Loss / Math.Log(2), p.Second.Tokens))
            .ToList();
        double mean = scored.Sum(s => s.Bits * s.Tokens) / Math.Max(1, scored.Sum(s => s.Tokens));
        var worst = scored.OrderByDescending(s => s.Bits).Take(5).ToList();
        var report = new WeaknessRecord(mean,
            [.. worst.Select(s => new WeaknessRecord.SliceScore(s.Id, BitsPerByte: s.Bits))]);
        return ([.. worst.Select(s => new PublicWeakness($"validation document {s.Id}", s.Bits, "bits/byte"))], report);
    }

    public TrainingOverlap TrainingContamination()
    {
        var train = CorpusReader.Load(Path.Combine(split, SplitWriter.TrainFile)).Documents.ToList();
        var index = new Successor.Data.Contamination.ContaminationIndex();
        index.Add("public validation", Validation);
        return new TrainingOverlap(index.Check(train), Verifier.Contamination(train));
    }

    public CanaryResult Canaries(GptModel model) => Verifier.TextCanaries(model);

    public HoldoutSummary Score(GptModel model) => Summary(Verifier.HoldoutText(model));

    HoldoutSummary Summary(TextScore score) =>
        new HoldoutSummary(score.BitsPerByte, $"sealed holdout {score.BitsPerByte:0.0000} bits/byte",
            new HoldoutStanding(Metric, score.BitsPerByte));

    public (Verdict Verdict, HoldoutSummary Successor) Compare(GptModel champion, GptModel successor)
    {
        var (verdict, score) = Verifier.CompareText(champion, successor);
        return (verdict, Summary(score));
    }

    /// <summary>Sealed documents in a replay of the promotion rule.</summary>
    public const int ReplayDocuments = 64;

    public IReadOnlyList<KnownCase> Replay(GptModel champion, GptModel silenced, GptModel perturbed, ulong seed,
        int variants) => Verifier.ReplayKnownTextCases(champion, silenced, perturbed, ReplayDocuments, seed, variants);
}
