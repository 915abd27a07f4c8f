// The Slurm commands the lab uses, and nothing else of Slurm: sbatch submits a trial's job, squeue lists the
// lab's jobs (finished ones too, for MinJobAge seconds), sacct answers for a job squeue has forgotten (when the
// cluster keeps accounting), scancel cancels. Each runs as a child process with a time limit; a failure is one
// line naming the command and what it said.
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Successor.Lab.Loop;

namespace Successor.Lab.Slurm;

public static partial class SlurmJobs
{
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>True for a name Slurm and a shell take as it is: letters, digits, '-', '_' and '.'.</summary>
    public static bool IsPlainWord(string text) => PlainWord().IsMatch(text);

    /// <summary>Submits `script` as a requeueable job and returns its id.</summary>
    public static long Submit(string script, string name, string? partition, string output, TimeSpan time, int cpus)
    {
        var args = new List<string> { "--parsable", "--requeue", "--job-name", name, "--output", output,
            "--open-mode", "append", "--chdir", Path.GetDirectoryName(output)!, "--cpus-per-task",
            cpus.ToString(CultureInfo.InvariantCulture), "--time",
            ((int)Math.Ceiling(time.TotalMinutes)).ToString(CultureInfo.InvariantCulture), "--export", "ALL" };
        if (partition is not null) args.AddRange(["--partition", partition]);
        args.Add(script);
        var (code, stdout, stderr) = Run("sbatch", args, JobEnvironment());
        // --parsable prints "ID" or "ID;CLUSTER"
        if (code != 0 || !long.TryParse(stdout.Split(';')[0].Trim(), CultureInfo.InvariantCulture, out long id))
            throw new LabException($"sbatch could not submit {name}: {FirstLine(stderr, stdout)}");
        return id;
    }

    /// <summary>Every job squeue knows by one of `names`, running, pending or ended.</summary>
    public static IReadOnlyList<SlurmJob> Named(IReadOnlyCollection<string> names) =>
        names.Count == 0 ? [] : List(["--name", string.Join(',', names)]);

    /// <summary>The jobs squeue knows whose name starts with `prefix` (JobNames.Prefix: one lab's).</summary>
    public static IReadOnlyList<SlurmJob> WithPrefix(string prefix) =>
        [.. List([]).Where(j => j.Name.StartsWith(prefix, StringComparison.Ordinal))];

    static List<SlurmJob> List(IEnumerable<string> filter)
    {
        var (code, stdout, stderr) = Run("squeue", ["--noheader", "--states=all", .. filter,
            "--Format=JobID:|,Name:|,State:|,RestartCnt:|,Reason:"]);
        if (code != 0) throw new LabException($"squeue failed: {FirstLine(stderr, stdout)}");
        var jobs = new List<SlurmJob>();
        foreach (string line in
            stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split('|');
            // a job array's element reads "12_3"; the lab submits none, so such a line is someone else's
            if (f.Length < 5 || !long.TryParse(f[0], CultureInfo.InvariantCulture, out long id)) continue;
            _ = int.TryParse(f[3], CultureInfo.InvariantCulture, out int restarts);
            jobs.Add(new SlurmJob(id, f[1].Trim(), f[2].Trim(), restarts, f[4].Trim()));
        }
        return jobs;
    }

    /// <summary>The job's state from the accounting database, or null when the cluster keeps none (sacct then
    /// says "accounting storage is disabled") or has no record of it.</summary>
    public static string? Accounted(long id)
    {
        var (code, stdout, _) = Run("sacct", ["--noheader", "--parsable2", "--allocations", "--jobs",
            id.ToString(CultureInfo.InvariantCulture), "--format=State"]);
        string state = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? "";
        return code == 0 && state.Length > 0 ? state : null;
    }

    /// <summary>Asks Slurm to cancel the jobs (their processes get SIGTERM, then SIGKILL after KillWait).</summary>
    public static void Cancel(IEnumerable<long> ids)
    {
        var list = ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        if (list.Count == 0) return;
        var (code, stdout, stderr) = Run("scancel", list);
        if (code != 0) throw new LabException($"scancel {string.Join(' ', list)} failed: {FirstLine(stderr, stdout)}");
    }

    /// <summary>What sbatch runs with, and so (with --export=ALL) all a job inherits: PATH, HOME and DOTNET_ROOT
    /// where set, and Slurm's own SLURM_* settings; nothing else of the lab's environment (no API keys). Naming the
    /// variables in --export instead (a list, or NONE) makes Slurm load the user's login environment on the node
    /// (`su - user`) before the job starts: a slow login script then holds every job past Slurm's batch start
    /// timeout, and Slurm requeues it as if the node had failed.</summary>
    static Dictionary<string, string> JobEnvironment()
    {
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            if (e.Key is string name && e.Value is string { Length: > 0 } value
                && (name is "PATH" or "HOME" or "DOTNET_ROOT" || name.StartsWith("SLURM_", StringComparison.Ordinal)))
                kept[name] = value;
        return kept;
    }

    static (int Code, string Stdout, string Stderr) Run(string tool, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(tool)
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) start.ArgumentList.Add(a);
        if (environment is not null)
        {
            start.Environment.Clear();
            foreach (var (name, value) in environment) start.Environment[name] = value;
        }
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new LabException($"{tool} could not start ({e.Message}): the Slurm executor needs Slurm's client " +
                "commands on PATH (Debian: apt-get install slurm-client)");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                throw new LabException($"{tool} did not answer within {Limit.TotalSeconds:0} s");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    static string FirstLine(string stderr, string stdout) =>
        (stderr + "\n" + stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .FirstOrDefault() ?? "(no message)";

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex PlainWord();
}
