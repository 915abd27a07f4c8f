// Signs tree heads with HMAC-SHA256 under a key from the lab's config. RFC 6962 logs sign with
// a public-key scheme; .NET's base library has no Ed25519, so the lab uses HMAC: anyone holding the
// key can check a head, and a third party checks proofs against the root the lab publishes.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Successor.Ledger.Signing;

public sealed class TreeHeadSigner
{
    public const int KeyBytes = 32;
    private readonly byte[] _key;

    public TreeHeadSigner(byte[] key)
    {
        if (key.Length < 16)
            throw new LedgerException(
                $"signing key: {key.Length} bytes is too short; use at least 16 random bytes (32 recommended)");
        _key = (byte[])key.Clone();
        KeyId = Digests.Hex(SHA256.HashData(_key).AsSpan(0, 8));
    }

    /// <summary>First 8 bytes of SHA-256(key), in hex: names the key without revealing it.</summary>
    public string KeyId { get; }

    /// <summary>Reads a key file of hex digits, creating one with a fresh random key (mode 0600) if absent.</summary>
    public static TreeHeadSigner FromKeyFile(string path, bool create)
    {
        if (!File.Exists(path))
        {
            if (!create)
                throw new LedgerException(
                    $"signing key {path}: file not found; create it or pass --key with the lab's key file");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            string hex = Digests.Hex(RandomNumberGenerator.GetBytes(KeyBytes));
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                if (!OperatingSystem.IsWindows())
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                file.Write(Encoding.ASCII.GetBytes(hex + "\n"));
                file.Flush(flushToDisk: true);
            }
            catch (IOException) when (File.Exists(path))
            {
                // another process created it first: use theirs
            }
        }
        string text = File.ReadAllText(path).Trim();
        return new TreeHeadSigner(Digests.FromHex(text, $"signing key {path}"));
    }

    /// <summary>The signer of an existing key file, or null when there is none (heads then go unchecked).</summary>
    public static TreeHeadSigner? FromKeyFileIfPresent(string path) =>
        File.Exists(path) ? FromKeyFile(path, create: false) : null;

    public SignedTreeHead Sign(long size, byte[] root, DateTimeOffset time)
    {
        var unsigned = new SignedTreeHead(size, Digests.Hex(root),
            time.UtcDateTime.ToString(Records.LedgerEntry.TimeFormat, CultureInfo.InvariantCulture), KeyId, "");
        return unsigned with { Signature = Mac(unsigned) };
    }

    public bool Verify(SignedTreeHead head) =>
        head.KeyId == KeyId &&
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Mac(head)), Encoding.ASCII.GetBytes(head.Signature));

    private string Mac(SignedTreeHead head) =>
        Digests.Hex(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(head.SignedBody())));
}
