// docs/ERRORS.md is written by this test: each malformed input (lab.json, a recipe, a --set override, an option's
// value, a data file, a checkpoint, a person's token or key) is given to the real `successor`, and its one line on
// stderr and exit code go into the table. The test fails when the committed file differs, so the page cannot
// drift from what users see; UPDATE_ERRORS_DOC=1 rewrites it. Every message must name its input and none may name
// a .NET type, an exception or a byte offset.
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Successor.Cli.Tests;

public sealed class ErrorsDocFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("successor-errors-").FullName;

    /// <summary>A real checkpoint to corrupt, and a ledger with one person, for the token cases.</summary>
    public ErrorsDocFolder()
    {
        Assert.Equal(0, ErrorsDocTests.Run(Root, ["train", "--out", "ckpt", "--steps", "2", "--threads", "1",
            .. TrainedCheckpoint.TinyModel]).Exit);
        Assert.Equal(0, ErrorsDocTests.Run(Root, ["person", "bootstrap", "ada", "--ledger", "ledger.db",
            "--key-out", "ada.key"]).Exit);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public sealed class ErrorsDocTests(ErrorsDocFolder folder) : IClassFixture<ErrorsDocFolder>
{
    /// <summary>One malformed input: what it is, what is wrong with it, the files it needs (name → content; bytes
    /// are made from the good checkpoint by Corrupt), the command, the exit code and the text the message must
    /// name.</summary>
    sealed record Case(string Input, string Wrong, (string Name, string Text)[] Files, string[] Command, int Exit,
        string Names)
    {
        public Func<byte[], byte[]>? Corrupt { get; init; }
    }

    const string Status = "status --config lab.json --ledger none.db";

    static Case Lab(string wrong, string json) =>
        new("lab.json", wrong, [("lab.json", json)], Status.Split(' '), 2, "lab.json");

    static Case Recipe(string wrong, string json) =>
        new("recipe", wrong, [("recipe.json", json)], ["train", "--recipe", "recipe.json", "--steps", "1"], 2,
            "recipe.json");

    static Case Set(string wrong, string assignment) =>
        new("--set", wrong, [], ["train", "--set", assignment, "--steps", "1"], 2, assignment.Split('=')[0]);

    static Case Data(string wrong, string name, string? text) =>
        new("data file", wrong, text is null ? [] : [(name, text)], ["data", "inspect", name], 2, name);

    static Case Checkpoint(string wrong, Func<byte[], byte[]> corrupt) =>
        new("checkpoint", wrong, [], ["sample", "--checkpoint", "bad.safetensors", "--tokens", "1"], 2,
            "bad.safetensors") { Corrupt = corrupt };

    static byte[] Edit(byte[] file, Func<string, string> header)
    {
        long length = BitConverter.ToInt64(file, 0);
        string edited = header(Encoding.UTF8.GetString(file, 8, (int)length));
        byte[] bytes = Encoding.UTF8.GetBytes(edited);
        return [.. BitConverter.GetBytes((long)bytes.Length), .. bytes, .. file.AsSpan(8 + (int)length)];
    }

    static readonly Case[] Cases =
    [
        Lab("a misspelt key", "{\n  \"name\": \"mine\",\n  \"generatons\": 2\n}\n"),
        Lab("a number given as text", "{\n  \"generations\": \"two\"\n}\n"),
        Lab("a misspelt nested key", "{ \"budgets\": { \"trial_stepz\": 30 } }\n"),
        Lab("a key at the wrong level", "{ \"name\": \"mine\", \"trial_steps\": 30 }\n"),
        Lab("an unknown choice", "{ \"recipe\": { \"model\": { \"activation\": \"tanh\" } } }\n"),
        Lab("a negative seed", "{ \"seed\": -1 }\n"),
        Lab("a missing comma", "{\n  \"name\": \"mine\"\n  \"generations\": 2\n}\n"),
        Lab("a file cut short", "{ \"name\": \"mine\",\n  \"budgets\": { \"trial_steps\": 30 }\n"),
        Lab("a list, not an object", "[1, 2]\n"),
        Lab("a value out of range", "{ \"research\": { \"strategy\": \"grid\", \"eta\": 1 } }\n"),
        Lab("a plug-in for no extension point",
            "{ \"research\": { \"plugins\": [ { \"point\": \"optimizer\", \"source\": \"missing.cs\" } ] } }\n"),
        Lab("a vote of too few models", "{ \"self_generation\": { \"filter\": \"vote\", \"voters\": 2 } }\n"),
        new("lab.json", "no such file", [], ["status", "--config", "missing.json"], 2, "missing.json"),
        Lab("an unknown executor", "{ \"executor\": { \"kind\": \"kubernetes\" } }\n"),
        new("--ledger", "a SQLite file for a Slurm lab",
            [("slurm.json", "{ \"executor\": { \"kind\": \"slurm\" } }\n")],
            ["run", "--config", "slurm.json", "--ledger", "slurm.db", "--work", "runs"], 2, "slurm.db"),
        Recipe("an unknown key", "{ \"batch_size\": 4, \"learning_rat\": 0.001 }"),
        Recipe("text where a number goes", "{ \"batch_size\": \"4\" }"),
        Recipe("a plug-in named by something not a hash", "{ \"learning_rate_schedule_plugin\": \"floor.cs\" }"),
        new("plug-in request", "an unknown extension point", [("request.json",
            "{ \"point\": \"optimizer\", \"source\": \"public sealed class A {}\" }")],
            ["plugin", "compile", "."], 2, "request.json"),
        Recipe("an impossible model", "{ \"model\": { \"layers\": 0 } }"),
        Set("a misspelt key", "lerning_rate=1e-3"),
        Set("text where a number goes", "layers=three"),
        Set("a fraction where a whole number goes", "layers=1.5"),
        Set("no value", "learning_rate"),
        Set("an unknown choice", "activation=tanh"),
        new("option", "text where a number goes", [], ["sample", "--checkpoint", "ckpt", "--tokens", "many"], 2,
            "--tokens"),
        new("command", "a misspelt command", [], ["staus"], 2, "staus"),
        new("option", "a misspelt option", [], ["run", "--confg"], 2, "--confg"),
        Data("a line that is not JSON", "bad.jsonl", "{\"text\": \"fine\"}\n{\"text\": oops}\n"),
        Data("a line without text", "bad.jsonl", "{\"text\": \"fine\"}\n{\"body\": \"no text key\"}\n"),
        Data("an empty file", "empty.jsonl", ""),
        Data("no such file", "missing.txt", null),
        Checkpoint("a file cut short", f => f[..(f.Length - 10)]),
        Checkpoint("shorter than its length prefix", f => f[..5]),
        Checkpoint("a header that is not JSON", f => Edit(f, h => "{" + h[2..])),
        Checkpoint("edited weights", f => { var g = (byte[])f.Clone(); g[^1] ^= 0x40; return g; }),
        // the model config is JSON inside the header's metadata, its quotes escaped as \u0022
        Checkpoint("a model config of the wrong type", f => Edit(f, h =>
            h.Replace(@"\u0022layers\u0022:1", @"\u0022layers\u0022:\u0022two\u0022", StringComparison.Ordinal))),
        new("token", "a token no one was given", [],
            ["approve", "request:mine/g1-promotion", "--reason", "ok", "--token", "sst_not-a-real-token",
                "--ledger", "ledger.db"], 5, "token"),
        new("key file", "not a key", [("bad.key", "hello\n")],
            ["approve", "request:mine/g1-promotion", "--reason", "ok", "--key", "bad.key", "--ledger", "ledger.db"],
            5, "bad.key"),
        Lab("a language-model researcher without its model", "{ \"research\": { \"strategy\": \"llm\" } }\n"),
        Lab("a key where the name of its variable goes", "{ \"research\": { \"strategy\": \"llm\", " +
            "\"language_model\": { \"model\": \"gpt-4o\", \"key_variable\": \"sk-proj-4f9a-not-a-name\" } } }\n"),
    ];

    static readonly Regex Leak = new(@"System\.|Successor\.|Exception|BytePosition|LineNumber: |\.NET|   at ");

    [Fact]
    public void Every_malformed_input_gets_one_line_naming_it_and_the_table_in_docs_is_what_users_see()
    {
        var rows = new List<string>();
        var problems = new List<string>();
        byte[] good = File.ReadAllBytes(Path.Combine(folder.Root, "ckpt", "model.safetensors"));
        int n = 0;
        foreach (var c in Cases)
        {
            n++;
            foreach (var (name, text) in c.Files) File.WriteAllText(Path.Combine(folder.Root, name), text);
            if (c.Corrupt is { } corrupt)
                File.WriteAllBytes(Path.Combine(folder.Root, "bad.safetensors"), corrupt(good));
            var (exit, stdout, stderr) = Run(folder.Root, c.Command);
            string line = stderr.TrimEnd('\n');
            string label = $"{n} ({c.Input}: {c.Wrong})";
            if (exit != c.Exit) problems.Add($"{label}: exit {exit}, expected {c.Exit}: {stderr}{stdout}");
            if (line.Contains('\n') || !line.StartsWith("error: ", StringComparison.Ordinal))
                problems.Add($"{label}: not one error line: {stderr}");
            if (Leak.Match(line) is { Success: true } leak) problems.Add($"{label}: names '{leak.Value}': {line}");
            if (!line.Contains(c.Names, StringComparison.Ordinal))
                problems.Add($"{label}: does not name {c.Names}: {line}");
            rows.Add($"| {n} | {c.Input} | {c.Wrong} | `successor {string.Join(' ', c.Command)}` | {exit} | " +
                $"{Cell(line)} |");
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(Cases.Length >= 20);

        string doc = Document(rows);
        string path = Path.Combine(RepositoryRoot(), "docs", "ERRORS.md");
        if (Environment.GetEnvironmentVariable("UPDATE_ERRORS_DOC") == "1") File.WriteAllText(path, doc);
        Assert.True(File.Exists(path) && File.ReadAllText(path) == doc,
            "docs/ERRORS.md differs from the messages successor gives today; run this test with UPDATE_ERRORS_DOC=1 " +
            "to rewrite it, and review the difference");
    }

    /// <summary>A digest differs with every trained checkpoint, so the page shows where one goes.</summary>
    static string Cell(string message) => Regex.Replace(message, "[0-9a-f]{64}", "(sha256)")
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal);

    static string Document(IEnumerable<string> rows) => $$"""
        # What `successor` says about malformed input

        Every malformed input gets one line on stderr that names the input, where it is wrong (the line and column
        of a JSON file, the field's path), what was found and what would be right; a misspelt key or command gets
        the nearest known one. No .NET type, exception text or byte offset reaches the user. Exit codes: 2 is bad
        input, 5 refused (see the README).

        This page is written by a test (`ErrorsDocTests` in tests/Successor.Cli.Tests), which runs the real command
        on each input below and fails when this page differs from what it prints; run it with `UPDATE_ERRORS_DOC=1`
        to rewrite the page after changing a message. The inputs are in that test. A SHA-256 digest, which differs with
        every checkpoint, is shown as (sha256).

        | # | Input | What is wrong | Command | Exit | Message |
        |---|-------|---------------|---------|------|---------|
        {{string.Join("\n", rows)}}

        """;

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Successor.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Successor.slnx above the test's folder");
    }

    /// <summary>Runs `successor` in `folder`, so the messages name files as the user typed them.</summary>
    internal static (int Exit, string Stdout, string Stderr) Run(string folder, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "successor.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CI"] = "1";
        start.Environment["HOME"] = folder;
        start.Environment.Remove("SUCCESSOR_TOKEN");
        start.Environment.Remove("SUCCESSOR_KEY");
        start.Environment.Remove("SUCCESSOR_LEDGER");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException(); }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
