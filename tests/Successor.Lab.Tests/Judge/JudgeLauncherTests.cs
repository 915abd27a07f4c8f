// The launcher starts judge-side processes as the lab's own account, or — for a lab running as root — as the
// judge's account through setpriv; the processes it starts really run under that uid.
using System.Diagnostics;
using Successor.Lab.Judge;

namespace Successor.Lab.Tests.Judge;

public sealed class JudgeLauncherTests
{
    static string Run(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        return output.Trim();
    }

    [Fact]
    public void Without_an_account_a_process_runs_as_the_lab()
    {
        var start = new JudgeLauncher(null).Wrap("id", ["-u"]);
        Assert.Equal("id", start.FileName);
        Assert.Equal(Environment.IsPrivilegedProcess ? "0" : Run(new ProcessStartInfo("id", "-u")),
            Run(start));
    }

    [Fact]
    public void With_an_account_a_root_lab_starts_it_under_that_uid_and_group()
    {
        Assert.True(Environment.IsPrivilegedProcess, "setpriv needs a root lab");
        var launcher = new JudgeLauncher(JudgeAccount.Resolve("nobody"));
        Assert.Equal("setpriv", launcher.Wrap("id", ["-u"]).FileName);
        Assert.Equal("65534", Run(launcher.Wrap("id", ["-u"])));
        Assert.Equal("65534", Run(launcher.Wrap("id", ["-g"])));
        // A verb of this program: the same executable, the verb and its arguments after it.
        var verb = launcher.For("notary", ["sign", "--x"]);
        Assert.Equal(["notary", "sign", "--x"], verb.ArgumentList.TakeLast(3));
    }
}
