// A text split's sealed side at rest (`sealed/`, and the holdout and canary files of a split written before that
// folder existed) is the judge's alone. Under a judge account, a root lab hands it to that account (folder 0700,
// files 0600) before the judge starts, so that no other account — the lab's included, once it is not root —
// can read it; a lab that is not root and can still read it refuses to start. Only the judge fingerprints it: the
// lab's evaluator fingerprint covers code and public data, which the lab may read.
using System.Security.Cryptography;
using Successor.Data.Corpora;

namespace Successor.Lab.Judge;

public static class SealedAtRest
{
    /// <summary>The sealed files of `split` that exist: `sealed/`'s, and a legacy holdout and canaries beside it.
    /// </summary>
    public static IReadOnlyList<string> Files(string split)
    {
        string folder = Path.Combine(split, SealedFormat.FolderName);
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList() : [];
        files.AddRange(new[] { SealedFormat.HoldoutFile, SealedFormat.CanaryFile }
            .Select(f => Path.Combine(split, f)).Where(File.Exists));
        return [.. files.Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether `file`, a file of `split`, is on its sealed side (by path alone: it may be unreadable).
    /// </summary>
    public static bool IsSealed(string split, string file)
    {
        string relative = Path.GetRelativePath(split, file);
        return relative.StartsWith(SealedFormat.FolderName + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative is SealedFormat.HoldoutFile or SealedFormat.CanaryFile;
    }

    /// <summary>SHA-256 over the sealed files' names and bytes, taken by the judge when it opens and at every
    /// verdict ("" for a lab without a split).</summary>
    public static string Fingerprint(string? split)
    {
        if (split is null) return "";
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files(split))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(split, file)));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Before a judge starts under `account`: its sealed files become that account's (a root lab), or
    /// must already be out of this process's reach (a lab that is not root).</summary>
    public static void Hand(string? split, JudgeAccount account)
    {
        if (OperatingSystem.IsWindows() || split is null || Files(split) is not { Count: > 0 } files) return;
        string folder = Path.Combine(split, SealedFormat.FolderName);
        if (!Environment.IsPrivilegedProcess)
        {
            var readable = files.FirstOrDefault(Readable);
            if (readable is null) return;
            throw new Config.LabConfigException($"split {split}: the sealed file {readable} is readable by this " +
                $"lab's account, but judge.account is {account.Name}: the sealed side at rest must be the judge's " +
                $"alone; once, as root: chown -R {account.Name} {folder} && chmod -R go-rwx {folder}");
        }
        foreach (var file in files)
        {
            account.Own(file);
            File.SetUnixFileMode(file, Ledger.Signing.SecretFiles.Private);
        }
        if (!Directory.Exists(folder)) return;
        account.Own(folder);
        File.SetUnixFileMode(folder, Ledger.Signing.SecretFiles.PrivateFolder);
    }

    static bool Readable(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return true;
        }
        catch (UnauthorizedAccessException) { return false; }
    }
}
