// Attacks on the judge's boundary, end to end through the real executable: a worker's result.json with a
// real model and correct hashes but a made-up score; the evaluator's data changed while one trial ran and
// changed back before its batch ended; a judge under its own account, whose vault another uid cannot open and
// whose decoys it reads instead. Each is caught and recorded as an incident that names it.
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Successor.Ledger.Storage;
using Successor.Safety.Incidents;

namespace Successor.Cli.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(HonestLabCollection.Name)]
public sealed class JudgeRedTeamTests(HonestLab reference)
{
    static readonly string OneGeneration = HonestLab.Config;

    static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    [Fact]
    public void A_made_up_score_beside_a_real_model_and_correct_hashes_is_caught_by_the_judge()
    {
        // The same lab run honestly (once, for every test that needs it): its successor's result.json holds the
        // trial id and recipe hash the hostile worker needs, and its first champion is a real model to hand in.
        var honest = reference.Lab;
        var result = JsonNode.Parse(File.ReadAllText(Path.Combine(honest.TrialFolder(1, "g1-successor"),
            "result.json")))!.AsObject();
        int items = result["scores"]!.AsArray().Count;

        using var hostile = new LabFolder(OneGeneration);
        string folder = hostile.TrialFolder(1, "g1-successor");
        Directory.CreateDirectory(folder);
        string model = Path.Combine(folder, "model.safetensors");
        File.Copy(Path.Combine(honest.TrialFolder(0, "g0-initial"), "model.safetensors"), model);
        result["model_sha256"] = Sha256(model);
        result["score"] = 1.0;
        result["scores"] = new JsonArray([.. Enumerable.Range(0, items).Select(_ => (JsonNode?)JsonValue.Create(1.0))
            ]);
        File.WriteAllText(Path.Combine(folder, "result.json"), result.ToJsonString());

        // The last generation's incident has no later safe point to pause at: the run ends, its candidate rejected.
        var r = SuccessorProcess.Run(hostile.Args("run"));
        Assert.True(r.ExitCode is 0 or 4, r.Stdout + r.Stderr);
        // The hashes were right, so the runner's own check let it through; the judge's re-evaluation did not.
        Assert.DoesNotContain(hostile.Incidents(), i => i.Kind == "unverifiable-result");
        var incident = Assert.Single(hostile.Incidents(), i => i.Kind == "fabricated-result");
        Assert.Equal(Severity.Critical, incident.Severity);
        Assert.Contains("trial g1-successor's result.json does not match its model", incident.Detail);
        Assert.Contains("the worker reported a mean public score of 1.0000", incident.Detail);
        var generation = hostile.Attributes(Successor.Ledger.Statements.ProvKind.Activity, "generation:tiny/g1");
        Assert.False((bool)generation["promoted"]!);
        Assert.Contains("fail closed: fabricated-result incident incident:tiny/g1-fabricated-result-g1-successor",
            (string)generation["reason"]!);
    }

