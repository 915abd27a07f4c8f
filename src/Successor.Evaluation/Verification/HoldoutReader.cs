// Reads a sealed holdout (sealed/holdout.jsonl and sealed/canaries.jsonl, written by `successor data
// split`). Internal on purpose: only the Verifier constructs it, so nothing in Training, Data or a
// researcher can open the sealed files through the project's API.
using System.Text.Json;
using Successor.Data.Corpora;
using Successor.Training.Data;

namespace Successor.Evaluation.Verification;

internal sealed class HoldoutReader(string splitFolder)
{
    public string Folder { get; } = Directory.Exists(Path.Combine(splitFolder, SealedFormat.FolderName))
        ? Path.Combine(splitFolder, SealedFormat.FolderName)
        : File.Exists(Path.Combine(splitFolder, SealedFormat.HoldoutFile)) ? splitFolder
        : throw new DataException(
            $"sealed holdout {splitFolder}: has no {SealedFormat.FolderName}/{SealedFormat.HoldoutFile}; " +
            "give a folder written by successor data split");

    public List<Document> Documents() => Read(Path.Combine(Folder, SealedFormat.HoldoutFile));

    public List<string> Canaries() => [.. Read(Path.Combine(Folder, SealedFormat.CanaryFile)).Select(d => d.Text)];

    static List<Document> Read(string path)
    {
        if (!File.Exists(path))
            throw new DataException(
                $"sealed holdout {path}: file not found; give a folder written by successor data split");
        var documents = new List<Document>();
        foreach (var (line, number, _) in CorpusReaderAccess.Lines(path))
        {
            string text = System.Text.Encoding.UTF8.GetString(line);
            if (number == 1)
            {
                if (text.Trim() != SealedFormat.Header)
                    throw new DataException(
                        $"sealed holdout {path}: first line is not the sealed marker; " +
                        "the file was not written by successor data split or was edited");
                continue;
            }
            if (text.Trim().Length == 0) continue;
            try
            {
                using var doc = JsonDocument.Parse(text);
                documents.Add(new Document($"holdout:{number}", doc.RootElement.GetProperty("text").GetString() ?? ""));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new DataException(
                    $"sealed holdout {path}: line {number} is not a {{\"text\": ...}} object; the file is corrupt, " +
                    "split again");
            }
        }
        return documents;
    }
}
