// Who could sign what, and when: the people of a ledger replayed in ledger order. A person record counts
// only when signed by an admin registered before it — or, for the bootstrap admin, by their own key and
// countersigned by the judge side (the notary's key) on a ledger with no (valid) person yet; a revocation only
// when signed by an admin. Anything else is kept, with why,
// for verify and incidents, and changes nothing: appending to the ledger does not make anyone a person.
using Successor.Ledger;
using Successor.Ledger.Signing;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Safety.Gates;

public sealed class Roster
{
    readonly List<(long Seq, Identity Person)> changes = [];
    readonly List<RejectedRecord> rejected = [];
    TreeHeadKey? judge;

    /// <summary>Person and revocation records that do not count.</summary>
    public IReadOnlyList<RejectedRecord> Rejected => rejected;


    /// <param name="judge">The notary's public key, which checks the bootstrap's countersignature; default the
    /// notary.pub beside the ledger's judge folder.</param>
    public static Roster Of(ILedger ledger, TreeHeadKey? judge = null)
    {
        var roster = new Roster { judge = judge ?? PublishedJudgeKey(ledger.Location) };
        foreach (var record in ledger.Read())
        {
            var s = record.Parse().Statement;
            if (s.Attributes is not { } a) continue;
            if (s.Kind == ProvKind.Agent && s.Type == PersonRecord.Type) roster.Person(record.Seq, s.Subject, a);
            else if (s.Kind == ProvKind.Entity && s.Type == RevocationRecord.Type)
                roster.Revocation(record.Seq, s.Subject, a);
        }
        return roster;
    }

    /// <summary>Everyone validly added before record `seq`, with their role and revocation state then.</summary>
    public IReadOnlyDictionary<string, Identity> At(long seq)
    {
        var people = new Dictionary<string, Identity>(StringComparer.Ordinal);
        foreach (var (at, person) in changes)
            if (at < seq) people[person.Id] = person;
        return people;
    }

    public IReadOnlyDictionary<string, Identity> Current => At(long.MaxValue);

    void Person(long seq, string subject, System.Text.Json.Nodes.JsonObject a)
    {
        bool first = changes.Count == 0;
        PersonRecord p;
        Role role;
        try { (p, role) = (PersonRecord.From(a), Roles.Parse(PersonRecord.From(a).Role)); }
        catch (Exception e) when (e is RecordException or GateException)
        {
            rejected.Add(new(seq, subject, $"person record {subject} (record {seq}) is malformed: {e.Message}"));
            return;
        }
        string? why;
        if (Identity.IsMachine(subject))
            why = "a machine identity can never be a person";
        else if (p.Bootstrap == true)
            why = !first ? "a bootstrap record on a ledger that already had people; only the first admin bootstraps"
                : role != Role.Admin ? "the bootstrap person must be an admin"
                : p.AddedBy != subject ? $"the bootstrap record says it was added by {p.AddedBy}, not by {subject}"
                : !RecordSignature.Verify(p.PublicKey, subject, PersonRecord.Type, a)
                    ? "not signed by the bootstrap admin's own key"
                : !RecordSignature.VerifyJudge(judge, subject, PersonRecord.Type, a)
                    ? $"not countersigned by the judge side (the notary's key{(judge is null ? ", whose public key "
                        + "is missing" : $" {judge.KeyId}")})" : null;
        else
            why = Signer(seq, p.AddedBy, Role.Admin, subject, PersonRecord.Type, a);
        if (why is not null)
        {
            rejected.Add(new(seq, subject, $"person {subject} (record {seq}): {why}; it does not count"));
            return;
        }
        changes.Add((seq, new Identity(subject, role, false) { PublicKey = p.PublicKey }));
    }

    void Revocation(long seq, string subject, System.Text.Json.Nodes.JsonObject a)
    {
        RevocationRecord r;
        try { r = RevocationRecord.From(a); }
        catch (RecordException e)
        {
            rejected.Add(new(seq, subject, $"revocation {subject} (record {seq}) is malformed: {e.Message}"));
            return;
        }
        if (Signer(seq, r.RevokedBy, Role.Admin, subject, RevocationRecord.Type, a) is { } why)
        {
            rejected.Add(new(seq, subject, $"revocation of {r.Person} (record {seq}): {why}; it does not count"));
            return;
        }
        if (At(seq + 1).TryGetValue(r.Person, out var person))
            changes.Add((seq, person with { Revoked = true }));
    }

    static TreeHeadKey? PublishedJudgeKey(string ledgerLocation)
    {
        try { return TreeHeadKey.FromFileIfPresent(JudgeFolder.PublicKeyOf(ledgerLocation)); }
        catch (LedgerException) { return null; }
    }

    /// <summary>Why `by` could not have signed this record at `seq` with role `needed`, or null when they
    /// could and did.</summary>
    public string? Signer(long seq, string by, Role needed, string subject, string type,
        System.Text.Json.Nodes.JsonObject attributes)
    {
        if (!At(seq).TryGetValue(by, out var signer))
            return $"signed in the name of {by}, who was not a registered person then";
        if (!signer.May(needed))
            return $"{by} was {(signer.Revoked ? "revoked" : $"a {Roles.Name(signer.Role)}")} then; "
                + $"this needs an {Roles.Name(needed)}";
        return RecordSignature.Verify(signer.PublicKey, subject, type, attributes) ? null
            : $"its signature does not check with {by}'s registered key";
    }
}
