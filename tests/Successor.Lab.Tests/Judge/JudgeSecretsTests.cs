// The judge's secrets at rest: a private folder and file created on first use, a seed and a sample only the
// secret reproduces, and — tried by real processes under other uids — nobody but the judge (and root) opens them;
// who reads the decoys at their names is seen.
using System.Diagnostics;
using Successor.Lab.Judge;
using Successor.Ledger.Signing;

namespace Successor.Lab.Tests.Judge;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class JudgeSecretsTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("successor-judge-").FullName;

    // Like a lab's folder (0755), which other accounts may pass through: only the judge's folder is closed.
    public JudgeSecretsTests() => File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);

    string Folder => Path.Combine(root, ".successor", JudgeSecrets.FolderName);

    string Secret => Path.Combine(JudgeVault.Of(Folder), JudgeSecrets.SecretFile);

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>Runs `program args` as uid (and gid) `id` through setpriv, with no supplementary groups.</summary>
    static (int ExitCode, string Output) RunAs(int id, string program, params string[] args)
    {
        var start = new ProcessStartInfo("setpriv")
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { $"--reuid={id}", $"--regid={id}", "--clear-groups", "--", program }.Concat(args))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    [Fact]
    public void The_folder_and_the_secret_are_private_and_made_on_first_use()
    {
        Assert.False(Directory.Exists(Folder));
        var first = JudgeSecrets.Open(Folder);
        Assert.Equal(JudgeVault.Folder, File.GetUnixFileMode(Folder));
        Assert.Equal(SecretFiles.PrivateFolder, File.GetUnixFileMode(JudgeVault.Of(Folder)));
        string secret = Secret;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret));
        Assert.Equal(64, File.ReadAllText(secret).Trim().Length);
        // The same secret on every later opening, a different one in another folder.
        Assert.Equal(first.SealedSeed(0x5EA1ED), JudgeSecrets.Open(Folder).SealedSeed(0x5EA1ED));
        var other = JudgeSecrets.Open(Path.Combine(root, "other"));
        Assert.NotEqual(first.SealedSeed(0x5EA1ED), other.SealedSeed(0x5EA1ED));
        Assert.NotEqual(0x5EA1EDUL, first.SealedSeed(0x5EA1ED));
    }

    [Fact]
    public void A_loosened_folder_is_tightened_and_an_edited_secret_is_refused()
    {
        JudgeSecrets.Open(Folder);
        File.SetUnixFileMode(Folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(JudgeVault.Of(Folder), (UnixFileMode)0b111_101_101);
        JudgeSecrets.Open(Folder);
        Assert.Equal((UnixFileMode)0b111_001_001, File.GetUnixFileMode(Folder));
        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(JudgeVault.Of(Folder)));
        File.WriteAllText(Secret, "not hex");
        var e = Assert.Throws<InvalidOperationException>(() => JudgeSecrets.Open(Folder));
        Assert.Contains("is not 64 hex digits", e.Message);
    }

    [Fact]
    public void A_process_under_another_uid_finds_decoys_at_the_secrets_names_and_is_seen_reading_them()
    {
        Assert.True(Environment.IsPrivilegedProcess, "this attack is run by root, which can start other uids");
        JudgeSecrets.Open(Folder);
        string real = File.ReadAllText(Secret), vault = JudgeVault.Of(Folder);
        // nobody (65534) cannot list the folder, so cannot learn the vault's name; given it, cannot open it.
        var list = RunAs(65534, "ls", Folder);
        Assert.NotEqual(0, list.ExitCode);
        Assert.Contains("Permission denied", list.Output);
        foreach (var path in new[] { vault, Secret })
            Assert.Contains("Permission denied", RunAs(65534, "cat", path).Output);
        Assert.Empty(Ledger.Signing.JudgeVault.TakeReads(Folder)); // failed opens leave no trace
        // At the names the code gives it reads a decoy — not the secret — and that read is seen.
        var read = RunAs(65534, "cat", Path.Combine(Folder, JudgeSecrets.SecretFile),
            Path.Combine(Folder, "notary.key"));
        Assert.True(read.ExitCode == 0, read.Output);
        Assert.DoesNotContain(real.Trim(), read.Output);
        Assert.Equal(["secret", "notary.key"], JudgeVault.TakeReads(Folder).Select(r => r.Split(' ')[0]));
        Assert.Equal(real, File.ReadAllText(Secret));
    }

    [Fact]
    public void A_folder_prepared_for_a_judge_account_is_its_own_and_closed_to_the_labs_other_accounts()
    {
        Assert.True(Environment.IsPrivilegedProcess, "only root can hand a folder to another account");
        var nobody = JudgeAccount.Resolve("nobody");
        Assert.Equal(65534, nobody.Uid);
        JudgeSecrets.Prepare(Folder, nobody);
        // The judge, started as nobody, makes its secret there itself; uid 1 (another account) cannot read it.
        var judge = RunAs(65534, "sh", "-c", $"umask 077 && echo x > '{Folder}/probe' && cat '{Folder}/probe'");
        Assert.True(judge.ExitCode == 0, judge.Output);
        Assert.Equal("65534", RunAs(0, "stat", "-c", "%u", Folder).Output.Trim());
        Assert.NotEqual(0, RunAs(1, "cat", Path.Combine(Folder, "probe")).ExitCode);
        Assert.Throws<Config.LabConfigException>(() => JudgeAccount.Resolve("no-such-account-here"));
    }

    [Fact]
    public void The_sample_always_holds_the_selected_trial_and_its_order_is_the_secrets()
    {
        var trials = Enumerable.Range(0, 30).Select(i => $"g1-r0-p{i}").ToList();
        var a = JudgeSecrets.Open(Path.Combine(root, "a"));
        var b = JudgeSecrets.Open(Path.Combine(root, "b"));
        var sample = a.Sample("lab", trials, "g1-r0-p7", 4);
        Assert.Equal(4, sample.Count);
        Assert.Equal("g1-r0-p7", sample[0]);
        Assert.Equal(4, sample.Distinct().Count());
        Assert.Equal(sample, a.Sample("lab", trials, "g1-r0-p7", 4));
        // Another secret picks other trials (the chance that 3 of 29 are the same three is about 1 in 3,654).
        Assert.NotEqual(sample, b.Sample("lab", trials, "g1-r0-p7", 4));
        Assert.Equal(["g1-r0-p7"], a.Sample("lab", trials, "g1-r0-p7", 1));
    }
}
