// A named human as the ledger knows them: "user:alice", a role, whether their key was revoked, their public
// key, and — only for the person at the keyboard, once authenticated — the private key that signs for them.
namespace Successor.Safety.Gates;

public sealed record Identity(string Id, Role Role, bool Revoked)
{
    public const string Prefix = "user:";

    public string Name => Id[Prefix.Length..];

    /// <summary>The registered Ed25519 public key, in hex.</summary>
    public string PublicKey { get; init; } = "";

    /// <summary>The private key, present only on an identity that authenticated with it.</summary>
    public PersonKey? Key { get; init; }

    public bool May(Role needed) => !Revoked && Role >= needed;

    /// <summary>Ids the loop, researchers and policies act under. They can never approve, reject or halt,
    /// whatever token is presented: a loop that could approve its own promotion would have no gate.</summary>
    public static bool IsMachine(string id) => !id.StartsWith(Prefix, StringComparison.Ordinal);
}
