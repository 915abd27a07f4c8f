// `successor data contamination`: 13-gram and 50-byte overlap between training data (any corpus,
// model-generated data included) and a split's public validation set — and, through the Verifier, its
// sealed holdout. Exit code 2 when any document overlaps the sealed holdout (each one is listed), or when
// the share of documents overlapping the validation set is above the threshold.
using System.Text.Json.Nodes;
using Successor.Data.Contamination;
using Successor.Data.Corpora;
using Successor.Evaluation.Verification;

namespace Successor.Cli.Commands.Data;

public static class ContaminationCommand
{
    public static Command Create()
    {
        var training = new Argument<string>("training")
            { Description = "Training data: a .txt or .jsonl file or a folder" };
        var against = new Option<string>("--against")
            { Description = "A split folder (written by successor data split)", Required = true };
        var threshold = new Option<double>("--threshold")
        {
            Description = "Largest allowed fraction of documents overlapping the validation set "
                + "(any overlap with the sealed holdout is refused)",
            DefaultValueFactory = _ => ContaminationGuard.DefaultThreshold,
        };
        var json = CommonOptions.Json();
        return CliCommand.Create("contamination",
            "Overlap of training data with the validation set and sealed holdout",
            [training, against, threshold, json], r =>
        {
            var corpus = CorpusReader.Load(r.GetValue(training)!);
            string split = r.GetValue(against)!;
            var index = new ContaminationIndex();
            var validationSet = CorpusReader.Load(Path.Combine(split, SplitWriter.ValidationFile));
            index.Add("the validation set", validationSet.Documents);
            var validation = index.Check(corpus.Documents);
            var holdout = new Verifier(new VerifierSettings(), split).Contamination(corpus.Documents);
            if (r.GetValue(json))
            {
                JsonObject Part(ContaminationReport c) => new()
                {
                    ["documents"] = c.Documents, ["flagged"] = c.Flagged, ["rate"] = c.Rate,
                    ["word_13gram_hits"] = c.WordGramHits, ["byte_50_window_hits"] = c.ByteWindowHits,
                    ["examples"] = new JsonArray([.. c.Examples.Select(e => (JsonNode)new JsonObject
                    {
                        ["document"] = e.TrainingDocument, ["line"] = e.Line, ["kind"] = e.Kind,
                        ["excerpt"] = e.ShortExcerpt,
                    })]),
                };
                var sealedPart = Part(holdout);
                sealedPart["overlapping_documents"] = new JsonArray([.. holdout.SealedHits.Select(e =>
                    (JsonNode)new JsonObject
                    {
                        ["document"] = e.TrainingDocument, ["line"] = e.Line, ["kind"] = e.Kind,
                        ["excerpt"] = e.ShortExcerpt,
                    })]);
                var document = new JsonObject
                {
                    ["validation"] = Part(validation),
                    ["holdout"] = sealedPart,
                    ["threshold"] = r.GetValue(threshold),
                };
                Console.WriteLine(document.ToJsonString());
            }
            else
            {
                foreach (var e in validation.Examples.Concat(holdout.SealedHits))
                    Console.WriteLine($"overlap {e.Describe()} with {e.Reference}");
                new Printer(false).Result([
                    ("documents", corpus.Documents.Count),
                    ("validation_flagged", validation.Flagged), ("validation_rate", validation.Rate),
                    ("holdout_flagged", holdout.Flagged), ("holdout_rate", holdout.Rate),
                    ("threshold", r.GetValue(threshold)),
                ]);
            }
            ContaminationGuard.Require(corpus.Name, validation, r.GetValue(threshold));
            ContaminationGuard.Require(corpus.Name, holdout, r.GetValue(threshold));
            return ExitCodes.Success;
        });
    }
}
