// Where an imported model came from: written as origin.json beside the imported checkpoint, and recorded in
// the ledger as the lab's origin when a lab starts from it.
using System.Text.Json;

namespace Successor.Models.Interop;

/// <summary>The source format, folder, and the SHA-256 of the source's config and weights files.</summary>
public sealed record ImportOrigin(string Format, string Source, string ConfigSha256, string WeightsSha256)
{
    public const string FileName = "origin.json";

    public void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, SnakeCaseJson.Options) + "\n");

    /// <summary>The origin in `folder`, or null when the folder has none (a model Successor trained).</summary>
    public static ImportOrigin? Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        string text = File.ReadAllText(path);
        try
        {
            return JsonSerializer.Deserialize<ImportOrigin>(text, SnakeCaseJson.Options)
                ?? throw new JsonException("it is null");
        }
        catch (JsonException e)
        {
            throw new InteropException($"{path}: is not an import origin " +
                $"({JsonProblem.Explain(e, text, typeof(ImportOrigin), SnakeCaseJson.Options)}); " +
                "keep the one successor import wrote");
        }
    }
}
