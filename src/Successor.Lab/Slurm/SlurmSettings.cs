// What the Slurm executor needs to know of its lab: where trial folders and job files live (a folder every
// node mounts), where the queue's state is written for the dashboard, the lab's job-name prefix, and what each
// job's supervisor is told (the trial's wall budget, its threads, the sandbox).
using Successor.Lab.Config;

namespace Successor.Lab.Slurm;

public sealed record SlurmSettings(string TrialRoot, string RunFolder, string Prefix, string? Partition,
    double PollSeconds, TimeSpan TrialBudget, int Threads, bool Sandboxed)
{
    public string QueueFile => Path.Combine(RunFolder, Slurm.QueueFile.FileName);

    /// <summary>The settings of `config`'s lab run from `runFolder` (its --work folder), with trials under
    /// `trialRoot`.</summary>
    public static SlurmSettings Of(LabConfig config, string runFolder, string trialRoot) => new(
        Path.GetFullPath(trialRoot), Path.GetFullPath(runFolder), JobNames.Prefix(config.Name, trialRoot),
        config.Executor?.Partition, config.Executor?.PollSeconds ?? 1,
        TimeSpan.FromSeconds(config.Budgets.TrialSeconds),
        config.Research.ThreadsPerWorker, config.Sandbox == "on");

    /// <summary>Where `config`'s trials live: executor.shared_folder/NAME, or the run folder itself.</summary>
    public static string TrialRootOf(LabConfig config, string runFolder) =>
        config.Executor?.SharedFolder is { } shared ? Path.Combine(shared, config.Name) : runFolder;
}
