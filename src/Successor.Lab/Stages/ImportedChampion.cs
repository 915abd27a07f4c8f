// Generation 0 of a lab started from a model it did not train (lab.json's first_champion, a folder successor
// import writes): the model is checked against the lab's recipe, stored as the first champion, scored on the
// sealed holdout like a trained one, and its origin (source format and hashes, recipe) is recorded in the ledger.
using System.Text;
using System.Text.Json;
using Successor.Ledger.Statements;
using Successor.Models.Interop;
using Successor.Training;
using Successor.Training.Recipes;

namespace Successor.Lab.Stages;

sealed class ImportedChampion(LabContext lab)
{
    public Champion Run(string folder, string generationId)
    {
        var (config, journal) = (lab.Config, lab.Journal);
        string modelPath = Path.Combine(folder, TrainingCheckpoint.ModelFile);
        string recipePath = Path.Combine(folder, TrainingCheckpoint.RecipeFile);
        using (var imported = lab.LoadFile(modelPath))
            if (imported.Config != config.Recipe.Model)
                throw new Config.LabConfigException($"lab config: first_champion {folder}: its model is " +
                    $"{JsonSerializer.Serialize(imported.Config, Models.SnakeCaseJson.Compact)}, not lab.json's " +
                    "recipe.model; set recipe.model to it");
        var recipe = RecipeJson.Parse(File.ReadAllText(recipePath), recipePath);
        var origin = ImportOrigin.Read(folder);
        lab.Report(new(0, "import", $"first champion from {folder} ({origin?.Format ?? "a Successor checkpoint"})"));
        string digest = journal.Artifacts.PutFile(modelPath);
        var champion = new Champion(0, digest, config.Recipe, [], lab.TrainMax);
        string originId = journal.Id("origin", "first-champion");
        var originRecord = new OriginRecord(Path.GetFullPath(folder), RecipeJson.Sha256(recipe), digest,
            origin?.Format, origin?.Source, origin?.ConfigSha256, origin?.WeightsSha256);
        string recipeDigest = journal.Store(Encoding.UTF8.GetBytes(RecipeJson.Canonical(recipe)));
        var score = lab.Judge.Score(journal.Artifacts.PathOf(digest));
        var record = champion.Into(new GenerationRecord
        {
            Promoted = true, Reason = $"the first champion, imported from {origin?.Format ?? "a checkpoint"}",
        }).With(score.Standing) with { Tokens = 0, Seconds = lab.LabClock.Elapsed.TotalSeconds };
        journal.Record(ProvStatement.Activity(generationId, GenerationRecord.Type, record.ToAttributes()),
            ProvStatement.Artifact(originId, OriginRecord.Type, recipeDigest, originRecord.ToAttributes()),
            ProvStatement.Artifact(champion.Id, CheckpointRecord.Type, digest,
                new CheckpointRecord { Lab = journal.Lab }.ToAttributes()),
            ProvStatement.WasDerivedFrom(champion.Id, originId),
            ProvStatement.WasGeneratedBy(champion.Id, generationId));
        lab.Report(new(0, "champion", $"first champion (imported): {score.Text}"));
        lab.Report(new(0, "judge", lab.Judge.TakeWaitedText()));
        return champion;
    }
}
