// What only the judge knows: a random secret in the judge's vault (`.successor/judge/vault-…/secret`, folder
// 0700, file 0600, created by the judge on first use; JudgeVault lays a decoy at `judge/secret`). Everything
// secret the judge decides derives from it by HMAC-SHA256 — which sealed-side problems form the curriculum
// holdout, which trial models it re-evaluates — so public code and the public seeds no longer reproduce them.
// With a judge account the folder belongs to that account and the lab's account cannot list it or open its vault.
using System.Security.Cryptography;
using System.Text;

namespace Successor.Lab.Judge;

public sealed class JudgeSecrets
{
    public const string FolderName = Ledger.Signing.JudgeFolder.Name, SecretFile = "secret";
    const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    readonly byte[] key;

    JudgeSecrets(string folder, byte[] key) => (Folder, this.key) = (folder, key);

    public string Folder { get; }

    /// <summary>The secrets in `folder`, creating the folder (0711), its vault (0700) and a fresh secret (0600) on
    /// first use.</summary>
    public static JudgeSecrets Open(string folder)
    {
        if (OperatingSystem.IsWindows()) throw NoModes();
        folder = Path.GetFullPath(folder);
        // Whoever made the folder, the judge owns it now: Open tightens modes an older copy or a person loosened.
        string vault = Ledger.Signing.JudgeVault.Open(folder);
        string path = Path.Combine(vault, SecretFile);
        if (!File.Exists(path))
        {
            string fresh = Path.Combine(vault, $".{SecretFile}.{Environment.ProcessId}");
            var options = new FileStreamOptions
                { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile };
            using (var stream = new FileStream(fresh, options))
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))));
            // Two judges starting at once: the first rename wins, and both read the winner's secret.
            try { File.Move(fresh, path, overwrite: false); }
            catch (IOException) when (File.Exists(path)) { File.Delete(fresh); }
        }
        File.SetUnixFileMode(path, PrivateFile);
        string text = File.ReadAllText(path).Trim();
        if (text.Length != 64 || !text.All(Uri.IsHexDigit))
            throw new InvalidOperationException($"judge secret {path}: is not 64 hex digits; it was edited or " +
                "truncated — restore it from a backup (a new secret would change the sealed holdout)");
        return new JudgeSecrets(folder, Convert.FromHexString(text));
    }

    /// <summary>Run by the lab before it starts a judge under `account`: the folder exists, is 0711 and belongs to
    /// that account with all it holds, so only the judge (and root) can list it or open its vault. A lab that is
    /// not root cannot hand a folder to another account; then it must already be there.</summary>
    public static void Prepare(string folder, JudgeAccount account)
    {
        if (OperatingSystem.IsWindows()) throw NoModes();
        folder = Path.GetFullPath(folder);
        if (!Environment.IsPrivilegedProcess)
        {
            if (Directory.Exists(folder)) return;
            throw new InvalidOperationException($"judge folder {folder}: does not exist, and this lab is not root, " +
                $"so it cannot give one to {account.Name}; create it once as root: " +
                $"install -d -m 0711 -o {account.Name} {folder}");
        }
        if (!Directory.Exists(folder)) Directory.CreateDirectory(folder, Ledger.Signing.JudgeVault.Folder);
        File.SetUnixFileMode(folder, Ledger.Signing.JudgeVault.Folder);
        account.Own(folder);
    }

    static PlatformNotSupportedException NoModes() =>
        new("the judge's folder needs Unix file modes (0711, 0700 and 0600); run the lab on Linux");

    /// <summary>The seed of the sealed curriculum holdout: which sealed-side problems the Verifier draws.</summary>
    public ulong SealedSeed(ulong publicSeed) => Derive($"sealed-curriculum/{publicSeed}");

    /// <summary>`count` of `trials` to re-evaluate: `selected` always, the others in an order only the judge
    /// can compute, so a worker cannot know whether its result will be checked.</summary>
    public IReadOnlyList<string> Sample(string lab, IReadOnlyList<string> trials, string selected, int count) =>
        [selected, .. trials.Where(t => t != selected).Distinct(StringComparer.Ordinal)
            .OrderBy(t => Derive($"reevaluate/{lab}/{t}")).ThenBy(t => t, StringComparer.Ordinal)
            .Take(Math.Max(0, count - 1))];

    ulong Derive(string purpose) =>
        BitConverter.ToUInt64(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose)), 0);
}
