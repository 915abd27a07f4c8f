// The worker sandbox end to end through the real executable: a clean lab runs every worker sandboxed and
// raises no incident of the sandbox's kinds; a lab with "sandbox": "off" runs, and the ledger, status and the
// safety audit say so.
using Successor.Ledger.Storage;
using Successor.Safety.Audit;
using Successor.Safety.Incidents;

namespace Successor.Cli.Tests;

[Collection(HonestLabCollection.Name)]
public sealed class SandboxCliTests(HonestLab clean)
{
    static readonly string[] SandboxKinds = ["forbidden-access", "special-file", "memory-limit", "process-limit",
        "cpu-limit", "file-size-limit", "output-flood", "budget-overrun", "unverifiable-result"];

    static AuditCheck SandboxCheck(LabFolder lab, int g)
    {
        using var ledger = LedgerStore.Open(lab.Ledger);
        var audit = ledger.FindById(SafetyAudit.Id("tiny", g)).Select(x => x.Parse().Statement).Single();
        return SafetyAudit.Checks(audit.Attributes!).Single(c => c.Name == "worker-sandbox");
    }

    [Fact]
    public void A_clean_lab_runs_every_worker_in_the_sandbox_with_no_false_incident()
    {
        // the honest one-generation lab (two proposals), run once for the tests that share it
        var (lab, run) = (clean.Lab, clean.Run);
        Assert.DoesNotContain(lab.Incidents(), i => SandboxKinds.Contains(i.Kind));
        Assert.DoesNotContain("g1 incident:", run.Stdout);
        // every worker wrote its folder as the sandbox's own user (as root) and left no link or special file
        foreach (string trial in Directory.EnumerateDirectories(Path.Combine(lab.Root, "runs", "tiny", "g1")))
            Assert.Empty(Successor.Lab.Sandbox.SpecialFiles.In(trial));
        Assert.Equal("on", lab.Succeed("status").Value("sandbox"));
        var check = SandboxCheck(lab, 1);
        Assert.True(check.Ran && check.Passed, check.Detail);
    }

    [Fact]
    public void A_text_lab_in_the_sandbox_trains_on_its_public_split_without_touching_the_sealed_side()
    {
        using var lab = new LabFolder();
        lab.WriteTextLab("\"proposals\": 1, \"finalists\": 1");
        lab.Succeed("run");
        Assert.DoesNotContain(lab.Incidents(), i => SandboxKinds.Contains(i.Kind));
    }

    [Fact]
    public void With_the_sandbox_off_the_lab_runs_and_the_ledger_status_and_audit_say_so()
    {
        using var lab = new LabFolder(LabFolder.OneGeneration("\"research\": { \"proposals\": 2 }")
            .Replace("\"name\": \"tiny\",", "\"name\": \"tiny\", \"sandbox\": \"off\","));
        lab.Succeed("run");
        Assert.Equal("off", lab.Succeed("status").Value("sandbox"));
        var check = SandboxCheck(lab, 1);
        Assert.True(check.Ran);
        Assert.False(check.Passed);
        Assert.Contains("\"sandbox\": \"off\"", check.Detail);
    }

    [Fact]
    public void Where_the_sandbox_cannot_be_built_the_lab_refuses_to_start_with_one_line_and_exit_6()
    {
        using var lab = new LabFolder(LabFolder.OneGeneration("\"research\": { \"proposals\": 2 }"));
        // bubblewrap made unusable for this one run: /dev/null bound over it in a mount namespace of its own
        // (the tests run as root here, as unshare needs)
        var start = new System.Diagnostics.ProcessStartInfo("unshare")
            { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["--mount", "--propagation", "private", "sh", "-c",
            "mount --bind /dev/null /usr/bin/bwrap && exec dotnet \"$@\"", "sh",
            Path.Combine(AppContext.BaseDirectory, "successor.dll"), .. lab.Args("run")])
            start.ArgumentList.Add(a);
        using var run = System.Diagnostics.Process.Start(start)!;
        string stdout = run.StandardOutput.ReadToEnd(), stderr = run.StandardError.ReadToEnd();
        run.WaitForExit();
        Assert.True(run.ExitCode == 6, stdout + stderr);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: lab tiny: the worker sandbox cannot be built here: bwrap could not start", line);
        Assert.EndsWith("or set \"sandbox\": \"off\" in lab.json to run unconfined", line);
        Assert.Empty(lab.RecordedTrials());
    }

    [Fact]
    public void A_bad_sandbox_setting_gets_one_line_and_exit_2()
    {
        using var lab = new LabFolder("""{ "name": "tiny", "sandbox": "maybe" }""");
        var r = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: lab config " + lab.Config + ": sandbox is \"maybe\"; use on or off", r.Stderr.Trim());
    }
}
