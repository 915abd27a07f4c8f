// Runs the real `successor` executable (built beside the tests) and captures what a user would see.
using System.Diagnostics;

namespace Successor.Cli.Tests;

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] OutputLines =>
        Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The value of a `key: value` result line.</summary>
    public string Value(string key) =>
        OutputLines.LastOrDefault(l => l.StartsWith(key + ": ", StringComparison.Ordinal))?[(key.Length + 2)..]
        ?? throw new Xunit.Sdk.XunitException($"no '{key}:' line in output:\n{Stdout}\n{Stderr}");
}

public static class SuccessorProcess
{
    /// <summary>Starts `successor` with redirected output, for tests that interrupt it.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "successor.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CI"] = "1";
        return Process.Start(start)!;
    }

    /// <summary>Runs `successor` to its end. The limit only catches a hang: a lab of a test takes under a minute
    /// alone, but several minutes on 2 cores shared with other labs, so the limit is far above that.</summary>
    public static ProcessResult Run(params string[] args)
    {
        using var process = Start(args);
        return Wait(process, args);
    }

    /// <summary>Reads a started `successor`'s output to its end, within the hang limit of Run.</summary>
    public static ProcessResult Wait(Process process, string[] args)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(true);
            throw new TimeoutException($"successor {string.Join(' ', args)} hung");
        }
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
