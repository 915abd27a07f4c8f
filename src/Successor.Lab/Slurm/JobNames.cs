// A trial's job name: "successor.LAB.KEY.TRIAL", where KEY hashes the lab's trial folder, so that two labs of
// one name on one cluster (two users, two tests) never take each other's jobs. The name is how a restarted
// lab finds the jobs it submitted before it was killed, and how `successor halt` finds the jobs to cancel.
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Successor.Lab.Slurm;

public static partial class JobNames
{
    /// <summary>The prefix of every job name of the lab `name` whose trials live under `trialRoot`.</summary>
    public static string Prefix(string name, string trialRoot)
    {
        string key = Convert.ToHexStringLower(
            SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(trialRoot).TrimEnd('/'))))[..10];
        return $"successor.{Unsafe().Replace(name, "_")}.{key}.";
    }

    public static string For(string prefix, string trialId) => prefix + Unsafe().Replace(trialId, "_");

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex Unsafe();
}
