// The account a judge-side process runs as, resolved to its numeric ids once (setpriv and chown take numbers;
// `nobody`'s group, for one, is not called `nobody`).
using System.Diagnostics;
using System.Globalization;

namespace Successor.Lab.Judge;

public sealed record JudgeAccount(string Name, int Uid, int Gid)
{
    /// <summary>The account's user and primary group ids, from `id`; an unknown account is a config error.</summary>
    public static JudgeAccount Resolve(string name) =>
        new(name, Id(name, "-u"), Id(name, "-g"));

    /// <summary>Makes `path` (and all under it) this account's, as root; a failure is a one-line error naming it.
    /// </summary>
    public void Own(string path)
    {
        var start = new ProcessStartInfo("chown") { RedirectStandardError = true };
        foreach (var a in new[] { "-R", $"{Uid}:{Gid}", path }) start.ArgumentList.Add(a);
        using var chown = Process.Start(start) ?? throw new InvalidOperationException("could not run chown");
        string error = chown.StandardError.ReadToEnd();
        chown.WaitForExit();
        if (chown.ExitCode != 0)
            throw new InvalidOperationException($"{path}: chown to {Name} failed: {error.Trim()}");
    }

    static int Id(string name, string which)
    {
        var start = new ProcessStartInfo("id") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(which);
        start.ArgumentList.Add(name);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("could not run id to look up the judge's account");
        string output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && int.TryParse(output.Trim(), CultureInfo.InvariantCulture, out int id) ? id
            : throw new Config.LabConfigException($"judge.account \"{name}\": no such account on this machine; " +
                $"create it (useradd --system {name}) or set judge.account to null");
    }
}
