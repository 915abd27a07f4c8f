// SHA-256 helpers and the "sha256:<hex>" digest notation used for artifacts and records.
using System.Security.Cryptography;

namespace Successor.Ledger;

public static class Digests
{
    public const string Prefix = "sha256:";

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static byte[] FromHex(string hex, string what)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new LedgerException($"{what}: \"{hex}\" is not hexadecimal; expected 64 hex digits");
        }
    }

    /// <summary>Accepts "sha256:&lt;64 hex&gt;" or bare hex; returns the 64 lower-case hex digits.</summary>
    public static string Normalize(string digest)
    {
        string hex = digest.StartsWith(Prefix, StringComparison.Ordinal) ? digest[Prefix.Length..] : digest;
        hex = hex.ToLowerInvariant();
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
            throw new LedgerException(
                $"digest: \"{digest}\" is not a SHA-256 digest; expected sha256: followed by 64 hex digits");
        return hex;
    }

    public static string Of(ReadOnlySpan<byte> data) => Prefix + Hex(SHA256.HashData(data));
}
