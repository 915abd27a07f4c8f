// Ed25519 (RFC 8032) through libsodium (NSec): the one signature scheme of the ledger, for tree heads
// and for people's records and decisions. A private key is its 32-byte seed; signatures are
// deterministic, so the same key and bytes always give the same signature and runs stay reproducible.
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Successor.Ledger.Signing;

public static class Ed25519Keys
{
    public const int SeedBytes = 32, PublicKeyBytes = 32;
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(SeedBytes);

    public static byte[] PublicKeyOf(byte[] seed)
    {
        using var key = Import(seed);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    public static byte[] Sign(byte[] seed, ReadOnlySpan<byte> data)
    {
        using var key = Import(seed);
        return Algorithm.Sign(key, data);
    }

    /// <summary>False for a malformed key or signature as well as a wrong one.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == Algorithm.SignatureSize
        && PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key)
        && Algorithm.Verify(key!, data, signature);

    /// <summary>Verifies hex-encoded key and signature; anything not hexadecimal is simply not valid.</summary>
    public static bool VerifyHex(string publicKeyHex, ReadOnlySpan<byte> data, string signatureHex)
    {
        try
        {
            return Verify(Convert.FromHexString(publicKeyHex), data, Convert.FromHexString(signatureHex));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>First 8 bytes of SHA-256(public key), in hex: a short name for a key.</summary>
    public static string KeyId(ReadOnlySpan<byte> publicKey) => Digests.Hex(SHA256.HashData(publicKey).AsSpan(0, 8));

    private static Key Import(byte[] seed)
    {
        if (seed.Length != SeedBytes)
            throw new LedgerException($"Ed25519 key: {seed.Length} bytes; a private key is a {SeedBytes}-byte seed");
        return Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey);
    }
}
