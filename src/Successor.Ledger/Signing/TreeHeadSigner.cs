// The notary's private key: signs tree heads with Ed25519, and countersigns the one record that no
// person can vouch for, the first admin's bootstrap. It lives only in the judge's folder (JudgeFolder),
// which the lab and its workers never open; everyone else checks with the public key (TreeHeadKey).
using System.Globalization;
using System.Text;

namespace Successor.Ledger.Signing;

public sealed class TreeHeadSigner
{
    private readonly byte[] _seed;

    public TreeHeadSigner(byte[] seed)
    {
        PublicKey = new TreeHeadKey(Ed25519Keys.PublicKeyOf(seed));
        _seed = (byte[])seed.Clone();
    }

    public TreeHeadKey PublicKey { get; }

    public string KeyId => PublicKey.KeyId;

    /// <summary>Reads a key file of hex digits, creating one with a fresh key (mode 0600) if absent.</summary>
    public static TreeHeadSigner FromKeyFile(string path, bool create)
    {
        if (!File.Exists(path))
        {
            if (!create)
                throw new LedgerException(
                    $"notary key {path}: file not found; `successor notary sign` creates it on first signing");
            SecretFiles.TryCreate(path, Digests.Hex(Ed25519Keys.NewSeed()) + "\n");
        }
        return new TreeHeadSigner(Digests.FromHex(File.ReadAllText(path).Trim(), $"notary key {path}"));
    }

    /// <summary>Signs the judge side's consent to `body` (the first admin's bootstrap record), in hex.</summary>
    public string Countersign(string body) => Digests.Hex(Ed25519Keys.Sign(_seed, Encoding.UTF8.GetBytes(body)));

    public SignedTreeHead Sign(long size, byte[] root, DateTimeOffset time)
    {
        var unsigned = new SignedTreeHead(size, Digests.Hex(root),
            time.UtcDateTime.ToString(Records.LedgerEntry.TimeFormat, CultureInfo.InvariantCulture), KeyId, "");
        return unsigned with
        {
            Signature = Digests.Hex(Ed25519Keys.Sign(_seed, Encoding.UTF8.GetBytes(unsigned.SignedBody()))),
        };
    }
}
