// The judge's folder as a tripwire. Its secrets (the holdout's secret, the notary's key and state) live in a
// private vault, a subfolder of mode 0700 under a random name; the judge's folder itself is 0711, so another
// account may pass through it but not list it, and cannot learn the vault's name. At the well-known names —
// the ones the code and the docs give — lie decoys of the same shape, readable by anyone. A failed open of a
// folder another account owns leaves no trace a process can see; a read of a decoy does: its access time moves
// past its modification time (set one second back when it is laid), which relatime and strictatime mounts
// both record and only the decoy's owner can set back. The judge looks at every request and reports each read
// once (honeytokens, as Canarytokens lay them). A backup or a person reading the folder trips them too.
using System.Security.Cryptography;

namespace Successor.Ledger.Signing;

public static class JudgeVault
{
    /// <summary>The well-known names of the judge's secrets: the real files in the vault, decoys in the folder.
    /// </summary>
    public static readonly IReadOnlyList<string> Names = ["secret", "notary.key", "notary-state.json"];

    /// <summary>The judge's folder: others may traverse it to notary.pub's neighbours, never list it.</summary>
    public const UnixFileMode Folder = SecretFiles.PrivateFolder | UnixFileMode.GroupExecute
        | UnixFileMode.OtherExecute;

    const string Prefix = "vault-", Building = ".vault-building";
    static readonly TimeSpan Back = TimeSpan.FromSeconds(1);

    /// <summary>The vault of `judgeFolder` (the folder itself when it has none yet: a folder `successor notary
    /// sign` made before vaults, or one never opened).</summary>
    public static string Of(string judgeFolder) =>
        Find(judgeFolder) ?? judgeFolder;

    /// <summary>Makes `judgeFolder` a vault and its decoys, as its owner, and returns the vault. Secrets found at
    /// the well-known names of a folder without a vault are real (an older layout, or a secret a person put
    /// there) and move into the new vault first.</summary>
    public static string Open(string judgeFolder)
    {
        judgeFolder = Path.GetFullPath(judgeFolder);
        Directory.CreateDirectory(judgeFolder);
        if (OperatingSystem.IsWindows()) return judgeFolder;
        File.SetUnixFileMode(judgeFolder, Folder);
        using var held = Lock(judgeFolder);
        string vault = Find(judgeFolder) ?? Build(judgeFolder);
        File.SetUnixFileMode(vault, SecretFiles.PrivateFolder); // tightened, if a person loosened it
        foreach (string name in Names) Lay(Path.Combine(judgeFolder, name));
        return vault;
    }

    /// <summary>The decoys of `judgeFolder` read since they were laid or last reported ("secret at
    /// 2026-12-05T10:14:05Z"), each set back so that the next read is seen again.</summary>
    public static IReadOnlyList<string> TakeReads(string judgeFolder)
    {
        if (OperatingSystem.IsWindows() || Find(judgeFolder) is null) return [];
        var reads = new List<string>();
        foreach (string name in Names)
        {
            var decoy = new FileInfo(Path.Combine(judgeFolder, name));
            if (!decoy.Exists || decoy.LastAccessTimeUtc - decoy.LastWriteTimeUtc < Back / 2) continue;
            reads.Add($"{name} at {decoy.LastAccessTimeUtc:yyyy-MM-ddTHH:mm:ss.fffZ}");
            decoy.LastAccessTimeUtc = decoy.LastWriteTimeUtc;
        }
        return reads;
    }

    static string? Find(string judgeFolder)
    {
        if (!Directory.Exists(judgeFolder)) return null;
        try
        {
            return Directory.EnumerateDirectories(judgeFolder, Prefix + "*").Order(StringComparer.Ordinal)
                .FirstOrDefault();
        }
        catch (UnauthorizedAccessException) { return null; } // another account's folder: not ours to find
    }

    /// <summary>A new vault holding the secrets already at the well-known names, made whole under a temporary
    /// name and renamed, so a crash leaves either no vault (the secrets still where they were) or a whole one.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    static string Build(string judgeFolder)
    {
        string building = Path.Combine(judgeFolder, Building);
        if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
        Directory.CreateDirectory(building, SecretFiles.PrivateFolder);
        foreach (string name in Names)
        {
            string found = Path.Combine(judgeFolder, name);
            if (!File.Exists(found)) continue;
            File.Copy(found, Path.Combine(building, name));
            File.SetUnixFileMode(Path.Combine(building, name), SecretFiles.Private);
        }
        string vault = Path.Combine(judgeFolder, Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        Directory.Move(building, vault);
        foreach (string name in Names) File.Delete(Path.Combine(judgeFolder, name));
        return vault;
    }

    /// <summary>A decoy at `path` unless one is there: a file of the real one's shape, readable by all, its
    /// times one second back. A private file there is a real secret left by a crash after its vault was made:
    /// the vault holds its copy, so it becomes a decoy too.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    static void Lay(string path)
    {
        if (File.Exists(path) && File.GetUnixFileMode(path) == SecretFiles.Public) return;
        string name = Path.GetFileName(path);
        string text = name.EndsWith(".json", StringComparison.Ordinal)
            ? "{\"last_signed\":null}\n" : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) + "\n";
        SecretFiles.Replace(path, text, SecretFiles.Public);
        var then = File.GetLastWriteTimeUtc(path) - Back;
        File.SetLastWriteTimeUtc(path, then);
        File.SetLastAccessTimeUtc(path, then);
    }

    /// <summary>One judge at a time lays out the folder: two labs starting at once would make two vaults.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    static FileStream Lock(string judgeFolder)
    {
        string path = Path.Combine(judgeFolder, ".lock");
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None,
                    UnixCreateMode = SecretFiles.Private,
                });
            }
            catch (IOException) when (attempt < 200) { Thread.Sleep(25); }
        }
    }
}
