// The people who may look at and decide for a lab, recorded in the ledger itself so that who could
// approve is as tamper-evident as what was approved. A token is shown once when a person is added and
// only its SHA-256 is stored. The first person added must be an admin (there is no one yet to vouch for
// them); after that only an admin adds or revokes.
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Safety.Gates;

public sealed partial class PersonRegistry(ILedger ledger)
{
    static readonly string[] Reserved =
        ["loop", "researcher", "agent", "system", "policy", "promotion-policy", "anonymous"];

    /// <summary>Adds a person and returns their token (the only time it is shown).</summary>
    public (Identity Person, string Token) Add(string name, Role role, string? adminToken)
    {
        if (!NamePattern().IsMatch(name))
            throw new GateException($"person \"{name}\": use 1–40 of a–z, 0–9, '.', '_' or '-'");
        if (Reserved.Contains(name))
            throw new GateException($"person \"{name}\": the name is reserved for a machine identity");
        var people = All();
        string actor;
        if (people.Values.Any(p => p.May(Role.Admin))) actor = Authenticate(adminToken, Role.Admin).Id;
        else if (role != Role.Admin)
            throw new GateException($"person \"{name}\": the first person added must be an admin (--role admin)");
        else actor = Identity.Prefix + name;
        if (people.TryGetValue(Identity.Prefix + name, out var existing) && !existing.Revoked)
            throw new GateException($"person \"{name}\" already exists; revoke their token first to issue a new one");
        string token = "sst_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var person = new Identity(Identity.Prefix + name, role, false);
        ledger.Append(actor, ProvStatement.Agent(person.Id, PersonRecord.Type,
            new PersonRecord(Roles.Name(role), Hash(token), actor).ToAttributes()));
        return (person, token);
    }

    public Identity Revoke(string name, string? adminToken)
    {
        var admin = Authenticate(adminToken, Role.Admin);
        if (!All().TryGetValue(Identity.Prefix + name, out var person) || person.Revoked)
            throw new GateException($"person \"{name}\" has no valid token to revoke");
        string id = $"revocation:{person.Id}:{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        ledger.Append(admin.Id, ProvStatement.Entity(id, RevocationRecord.Type,
            new RevocationRecord(person.Id, admin.Id).ToAttributes()));
        return person with { Revoked = true };
    }

    /// <summary>The person holding `token`, who must have at least the `needed` role.</summary>
    public Identity Authenticate(string? token, Role needed)
    {
        if (string.IsNullOrEmpty(token))
            throw new GateException(
                $"no token given; an {Roles.Name(needed)} token is needed (--token or SUCCESSOR_TOKEN)",
                GateRefusal.Unauthenticated);
        string hash = Hash(token);
        var (person, current, _) = Holders().LastOrDefault(h => h.Hash == hash);
        if (person is null)
            throw new GateException("the token is not known to this ledger", GateRefusal.Unauthenticated);
        if (person.Revoked || !current)
            throw new GateException($"the token of {person.Id} was revoked", GateRefusal.Unauthenticated);
        if (!person.May(needed))
            throw new GateException($"{person.Id} is a {Roles.Name(person.Role)}; this needs an {Roles.Name(needed)}");
        return person;
    }

    /// <summary>Everyone ever added, by id, with their current role and revocation state.</summary>
    public IReadOnlyDictionary<string, Identity> All() =>
        Holders().Where(h => h.Current).GroupBy(h => h.Person.Id).ToDictionary(g => g.Key, g => g.Last().Person);

    /// <summary>Every token ever issued in ledger order; Current is false for one superseded by a later
    /// token.</summary>
    List<(Identity Person, bool Current, string Hash)> Holders()
    {
        var issued = new List<(Identity Person, string Hash)>();
        foreach (var record in ledger.Read())
        {
            var s = record.Parse().Statement;
            if (s.Attributes is not { } a) continue;
            if (s.Kind == ProvKind.Agent && s.Type == PersonRecord.Type)
            {
                var added = PersonRecord.From(a);
                issued.Add((new Identity(s.Subject, Roles.Parse(added.Role), false), added.TokenSha256));
            }
            else if (s.Kind == ProvKind.Entity && s.Type == RevocationRecord.Type)
            {
                string revoked = RevocationRecord.From(a).Person;
                for (int i = 0; i < issued.Count; i++)
                    if (issued[i].Person.Id == revoked)
                        issued[i] = (issued[i].Person with { Revoked = true }, issued[i].Hash);
            }
        }
        return [.. issued.Select((h, i) =>
            (h.Person, issued.FindLastIndex(x => x.Person.Id == h.Person.Id) == i, h.Hash))];
    }

    static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    [GeneratedRegex("^[a-z0-9._-]{1,40}$")]
    private static partial Regex NamePattern();
}
