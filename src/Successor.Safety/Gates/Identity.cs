// A named human as the ledger knows them: "user:alice", a role, and whether their token was revoked.
namespace Successor.Safety.Gates;

public sealed record Identity(string Id, Role Role, bool Revoked)
{
    public const string Prefix = "user:";

    public string Name => Id[Prefix.Length..];

    public bool May(Role needed) => !Revoked && Role >= needed;

    /// <summary>Ids the loop, researchers and policies act under. They can never approve, reject or halt,
    /// whatever token is presented: a loop that could approve its own promotion would have no gate.</summary>
    public static bool IsMachine(string id) => !id.StartsWith(Prefix, StringComparison.Ordinal);
}
