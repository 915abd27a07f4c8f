// The judge's folder as a tripwire: its secrets in a private vault under a random name, decoys at the names
// everyone knows, and every read of a decoy reported once — by the file system's access time, which the reader
// cannot set back. Secrets of the layout before vaults move into the first vault unchanged.
using Successor.Ledger.Signing;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Tests.Signing;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class JudgeVaultTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("successor-vault-").FullName;

    string Judge => JudgeFolder.For(Path.Combine(folder, "ledger.db"));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_secrets_go_to_a_private_vault_and_decoys_of_their_shape_lie_at_their_names()
    {
        using (var ledger = SqliteLedger.Open(Path.Combine(folder, "ledger.db"))) Assert.True(new Notary(Judge)
            .Sign(ledger).Ok);
        string vault = JudgeVault.Of(Judge);
        Assert.NotEqual(Judge, vault);
        Assert.Matches("^vault-[0-9a-f]{32}$", Path.GetFileName(vault));
        Assert.Equal(JudgeVault.Folder, File.GetUnixFileMode(Judge));
        Assert.Equal(SecretFiles.PrivateFolder, File.GetUnixFileMode(vault));
        Assert.Equal(Path.Combine(vault, "notary.key"), JudgeFolder.NotaryKey(Judge));
        string key = File.ReadAllText(JudgeFolder.NotaryKey(Judge));
        foreach (string name in JudgeVault.Names)
        {
            string decoy = Path.Combine(Judge, name);
            Assert.Equal(SecretFiles.Public, File.GetUnixFileMode(decoy));
            Assert.True(File.GetLastWriteTimeUtc(decoy) < DateTime.UtcNow.AddSeconds(-0.9), name);
        }
        Assert.Matches("^[0-9a-f]{64}\n$", File.ReadAllText(Path.Combine(Judge, "notary.key")));
        Assert.NotEqual(key, File.ReadAllText(Path.Combine(Judge, "notary.key")));
        Assert.StartsWith("notary.key at ", Assert.Single(JudgeVault.TakeReads(Judge))); // this test's read
        // Laying out the folder, signing again and looking for reads touch no decoy.
        using (var ledger = SqliteLedger.Open(Path.Combine(folder, "ledger.db"))) new Notary(Judge).Sign(ledger);
        Assert.Equal(vault, JudgeVault.Open(Judge));
        Assert.Empty(JudgeVault.TakeReads(Judge));
        Assert.Single(Directory.GetDirectories(Judge));
    }

    [Fact]
    public void Each_read_of_a_decoy_is_reported_once_and_the_next_read_again()
    {
        JudgeVault.Open(Judge);
        Assert.Empty(JudgeVault.TakeReads(Judge));
        File.ReadAllText(Path.Combine(Judge, "secret"));
        var reads = JudgeVault.TakeReads(Judge);
        Assert.Matches(@"^secret at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", Assert.Single(reads));
        Assert.Empty(JudgeVault.TakeReads(Judge));
        File.ReadAllText(Path.Combine(Judge, "secret"));
        File.ReadAllText(Path.Combine(Judge, "notary-state.json"));
        Assert.Equal(["secret", "notary-state.json"], JudgeVault.TakeReads(Judge).Select(r => r.Split(' ')[0]));
    }

    [Fact]
    public void Secrets_of_a_folder_without_a_vault_move_into_the_first_one_unchanged()
    {
        Directory.CreateDirectory(Judge);
        string secret = new('a', 64), key = new('b', 64);
        File.WriteAllText(Path.Combine(Judge, "secret"), secret + "\n");
        File.WriteAllText(Path.Combine(Judge, "notary.key"), key + "\n");
        string vault = JudgeVault.Open(Judge);
        Assert.Equal(secret + "\n", File.ReadAllText(Path.Combine(vault, "secret")));
        Assert.Equal(key + "\n", File.ReadAllText(JudgeFolder.NotaryKey(Judge)));
        Assert.Equal(SecretFiles.Private, File.GetUnixFileMode(Path.Combine(vault, "secret")));
        Assert.False(File.Exists(Path.Combine(vault, "notary-state.json")));
        Assert.NotEqual(secret + "\n", File.ReadAllText(Path.Combine(Judge, "secret")));
        // A real secret left at its name by a crash after the vault was made becomes a decoy; the vault keeps it.
        File.WriteAllText(Path.Combine(Judge, "secret"), secret + "\n");
        File.SetUnixFileMode(Path.Combine(Judge, "secret"), SecretFiles.Private);
        Assert.Equal(vault, JudgeVault.Open(Judge));
        Assert.NotEqual(secret + "\n", File.ReadAllText(Path.Combine(Judge, "secret")));
        Assert.Equal(secret + "\n", File.ReadAllText(Path.Combine(vault, "secret")));
    }
}
