// Starts judge-side processes (the judge, the notary): `successor VERB ARGS…`, as the lab's own account by
// default, or as a separate account so that the lab cannot read what that process keeps: with setpriv when
// the lab runs as root, through `sudo -n -u ACCOUNT` otherwise (the sudoers rule is in docs/SAFETY.md).
using System.Diagnostics;
using System.Globalization;

namespace Successor.Lab.Judge;

public sealed class JudgeLauncher(JudgeAccount? account)
{
    public JudgeAccount? Account { get; } = account;

    /// <summary>This same program (the apphost, or `dotnet successor.dll`) with `verb` and `arguments`.</summary>
    public ProcessStartInfo For(string verb, IEnumerable<string> arguments)
    {
        string program = Environment.ProcessPath ?? "dotnet";
        var prefix = new List<string>();
        if (Path.GetFileNameWithoutExtension(program) == "dotnet")
            prefix.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
        return Wrap(program, [.. prefix, verb, .. arguments]);
    }

    /// <summary>`program arguments…` run as the judge's account (unchanged without one).</summary>
    public ProcessStartInfo Wrap(string program, IEnumerable<string> arguments)
    {
        var command = new List<string>();
        if (Account is { } a && Environment.IsPrivilegedProcess)
            command.AddRange(["setpriv", $"--reuid={Text(a.Uid)}", $"--regid={Text(a.Gid)}", "--init-groups", "--"]);
        else if (Account is { } b)
            command.AddRange(["sudo", "-n", "-u", b.Name, "--"]);
        command.Add(program);
        command.AddRange(arguments);
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var argument in command.Skip(1)) start.ArgumentList.Add(argument);
        return start;
    }

    static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
