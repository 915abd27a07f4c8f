// `successor curriculum generate`: problems in the documented plain-text format, one per line, from the
// train or public validation side of the partition (the sealed side is the Verifier's alone).
using System.Text;
using Successor.Data.Curriculum;

namespace Successor.Cli.Commands.Curriculum;

public static class CurriculumGenerateCommand
{
    public static Command Create()
    {
        var families = CurriculumOptions.Families("--families", "all");
        var difficulties = CurriculumOptions.Difficulties("Difficulties, e.g. 1-5 or 2,4", "1-5");
        var count = CurriculumOptions.Count(100);
        var seed = CommonOptions.Seed("Seed of the problem set");
        var split = new Option<string>("--split")
            { Description = "train or validation", DefaultValueFactory = _ => "train" };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var json = CommonOptions.Json();
        return CliCommand.Create("generate", "Write curriculum problems as text lines: <family> <operands>=<answer>",
            [families, difficulties, count, seed, split, output, json], r =>
        {
            var side = r.GetValue(split) switch
            {
                "train" => CurriculumSplit.Train,
                "validation" => CurriculumSplit.Validation,
                var other => throw new UsageException(
                    $"--split '{other}' is unknown; "
                    + "give train or validation (the sealed side is for the Verifier only)"),
            };
            var problems = CurriculumGenerator.Set(TaskFamilies.Parse(r.GetValue(families)!),
                CurriculumGenerator.ParseDifficulties(r.GetValue(difficulties)!), r.GetValue(count), r.GetValue(seed),
                side);
            var text = new StringBuilder();
            foreach (var p in problems) text.Append(p.Line);
            var sha = Convert.ToHexStringLower(
                System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
            if (r.GetValue(output) is { } path)
            {
                File.WriteAllText(path, text.ToString());
                new Printer(r.GetValue(json)).Result([("problems", problems.Count), ("file", Path.GetFullPath(path)),
                    ("sha256", sha), ("format", CurriculumGenerator.Version)]);
            }
            else Console.Write(text);
            return ExitCodes.Success;
        });
    }
}
