// The people who may look at and decide for a lab, recorded in the ledger itself so that who could approve
// is as tamper-evident as what was approved. Each person has an Ed25519 key pair: the ledger keeps the
// public key, the private key goes only to a file of theirs. The first admin comes from the recorded
// bootstrap step, countersigned by the judge side and allowed only on a ledger with no person; everyone
// after is added by an admin's signature.
using System.Text.RegularExpressions;
using Successor.Ledger.Signing;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Safety.Gates;

public sealed partial class PersonRegistry(ILedger ledger)
{
    static readonly string[] Reserved =
        ["loop", "researcher", "agent", "system", "policy", "promotion-policy", "anonymous"];

    /// <summary>The first admin, self-signed and countersigned with the notary's key from `judgeFolder` (default
    /// the one beside the ledger): whoever bootstraps has the judge side's access. Refused on a ledger that holds
    /// any person record. `key` is theirs when the caller made (and saved) it first; else a new one.</summary>
    public (Identity Person, PersonKey Key) Bootstrap(string name, PersonKey? key = null, string? judgeFolder = null)
    {
        CheckName(name);
        if (Roster.Of(ledger).Current.Count > 0)
            throw new GateException("bootstrap: this ledger already has people; an admin adds more with "
                + "`successor person add NAME --token …`");
        key ??= PersonKey.New();
        string id = Identity.Prefix + name;
        var judge = new Notary(judgeFolder ?? JudgeFolder.For(ledger.Location)).Key([]);
        var record = new PersonRecord(Roles.Name(Role.Admin), key.PublicKey, id) { Bootstrap = true };
        var signed = RecordSignature.Signed(key, id, PersonRecord.Type, record.ToAttributes());
        ledger.Append(id, ProvStatement.Agent(id, PersonRecord.Type,
            RecordSignature.Countersigned(judge, id, PersonRecord.Type, signed)));
        return (new Identity(id, Role.Admin, false) { PublicKey = key.PublicKey }, key);
    }

    /// <summary>Adds a person with a key pair (`key`, or a new one), signed by the admin whose token (key) is
    /// given.</summary>
    public (Identity Person, PersonKey Key) Add(string name, Role role, string? adminToken, PersonKey? key = null)
    {
        CheckName(name);
        var roster = Roster.Of(ledger);
        if (!roster.Current.Values.Any(p => p.May(Role.Admin)))
            throw new GateException(
                $"person \"{name}\": this ledger has no admin yet; create the first with `successor person bootstrap`");
        var admin = Authenticate(adminToken, Role.Admin);
        string id = Identity.Prefix + name;
        if (roster.Current.TryGetValue(id, out var existing) && !existing.Revoked)
            throw new GateException($"person \"{name}\" already exists; revoke their key first to issue a new one");
        key ??= PersonKey.New();
        var record = new PersonRecord(Roles.Name(role), key.PublicKey, admin.Id);
        ledger.Append(admin.Id, ProvStatement.Agent(id, PersonRecord.Type,
            RecordSignature.Signed(admin.Key!, id, PersonRecord.Type, record.ToAttributes())));
        return (new Identity(id, role, false) { PublicKey = key.PublicKey }, key);
    }

    public Identity Revoke(string name, string? adminToken)
    {
        var admin = Authenticate(adminToken, Role.Admin);
        if (!All().TryGetValue(Identity.Prefix + name, out var person) || person.Revoked)
            throw new GateException($"person \"{name}\" has no valid key to revoke");
        string id = $"revocation:{person.Id}:{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        var record = new RevocationRecord(person.Id, admin.Id);
        ledger.Append(admin.Id, ProvStatement.Entity(id, RevocationRecord.Type,
            RecordSignature.Signed(admin.Key!, id, RevocationRecord.Type, record.ToAttributes())));
        return person with { Revoked = true };
    }

    /// <summary>The person whose private key `token` is (their key file's text), with at least the `needed`
    /// role; the identity carries the key, to sign with.</summary>
    const string UnknownToken = "the token (--key FILE, --token or SUCCESSOR_TOKEN) is not known to this ledger; " +
        "give the key `successor person add` wrote for you";

    public Identity Authenticate(string? token, Role needed)
    {
        if (string.IsNullOrEmpty(token))
            throw new GateException(
                $"no token given; an {Roles.Name(needed)}'s key is needed (--key FILE, --token or SUCCESSOR_TOKEN)",
                GateRefusal.Unauthenticated);
        var key = PersonKey.TryParse(token)
            ?? throw new GateException(UnknownToken, GateRefusal.Unauthenticated);
        var person = All().Values.FirstOrDefault(p => p.PublicKey == key.PublicKey)
            ?? throw new GateException(UnknownToken, GateRefusal.Unauthenticated);
        if (person.Revoked)
            throw new GateException($"the key of {person.Id} was revoked", GateRefusal.Unauthenticated);
        if (!person.May(needed))
            throw new GateException($"{person.Id} is a {Roles.Name(person.Role)}; this needs an {Roles.Name(needed)}");
        return person with { Key = key };
    }

    /// <summary>Everyone validly added, by id, with their current role and revocation state.</summary>
    public IReadOnlyDictionary<string, Identity> All() => Roster.Of(ledger).Current;

    static void CheckName(string name)
    {
        if (!NamePattern().IsMatch(name))
            throw new GateException($"person \"{name}\": use 1–40 of a–z, 0–9, '.', '_' or '-'");
        if (Reserved.Contains(name))
            throw new GateException($"person \"{name}\": the name is reserved for a machine identity");
    }

    [GeneratedRegex("^[a-z0-9._-]{1,40}$")]
    private static partial Regex NamePattern();
}
