// How the runner starts a trial's worker: the command (this program's `trial` verb, or a test's hostile
// stand-in), the programs it runs from, and the sandbox around it (null: a plain child process, when
// lab.json says "sandbox": "off"). Forbidden paths get decoys besides the split's sealed files.
using System.Diagnostics;
using Successor.Data.Corpora;
using Successor.Lab.Sandbox;

namespace Successor.Lab.Trials;

public sealed record WorkerLaunch(Func<string, ProcessStartInfo> Command, IReadOnlyList<string> Programs,
    WorkerSandbox? Sandbox)
{
    public IReadOnlyList<string> Forbidden { get; init; } = [];

    /// <summary>Bytes of output a worker may write before it is killed as a flood, sandboxed or not.</summary>
    public long OutputBytes => (Sandbox?.Limits ?? new SandboxLimits()).OutputBytes;

    /// <summary>This program's worker, with the sandbox or without.</summary>
    public static WorkerLaunch Of(bool sandboxed, TimeSpan trialBudget, int threads) => sandboxed
        ? new(folder => WorkerCommand.For(folder, watchParent: false), WorkerPrograms.Folders,
            new WorkerSandbox(SandboxLimits.ForTrial(trialBudget, threads)))
        : new(folder => WorkerCommand.For(folder), [], null);

    /// <summary>What a trial reads besides its own folder: the split's public files, its kept self-generated
    /// sets, its plug-ins' sources, the model it starts from or distils, the state it continues.</summary>
    public static IReadOnlyList<string> Inputs(TrialSpec spec)
    {
        var inputs = new List<string>();
        if (spec.Split is { } split)
            inputs.AddRange(new[] { SplitWriter.TrainFile, SplitWriter.ValidationFile, SplitWriter.ManifestFile }
                .Select(f => Path.Combine(split, f)).Where(File.Exists));
        inputs.AddRange(spec.SelfGenerated);
        inputs.AddRange(spec.Plugins);
        inputs.AddRange(new[] { spec.WarmStart, spec.Teacher, spec.ContinueFrom }.OfType<string>());
        return inputs;
    }

    /// <summary>The split's sealed files, which a worker must never open, and the launch's other forbidden paths.
    /// </summary>
    public IReadOnlyList<string> DecoysFor(TrialSpec spec, string trialFolder)
    {
        var paths = new List<string>(Forbidden);
        paths.AddRange(SiblingFiles(trialFolder).Except(Inputs(spec).Select(Path.GetFullPath)));
        if (spec.Split is not { } split) return paths;
        // the split's own sealed files, and the usual names even where they are absent: a guess trips too
        string folder = Path.Combine(split, SealedFormat.FolderName);
        paths.Add(Path.Combine(folder, SealedFormat.HoldoutFile));
        paths.Add(Path.Combine(folder, SealedFormat.CanaryFile));
        if (Directory.Exists(folder)) paths.AddRange(Directory.EnumerateFiles(folder));
        if (File.Exists(Path.Combine(split, SealedFormat.HoldoutFile)))
            paths.Add(Path.Combine(split, SealedFormat.HoldoutFile));
        return [.. paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The result and spec of every other trial beside this one (its batch, and any trial left there
    /// earlier): a worker that reads or rewrites another trial's files opens a decoy instead.</summary>
    static IEnumerable<string> SiblingFiles(string trialFolder)
    {
        string own = Path.GetFullPath(trialFolder).TrimEnd('/');
        if (Path.GetDirectoryName(own) is not { } parent || !Directory.Exists(parent)) return [];
        return Directory.EnumerateDirectories(parent).Select(Path.GetFullPath).Where(d => d != own)
            .SelectMany(d => new[] { Path.Combine(d, TrialResult.FileName), Path.Combine(d, TrialSpec.FileName) });
    }
}
