// Content-addressed, immutable artifact files: <root>/sha256/ab/abcdef… named by their SHA-256.
// A write goes to <root>/tmp, is fsynced, made read-only and renamed into place (rename is atomic
// on one file system), so a process killed at any instant leaves either the whole file or no file
// under sha256/ — at worst a stale temp file, which CleanTemporary removes. Reads check the digest.
using System.Security.Cryptography;

namespace Successor.Ledger.Artifacts;

public sealed class ArtifactStore
{
    public ArtifactStore(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    private string TempDirectory => Path.Combine(Root, "tmp");

    public string PathOf(string digest)
    {
        string hex = Digests.Normalize(digest);
        return Path.Combine(Root, "sha256", hex[..2], hex);
    }

    public string Put(ReadOnlySpan<byte> data)
    {
        using var stream = new MemoryStream(data.ToArray(), writable: false);
        return Put(stream);
    }

    public string PutFile(string path)
    {
        if (!File.Exists(path))
            throw new LedgerException($"artifact {path}: file not found; give the path of an existing file");
        using var stream = File.OpenRead(path);
        return Put(stream);
    }

    /// <summary>Stores the stream's bytes and returns their digest ("sha256:…").</summary>
    public string Put(Stream content)
    {
        Directory.CreateDirectory(TempDirectory);
        string temp = Path.Combine(TempDirectory, $"{Guid.NewGuid():N}.partial");
        string hex;
        try
        {
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    file.Write(buffer, 0, n);
                }
                file.Flush(flushToDisk: true);
                hex = Digests.Hex(hash.GetHashAndReset());
            }
            string target = PathOf(hex);
            if (File.Exists(target))
            {
                File.Delete(temp);
                return Digests.Prefix + hex;
            }
            string directory = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(directory);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.Move(temp, target, overwrite: true);
            FileSync.Directory(directory);
            return Digests.Prefix + hex;
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    public bool Contains(string digest) => File.Exists(PathOf(digest));

    /// <summary>Reads the whole artifact and checks it against its name.</summary>
    public byte[] ReadAllBytes(string digest)
    {
        string path = PathOf(digest);
        if (!File.Exists(path))
            throw new LedgerException(
                $"artifact {Digests.Prefix}{Digests.Normalize(digest)}: not in the store at {Root}; "
                + "store it first or check the digest");
        byte[] data = File.ReadAllBytes(path);
        string actual = Digests.Of(data);
        if (actual != Digests.Prefix + Digests.Normalize(digest))
            throw new LedgerException(
                $"artifact {path}: content hashes to {actual}, not the digest it is named by; the file was altered");
        return data;
    }

    public ArtifactCheck Check(string digest)
    {
        string path = PathOf(digest);
        if (!File.Exists(path)) return new ArtifactCheck(ArtifactState.Missing, null);
        using var file = File.OpenRead(path);
        string actual = Digests.Prefix + Digests.Hex(SHA256.HashData(file));
        return actual == Digests.Prefix + Digests.Normalize(digest)
            ? new ArtifactCheck(ArtifactState.Intact, actual)
            : new ArtifactCheck(ArtifactState.Corrupt, actual);
    }

    /// <summary>All digests in the store (one per file under sha256/).</summary>
    public IEnumerable<string> List()
    {
        string dir = Path.Combine(Root, "sha256");
        if (!Directory.Exists(dir)) yield break;
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var file in files)
            yield return Digests.Prefix + Path.GetFileName(file);
    }

    /// <summary>Removes temp files left by killed writers; only older ones, as live writers use tmp/ too.</summary>
    public int CleanTemporary(TimeSpan olderThan)
    {
        if (!Directory.Exists(TempDirectory)) return 0;
        int removed = 0;
        foreach (var file in Directory.EnumerateFiles(TempDirectory, "*.partial"))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < olderThan) continue;
            try { File.Delete(file); removed++; } catch (IOException) { }
        }
        return removed;
    }
}
