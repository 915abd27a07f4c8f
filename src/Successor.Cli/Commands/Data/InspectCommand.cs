// `successor data inspect`: what a corpus holds (documents, bytes, content hash, longest document), or,
// for a split folder, its manifest. Reading it fully is also the check that the file is usable.
using System.Text;
using Successor.Data.Corpora;

namespace Successor.Cli.Commands.Data;

public static class InspectCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input")
            { Description = "A .txt or .jsonl file, a folder of text files, or a split folder" };
        var json = CommonOptions.Json();
        return CliCommand.Create("inspect", "Documents, bytes and content hash of a corpus or a split",
            [input, json], r =>
        {
            string path = r.GetValue(input)!;
            string manifest = Path.Combine(path, SplitWriter.ManifestFile);
            if (Directory.Exists(path) && File.Exists(manifest))
            {
                Console.Write(r.GetValue(json)
                    ? System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!.ToJsonString() + "\n"
                    : File.ReadAllText(manifest));
                return ExitCodes.Success;
            }
            var corpus = CorpusReader.Load(path);
            var longest = corpus.Documents.MaxBy(d => d.Text.Length)!;
            new Printer(r.GetValue(json)).Result([
                ("documents", corpus.Documents.Count),
                ("bytes", corpus.Bytes),
                ("sha256", corpus.Sha256),
                ("longest_document", longest.Id),
                ("longest_document_bytes", Encoding.UTF8.GetByteCount(longest.Text)),
            ]);
            return ExitCodes.Success;
        });
    }
}
