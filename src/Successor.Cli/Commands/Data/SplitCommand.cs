// `successor data split`: a deterministic document-level split of a corpus into a folder
// (train.jsonl, validation.jsonl, sealed/, manifest.json), each split content-hashed, near-duplicates kept on
// one side (or dropped) so that the lab accepts the split it wrote.
using Successor.Data.Corpora;

namespace Successor.Cli.Commands.Data;

public static class SplitCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input")
            { Description = "A .txt file, a .jsonl file or a folder of text files" };
        var output = new Option<string>("--out") { Description = "Folder to write the split to", Required = true };
        var ratios = new Option<string>("--ratios")
            { Description = "train,validation,holdout fractions", DefaultValueFactory = _ => "0.8,0.1,0.1" };
        var seed = CommonOptions.Seed("Seed of the assignment");
        var canaries = new Option<int>("--canaries")
        {
            Description = "Random canary strings to plant in the holdout (0: none, and a lab's canary check "
                + "does not apply)",
            DefaultValueFactory = _ => CorpusSplitter.DefaultCanaries,
        };
        var nearDuplicates = new Option<string>("--near-duplicates")
        {
            Description = "Documents that overlap one another (a shared 13-gram or 50-byte window, the lab's "
                + "contamination rule): together keeps each group on one side, drop keeps one of each group",
            DefaultValueFactory = _ => "together",
        };
        nearDuplicates.AcceptOnlyFromAmong("together", "drop");
        var json = CommonOptions.Json();
        return CliCommand.Create("split", "Split a corpus into train, public validation and a sealed holdout",
            [input, output, ratios, seed, canaries, nearDuplicates, json], r =>
        {
            var parsedRatios = SplitRatios.Parse(r.GetValue(ratios)!);
            var corpus = CorpusReader.Load(r.GetValue(input)!);
            var mode = r.GetValue(nearDuplicates) == "drop" ? NearDuplicates.Drop : NearDuplicates.Together;
            var split = CorpusSplitter.Split(corpus, parsedRatios, r.GetValue(seed), r.GetValue(canaries), mode);
            var manifest = SplitWriter.Write(r.GetValue(output)!, corpus, split, parsedRatios, r.GetValue(seed));
            if (r.GetValue(json)) { Console.WriteLine(manifest.ToJsonString()); return ExitCodes.Success; }
            new Printer(false).Result([
                ("documents", corpus.Documents.Count),
                ("train_documents", split.Train.Count), ("train_sha256", manifest["train"]!["sha256"]!.ToString()),
                ("validation_documents", split.Validation.Count),
                ("validation_sha256", manifest["validation"]!["sha256"]!.ToString()),
                ("holdout_documents", split.Holdout.Count),
                ("holdout_sha256", manifest["holdout"]!["sha256"]!.ToString()),
                ("canaries", split.Canaries.Count),
                ("near_duplicates", split.NearDuplicates!.Describe()),
                ("folder", Path.GetFullPath(r.GetValue(output)!)),
            ]);
            return ExitCodes.Success;
        });
    }
}
