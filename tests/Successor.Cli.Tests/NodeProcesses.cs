// The test cluster's node dying: slurmd and every job step on it (slurmstepd and all it started: the trials'
// supervisors, sandboxes and workers) killed with SIGKILL at once, by process id, as a power cut would. Only the
// processes of the cluster .ci/slurm-up started are touched.
using System.Diagnostics;
using System.Globalization;

namespace Successor.Cli.Tests;

public static class NodeProcesses
{
    const string SlurmdPidFile = "/var/tmp/successor-slurm/slurmd.pid";

    public static void KillNode()
    {
        int slurmd = int.Parse(File.ReadAllText(SlurmdPidFile).Trim(), CultureInfo.InvariantCulture);
        var parents = new Dictionary<int, int>();
        var steps = new List<int>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out int pid)) continue;
            try
            {
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                parents[pid] =
                    int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).StartsWith("slurmstepd:", StringComparison.Ordinal))
                    steps.Add(pid);
            }
            catch (IOException) { } // gone meanwhile
        }
        Assert.NotEmpty(steps);
        var doomed = new HashSet<int>([slurmd, .. steps]);
        for (bool grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
                if (doomed.Contains(parent) && doomed.Add(pid)) grew = true;
        }
        foreach (int pid in doomed)
        {
            try { Process.GetProcessById(pid).Kill(); }
            catch (ArgumentException) { } // already gone
            catch (InvalidOperationException) { }
        }
    }
}
