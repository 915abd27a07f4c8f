// The notary's public key, which anyone may read: checks tree-head signatures. Its file holds the
// key in hex; it is named by its key id, the first 8 bytes of its SHA-256.
using System.Text;

namespace Successor.Ledger.Signing;

public sealed class TreeHeadKey
{
    private readonly byte[] _key;

    public TreeHeadKey(byte[] publicKey)
    {
        if (publicKey.Length != Ed25519Keys.PublicKeyBytes)
            throw new LedgerException(
                $"public key: {publicKey.Length} bytes; an Ed25519 public key has {Ed25519Keys.PublicKeyBytes}");
        _key = (byte[])publicKey.Clone();
        KeyId = Ed25519Keys.KeyId(_key);
    }

    public string KeyId { get; }

    public string Hex => Digests.Hex(_key);

    public static TreeHeadKey FromHex(string hex, string what) => new(Digests.FromHex(hex.Trim(), what));

    public static TreeHeadKey FromFile(string path)
    {
        if (!File.Exists(path))
            throw new LedgerException(
                $"public key {path}: file not found; pass --public-key with the notary's public key "
                + "(written beside the judge folder as notary.pub at the first `successor notary sign`)");
        return FromHex(File.ReadAllText(path), $"public key {path}");
    }

    public static TreeHeadKey? FromFileIfPresent(string path) => File.Exists(path) ? FromFile(path) : null;

    public void Save(string path) => SecretFiles.Replace(path, Hex + "\n", SecretFiles.Public);

    /// <summary>True when `signature` is the notary's countersignature of `body`.</summary>
    public bool VerifyCountersignature(string body, string signature) =>
        Ed25519Keys.VerifyHex(Hex, Encoding.UTF8.GetBytes(body), signature);

    public bool Verify(SignedTreeHead head) =>
        head.KeyId == KeyId && Ed25519Keys.VerifyHex(Hex, Encoding.UTF8.GetBytes(head.SignedBody()), head.Signature);
}
