// Writes a split to a folder: train.jsonl and validation.jsonl (public), sealed/holdout.jsonl and
// sealed/canaries.jsonl (first line: the sealed marker, which every public reader refuses), and
// manifest.json with each split's document count, bytes and content SHA-256, and what the split did with
// near-duplicates.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Successor.Data.Corpora;

public static class SplitWriter
{
    public const string TrainFile = "train.jsonl", ValidationFile = "validation.jsonl", ManifestFile = "manifest.json";

    public static JsonObject Write(string folder, Corpus corpus, CorpusSplit split, SplitRatios ratios, ulong seed)
    {
        string sealedFolder = Path.Combine(folder, SealedFormat.FolderName);
        Directory.CreateDirectory(sealedFolder);
        WriteJsonl(Path.Combine(folder, TrainFile), split.Train, sealedHeader: false);
        WriteJsonl(Path.Combine(folder, ValidationFile), split.Validation, sealedHeader: false);
        WriteJsonl(Path.Combine(sealedFolder, SealedFormat.HoldoutFile), split.Holdout, sealedHeader: true);
        WriteJsonl(Path.Combine(sealedFolder, SealedFormat.CanaryFile),
            split.Canaries.Select((c, i) => new Document($"canary{i}", c.Text)).ToList(), sealedHeader: true);
        JsonObject Part(IReadOnlyList<Document> docs) => new()
        {
            ["documents"] = docs.Count,
            ["bytes"] = docs.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Text)),
            ["sha256"] = Corpus.ContentHash(docs),
        };
        var manifest = new JsonObject
        {
            ["format"] = "successor.split",
            ["source"] = corpus.Name,
            ["source_sha256"] = corpus.Sha256,
            ["seed"] = seed,
            ["ratios"] = ratios.Format(),
            ["train"] = Part(split.Train),
            ["validation"] = Part(split.Validation),
            ["holdout"] = Part(split.Holdout),
            ["canaries"] = split.Canaries.Count,
        };
        if (split.NearDuplicates is { } n)
            manifest["near_duplicates"] = new JsonObject
            {
                ["mode"] = n.Mode.ToString().ToLowerInvariant(), ["groups"] = n.Groups,
                ["moved"] = n.Moved, ["dropped"] = n.Dropped, ["summary"] = n.Describe(),
            };
        File.WriteAllText(Path.Combine(folder, ManifestFile),
            manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return manifest;
    }

    static void WriteJsonl(string path, IReadOnlyList<Document> documents, bool sealedHeader)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        writer.NewLine = "\n";
        if (sealedHeader) writer.WriteLine(SealedFormat.Header);
        foreach (var d in documents) writer.WriteLine(new JsonObject { ["text"] = d.Text }.ToJsonString());
    }
}