    [Fact]
    public async Task An_evaluator_changed_by_one_trial_and_changed_back_before_its_batch_ends_is_caught()
    {
        using var lab = new LabFolder();
        lab.WriteTextLab("\"proposals\": 3, \"workers\": 1, \"rungs\": 1");
        string split = Path.Combine(lab.Root, "split"), validation = Path.Combine(split, "validation.jsonl");
        string original = File.ReadAllText(validation);
        string g1 = Path.Combine(lab.Root, "runs", "tiny", "g1");
        int Finished() => Directory.Exists(g1)
            ? Directory.GetDirectories(g1).Count(d => File.Exists(Path.Combine(d, "result.json"))) : 0;
        string output;
        using (var run = SuccessorProcess.Start(lab.Args("run")))
        {
            var stdout = run.StandardOutput.ReadToEndAsync();
            var stderr = run.StandardError.ReadToEndAsync();
            // One worker runs the batch's 4 trials in turn: the change lands after the first has finished,
            // and is undone once the third has, while the fourth still runs.
            while (Finished() < 1 && !run.HasExited) await Task.Delay(20);
            File.AppendAllText(validation, "{\"text\": \"an easier validation document\"}\n");
            while (Finished() < 3 && !run.HasExited) await Task.Delay(20);
            File.WriteAllText(validation, original);
            Assert.True(run.WaitForExit(TimeSpan.FromMinutes(10)));
            output = await stdout + await stderr;
        }
        var incident = Assert.Single(lab.Incidents(), i => i.Kind == "evaluator-changed");
        Assert.Contains("a fingerprint around", incident.Detail);
        // Reverted in time: the fingerprint at the batch's end is the one the lab started with.
        var checks = lab.Attributes(Successor.Ledger.Statements.ProvKind.Activity, "trial-checks:tiny/g1-r0-control");
        Assert.False((bool)checks["evaluator_passed"]!, output);
        Assert.Equal(lab.TrialText("g0-initial", "evaluator_sha256"), (string)checks["evaluator_after"]!);
    }

    [Fact]
    public void A_judge_under_its_own_account_keeps_a_vault_no_other_account_can_open_and_sees_its_decoys_read()
    {
        Assert.True(Environment.IsPrivilegedProcess, "a root lab starts the judge as another account");
        using var lab = new LabFolder(OneGeneration.Replace("\"name\": \"tiny\",",
            "\"name\": \"tiny\", \"judge\": { \"account\": \"nobody\" },"));
        File.SetUnixFileMode(lab.Root, (UnixFileMode)0b111_101_101); // a lab's folder, which others may pass through
        var r = lab.Succeed("run");
        Assert.Contains("g1 judge: re-evaluated 2 trial model(s)", r.Stdout);
        string judge = Path.Combine(lab.Root, "judge"), vault = Ledger.Signing.JudgeVault.Of(judge);
        string secret = Path.Combine(vault, "secret");
        Assert.Equal("65534 711", Stat(judge));
        Assert.Equal("65534 700", Stat(vault));
        // The secret the lab started with moved into the vault; the notary signs inside the judge, as its
        // account: its key and the state it rewrote after every generation belong to that account.
        Assert.Equal(LabFolder.JudgeSecret, File.ReadAllText(secret));
        foreach (string file in new[] { secret, Path.Combine(vault, "notary.key"), Path.Combine(vault,
            "notary-state.json") })
            Assert.Equal("65534 600", Stat(file));
        Assert.Contains("notary: tree head signed", r.Stdout);
        var verify = SuccessorProcess.Run("verify", "--ledger", lab.Ledger, "--artifacts",
            Path.Combine(lab.Root, "artifacts"), "--accept-unwitnessed");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.DoesNotContain("judge-decoy-read", r.Stdout);
        // Another account (uid 1): the folder cannot be listed, the vault cannot be opened even by its name, and
        // the files at the names the code gives are decoys — whose reading the next run records.
        Assert.Contains("Permission denied", RunAs(1, "ls", judge));
        Assert.Contains("Permission denied", RunAs(1, "cat", secret));
        string stolen = RunAs(1, "cat", Path.Combine(judge, "secret"), Path.Combine(judge, "notary.key"));
        Assert.DoesNotContain(LabFolder.JudgeSecret.Trim(), stolen);
        Assert.DoesNotContain(File.ReadAllText(Path.Combine(vault, "notary.key")).Trim(), stolen);
        // A critical incident: the run records it at its start and waits for a person (exit 4).
        var again = SuccessorProcess.Run(lab.Args("run"));
        Assert.Equal(4, again.ExitCode);
        Assert.Contains("critical: judge-decoy-read: the decoy secret in the judge's folder was read at", again.Stdout);
        Assert.Contains("the decoy notary.key in the judge's folder was read at", again.Stdout);
        using var ledger = SqliteLedger.Open(lab.Ledger);
        Assert.Equal(2, new IncidentLog(ledger).All("tiny").Count(i => i.Kind == "judge-decoy-read"));
        Assert.Equal(LabFolder.JudgeSecret, File.ReadAllText(secret));
    }

