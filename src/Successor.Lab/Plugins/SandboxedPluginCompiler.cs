// The lab's plug-in compiler: it never compiles anything itself. Each proposal goes to a fresh folder as
// request.json, a worker (`successor plugin compile`) compiles it in the sandbox every trial runs in, and the
// lab reads back compile.json, trusting it only for the source it sent (the hash must match; a trial's worker
// compiles and screens the source again before running it). The source, the compile log and any refusal go
// to the ledger when a PluginLedger is given.
using Successor.Lab.Sandbox;
using Successor.Plugins;
using Successor.Research;
using Successor.Training.Recipes;

namespace Successor.Lab.Plugins;

public sealed class SandboxedPluginCompiler(WorkerLaunch launch, string workFolder, PluginLedger? ledger = null)
    : IPluginCompiler
{
    /// <summary>Wall-clock time one compilation may take, start-up of the runtime and Roslyn included.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>What a compile worker may consume: Roslyn on one small file needs a few hundred MiB.</summary>
    public static SandboxLimits Limits { get; } = new() { MemoryBytes = 1L << 30, CpuSeconds = 240 };

    /// <summary>This program's compile worker, sandboxed or not (as lab.json's "sandbox" says for trials).
    /// </summary>
    public static WorkerLaunch Launch(bool sandboxed, IReadOnlyList<string> forbidden) =>
        new(PluginWorkerCommand.Compile, sandboxed ? WorkerPrograms.Folders : [],
            sandboxed ? new WorkerSandbox(Limits) : null) { Forbidden = forbidden };

    public CompileOutcome Compile(PluginProposal proposal)
    {
        string hash = PluginDigest.Of(proposal.Source);
        if (ExtensionPoints.Parse(proposal.Point) is not { } point)
            return Outcome(proposal, null, new(false, [$"point '{proposal.Point}' is not an extension point; one "
                + $"of {string.Join(", ", ExtensionPoints.All.Select(ExtensionPoints.Name))}"], hash), [], null);
        string folder = Path.Combine(Path.GetFullPath(workFolder), "plugins", hash[PluginDigest.Prefix.Length..][..16]);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, PluginCompileResult.RequestFile),
            System.Text.Json.JsonSerializer.Serialize(proposal with { Point = ExtensionPoints.Name(point) },
                Models.SnakeCaseJson.Options));
        var run = SandboxedRun.Start(launch.Command(folder), launch.Sandbox, folder, [], launch.Programs,
            launch.Forbidden, Budget).GetAwaiter().GetResult();
        if (run.Verdict is { } verdict)
            return Outcome(proposal, point, new(false, [$"the compile worker was stopped: {verdict.Status}: "
                + verdict.Detail], hash), [], verdict);
        if (SpecialFiles.In(folder) is { Count: > 0 } found)
        {
            var special = new WorkerVerdict(WorkerVerdict.SpecialFile,
                $"the compile worker left {string.Join(", ", found)}; nothing of its folder was read");
            return Outcome(proposal, point, new(false, [special.Detail], hash), [], special);
        }
        if (run.ExitCode is null)
            return Outcome(proposal, point, new(false, [run.TimedOut
                ? $"the compile worker was killed after {Budget.TotalSeconds:0} s, its wall-clock budget"
                : $"the compile worker could not start: {run.LastError}"], hash), [], null);
        var result = PluginCompileResult.TryLoad(folder);
        if (run.ExitCode != 0 || result is null || result.Hash != hash)
            return Outcome(proposal, point, new(false, [result is not null && result.Hash != hash
                ? $"the compile worker reported {result.Hash}, not the source's {hash}"
                : $"the compile worker exited with code {run.ExitCode}: {run.LastError ?? "(no message)"}"], hash),
                [], null);
        return Outcome(proposal, point, new(result.Ok, result.Diagnostics, hash), result.Refusals, null);
    }

    CompileOutcome Outcome(PluginProposal proposal, ExtensionPoint? point, CompileOutcome outcome,
        IReadOnlyList<string> refusals, WorkerVerdict? verdict)
    {
        ledger?.Record(proposal, point, outcome, refusals, verdict);
        return outcome;
    }
}
