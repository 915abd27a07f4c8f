// A person's Ed25519 private key. Written once, when the person is added, to a file of their own (mode
// 0600, never in the ledger); its text "sst_<base64url seed>" is also what they paste as their token, so
// the key that signs their decisions is the credential that names them.
using System.Text;
using Successor.Ledger;
using Successor.Ledger.Signing;

namespace Successor.Safety.Gates;

public sealed class PersonKey
{
    public const string Prefix = "sst_";
    public const string FileVariable = "SUCCESSOR_KEY";
    readonly byte[] seed;

    PersonKey(byte[] seed)
    {
        this.seed = seed;
        PublicKey = Digests.Hex(Ed25519Keys.PublicKeyOf(seed));
    }

    /// <summary>The public key in hex, as person records carry it.</summary>
    public string PublicKey { get; }

    /// <summary>The text of the key file, and the person's token.</summary>
    public string Secret => Prefix + Convert.ToBase64String(seed).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static PersonKey New() => new(Ed25519Keys.NewSeed());

    /// <summary>The key a token or key file's text holds, or null when it holds none.</summary>
    public static PersonKey? TryParse(string? secret)
    {
        if (secret is null || !secret.Trim().StartsWith(Prefix, StringComparison.Ordinal)) return null;
        string b64 = secret.Trim()[Prefix.Length..].Replace('-', '+').Replace('_', '/');
        b64 += new string('=', (4 - b64.Length % 4) % 4);
        try
        {
            byte[] bytes = Convert.FromBase64String(b64);
            return bytes.Length == Ed25519Keys.SeedBytes ? new PersonKey(bytes) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static PersonKey FromFile(string path)
    {
        if (!File.Exists(path))
            throw new GateException($"key file {path}: not found; `successor person add` wrote yours and printed where",
                GateRefusal.Unauthenticated);
        return TryParse(File.ReadAllText(path)) ?? throw new GateException(
            $"key file {path}: holds no person key; expected the one line `successor person add` wrote",
            GateRefusal.Unauthenticated);
    }

    /// <summary>Writes the key to a new file of mode 0600; an existing file is never overwritten.</summary>
    public void Save(string path)
    {
        if (!SecretFiles.TryCreate(path, Secret + "\n"))
            throw new GateException($"key file {path}: already exists; choose another path with --key-out",
                GateRefusal.BadInput);
    }

    public string Sign(string body) => Digests.Hex(Ed25519Keys.Sign(seed, Encoding.UTF8.GetBytes(body)));
}
