// The batch script of a trial's job: it runs this same program's `trial-node` verb on the node, which
// supervises the trial's worker there exactly as the local pool does (SlurmNode). The program must be on the
// shared filesystem at the same path on every node, as the trial folders are.
using System.Globalization;
using System.Text;
using Successor.Lab.Trials;

namespace Successor.Lab.Slurm;

public static class NodeScript
{
    public static string For(TrialSpec spec, string folder, JobFiles files, SlurmSettings settings)
    {
        var words = new List<string>();
        string process = Environment.ProcessPath ?? "dotnet";
        words.Add(process);
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
            words.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
        words.AddRange([SlurmNode.Verb, folder, "--job", files.Folder, "--seconds",
            settings.TrialBudget.TotalSeconds.ToString("R", CultureInfo.InvariantCulture), "--threads",
            settings.Threads.ToString(CultureInfo.InvariantCulture), "--sandbox", settings.Sandboxed ? "on" : "off"]);
        var script = new StringBuilder();
        script.Append("#!/bin/sh\n");
        script.Append($"# trial {spec.Id}: its worker runs in the lab's sandbox under this job's supervisor\n");
        script.Append("exec ").Append(string.Join(' ', words.Select(Quote))).Append('\n');
        return script.ToString();
    }

    /// <summary>A word the shell takes literally, whatever it holds.</summary>
    static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
