// Attacks on the judge's boundary, end to end through the real executable: a worker's result.json with a
// real model and correct hashes but a made-up score; the evaluator's data changed while one trial ran and
// changed back before its batch ended; a judge under its own account, whose secrets another uid cannot open.
// Each is caught and recorded as an incident that names it (or, for the account, simply cannot be done).
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
    public void A_judge_under_its_own_account_keeps_a_folder_no_other_account_can_open_and_signs_there()
    {
        Assert.True(Environment.IsPrivilegedProcess, "a root lab starts the judge as another account");
        using var lab = new LabFolder(OneGeneration.Replace("\"name\": \"tiny\",",
            "\"name\": \"tiny\", \"judge\": { \"account\": \"nobody\" },"));
        File.SetUnixFileMode(lab.Root, (UnixFileMode)0b111_101_101); // a lab's folder, which others may pass through
        var r = lab.Succeed("run");
        Assert.Contains("g1 judge: re-evaluated 2 trial model(s)", r.Stdout);
        string judge = Path.Combine(lab.Root, "judge"), secret = Path.Combine(judge, "secret");
        Assert.Equal("65534 700", Stat(judge));
        Assert.Equal("65534 600", Stat(secret));
        // The notary signs inside the judge, as its account: its key and the state it rewrote after every
        // generation belong to that account, not to the lab's (root here).
        Assert.Equal("65534 600", Stat(Path.Combine(judge, "notary.key")));
        Assert.Equal("65534 600", Stat(Path.Combine(judge, "notary-state.json")));
        Assert.Contains("notary: tree head signed", r.Stdout);
        var verify = SuccessorProcess.Run("verify", "--ledger", lab.Ledger, "--artifacts",
            Path.Combine(lab.Root, "artifacts"), "--accept-unwitnessed");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        foreach (string file in new[] { secret, Path.Combine(judge, "notary.key") })
        {
            var attack = new ProcessStartInfo("setpriv")
                { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--reuid=1", "--regid=1", "--clear-groups", "--", "cat", file })
                attack.ArgumentList.Add(a);
            using var cat = Process.Start(attack)!;
            string said = cat.StandardOutput.ReadToEnd() + cat.StandardError.ReadToEnd();
            cat.WaitForExit();
            Assert.NotEqual(0, cat.ExitCode);
            Assert.Contains("Permission denied", said);
        }
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