    [Fact]
    public void A_text_splits_sealed_side_at_rest_becomes_the_judge_accounts_alone()
    {
        Assert.True(Environment.IsPrivilegedProcess, "a root lab starts the judge as another account");
        using var lab = new LabFolder();
        lab.WriteTextLab("\"proposals\": 1, \"rungs\": 1");
        WithJudgeAccount(lab);
        File.SetUnixFileMode(lab.Root, (UnixFileMode)0b111_101_101);
        string sealedFolder = Path.Combine(lab.Root, "split", "sealed"), holdout = Path.Combine(sealedFolder,
            "holdout.jsonl");
        Assert.Contains("successor_sealed_holdout", RunAs(1, "cat", holdout)); // as `data split` wrote it: open
        var r = lab.Succeed("run");
        Assert.Contains("holdout bits/byte", r.Stdout);
        Assert.Equal("65534 700", Stat(sealedFolder));
        Assert.Equal("65534 600", Stat(holdout));
        Assert.Contains("Permission denied", RunAs(1, "cat", holdout));
        Assert.DoesNotContain(lab.Incidents(), i => i.Kind == "evaluator-changed");
    }

    [Fact]
    public void A_lab_that_is_not_root_and_can_read_the_sealed_side_refuses_to_start_its_judge()
    {
        Assert.True(Environment.IsPrivilegedProcess, "root starts the lab as an ordinary account here");
        using var lab = new LabFolder();
        lab.WriteTextLab("\"proposals\": 1, \"rungs\": 1");
        WithJudgeAccount(lab, "\"sandbox\": \"off\", ");
        File.SetUnixFileMode(lab.Root, (UnixFileMode)0b111_101_101);
        RunAs(0, "chown", "-R", "1:1", lab.Root);
        // The judge's folder made once by root, as SAFETY.md says; the split's sealed side left as written.
        RunAs(0, "install", "-d", "-m", "0711", "-o", "nobody", Path.Combine(lab.Root, "judge"));
        var start = new ProcessStartInfo("setpriv")
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--reuid=1", "--regid=1", "--clear-groups", "--", "env", $"HOME={lab.Root}",
            "CI=1", "dotnet", Path.Combine(AppContext.BaseDirectory, "successor.dll") }.Concat(lab.Args("run")))
            start.ArgumentList.Add(a);
        using var run = Process.Start(start)!;
        var r = SuccessorProcess.Wait(run, ["run"]);
        Assert.True(r.ExitCode == 2, r.Stdout + r.Stderr);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches("the sealed file .*/sealed/[a-z]+.jsonl is readable by this lab's account, " +
            "but judge.account is nobody", line);
        Assert.Contains("chown -R nobody", line);
    }

    static void WithJudgeAccount(LabFolder lab, string more = "") =>
        File.WriteAllText(lab.Config, File.ReadAllText(lab.Config).Replace("\"name\": \"tiny\",",
            $"\"name\": \"tiny\", {more}\"judge\": {{ \"account\": \"nobody\" }},", StringComparison.Ordinal));

    /// <summary>What `program args` printed run as uid (and gid) `id`, with no supplementary groups.</summary>
    static string RunAs(int id, string program, params string[] args)
    {
        var attack = new ProcessStartInfo("setpriv")
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { $"--reuid={id}", $"--regid={id}", "--clear-groups", "--", program }.Concat(args))
            attack.ArgumentList.Add(a);
        using var process = Process.Start(attack)!;
        string said = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return said;
    }

    /// <summary>The owner's uid and the mode of `path`, in octal.</summary>
    static string Stat(string path)
    {
        var start = new ProcessStartInfo("stat") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", "%u %a", path }) start.ArgumentList.Add(a);
        using var stat = Process.Start(start)!;
        string output = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return output;
    }
}
