// What a compile worker writes as compile.json in its folder: the point, the SHA-256 of the source it
// compiled, whether it compiled and passed the screen, its compile log, and the screen's refusals among it.
using System.Text.Json;
using Successor.Lab.Config;
using Successor.Models;

namespace Successor.Lab.Plugins;

public sealed record PluginCompileResult
{
    public const string FileName = "compile.json", RequestFile = "request.json";

    public required string Point { get; init; }
    public required string Hash { get; init; }
    public bool Ok { get; init; }
    public IReadOnlyList<string> Diagnostics { get; init; } = [];
    public IReadOnlyList<string> Refusals { get; init; } = [];

    public void Save(string folder) =>
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, SnakeCaseJson.Options));

    /// <summary>The result in `folder`, or null when there is none or it does not read as one.</summary>
    public static PluginCompileResult? TryLoad(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path) || new FileInfo(path).Length > 1 << 20) return null;
        try { return JsonSerializer.Deserialize<PluginCompileResult>(File.ReadAllText(path), SnakeCaseJson.Options); }
        catch (JsonException) { return null; }
    }

    /// <summary>The request a compile worker reads: the researcher's proposal as it was given.</summary>
    public static Research.PluginProposal LoadRequest(string folder)
    {
        string path = Path.Combine(folder, RequestFile);
        if (!File.Exists(path)) throw new LabConfigException($"plug-in folder {folder}: has no {RequestFile}");
        string text = File.ReadAllText(path);
        try
        {
            return JsonSerializer.Deserialize<Research.PluginProposal>(text, SnakeCaseJson.Options)
                ?? throw new JsonException("it is null");
        }
        catch (JsonException e)
        {
            throw new LabConfigException(
                $"plug-in request {path}{SnakeCaseJson.Problem(e, text, typeof(Research.PluginProposal))}");
        }
    }
}
