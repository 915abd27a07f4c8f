// Red team against people and decisions: a second connection to the lab's real ledger file, with the lab's
// rights, appends what it likes. A forged or unsigned gate decision, a person added without an admin's
// signature, a late bootstrap, a replayed signature, self-review and a forged revocation all change nothing:
// no gate opens, no one becomes a person, and the lab records each forged decision as an incident naming it.
using System.Text.Json.Nodes;
using Successor.Records;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;
using Successor.Safety.Gates;
using Successor.Safety.Incidents;

namespace Successor.Safety.Tests.Gates;

public sealed class PeopleRedTeamTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("successor-people-").FullName;
    readonly ILedger lab;
    readonly ILedger attacker;
    readonly string admin, approver;

    public PeopleRedTeamTests()
    {
        lab = LedgerStore.Open(Path.Combine(folder, "ledger.db"));
        attacker = LedgerStore.Open(Path.Combine(folder, "ledger.db"));
        var people = new PersonRegistry(lab);
        admin = people.Bootstrap("ada").Key.Secret;
        approver = people.Add("bo", Role.Approver, admin).Key.Secret;
    }

    public void Dispose()
    {
        lab.Dispose();
        attacker.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    Approvals Approvals => new(lab, "lab", "agent:loop", _ => { });

    string PromotionRequest()
    {
        var e = Assert.Throws<AwaitingDecisionException>(() =>
            Approvals.Await(new PromotionGate(true), new PromotionCandidate(1, "better")));
        return e.RequestId;
    }

    static JsonObject DecisionAttributes(string request, string by) =>
        new DecisionRecord(request, "promotion", true, by, "looks fine", 1) { Lab = "lab" }.ToAttributes();

    static string DecisionId(string request) => "decision:" + request["request:".Length..];

    long Forge(string id, string type, JsonObject attributes, ProvKind kind = ProvKind.Activity) =>
        attacker.Append("user:bo", new ProvStatement(kind, id, null, type, attributes)).Seq;

    [Fact]
    public void An_appended_unsigned_gate_decision_opens_no_gate_and_is_recorded_as_an_incident_naming_it()
    {
        string request = PromotionRequest();
        long seq = Forge(DecisionId(request), DecisionRecord.Type, DecisionAttributes(request, "user:bo"));

        Assert.Null(new Gatekeeper(lab).DecisionOn(request));
        Assert.Throws<AwaitingDecisionException>(() =>
            Approvals.Await(new PromotionGate(true), new PromotionCandidate(1, "better")));
        var incident = Assert.Single(new IncidentLog(lab).All("lab"), i => i.Kind == "forged-decision");
        Assert.Contains($"record {seq}", incident.Detail);
        Assert.Equal(Severity.Critical, incident.Severity);
        Assert.Contains(new Gatekeeper(lab).AllRejected(), r => r.Seq == seq);
    }

    [Fact]
    public void A_decision_signed_with_a_key_of_the_attackers_own_does_not_count()
    {
        string request = PromotionRequest();
        var forged = PersonKey.New();
        long seq = Forge(DecisionId(request), DecisionRecord.Type, RecordSignature.Signed(forged, DecisionId(request),
            DecisionRecord.Type, DecisionAttributes(request, "user:bo")));
        Assert.Null(new Gatekeeper(lab).DecisionOn(request));
        Assert.Contains("does not check with user:bo's registered key",
            Assert.Single(new Gatekeeper(lab).Rejected(request)).Why);
        Assert.Equal(seq, new Gatekeeper(lab).Rejected(request)[0].Seq);
    }

    [Fact]
    public void A_person_appended_without_an_admins_signature_is_no_person_and_cannot_decide()
    {
        var mallory = PersonKey.New();
        var record = new PersonRecord("admin", mallory.PublicKey, "user:ada");
        long seq = Forge("user:mallory", PersonRecord.Type,
            RecordSignature.Signed(mallory, "user:mallory", PersonRecord.Type, record.ToAttributes()), ProvKind.Agent);
        var late = new PersonRecord("admin", mallory.PublicKey, "user:eve") { Bootstrap = true };
        long bootstrap = Forge("user:eve", PersonRecord.Type,
            RecordSignature.Signed(mallory, "user:eve", PersonRecord.Type, late.ToAttributes()), ProvKind.Agent);

        var people = new PersonRegistry(lab);
        Assert.Equal(["user:ada", "user:bo"], people.All().Keys.Order());
        Assert.Throws<GateException>(() => people.Authenticate(mallory.Secret, Role.Viewer));
        var rejected = Roster.Of(lab).Rejected;
        Assert.Contains(rejected, r => r.Seq == seq && r.Why.Contains("does not check with user:ada's registered key"));
        Assert.Contains(rejected, r => r.Seq == bootstrap && r.Why.Contains("already had people"));

        string request = PromotionRequest();
        Forge(DecisionId(request), DecisionRecord.Type, RecordSignature.Signed(mallory, DecisionId(request),
            DecisionRecord.Type, DecisionAttributes(request, "user:mallory")));
        Assert.Null(new Gatekeeper(lab).DecisionOn(request));
        Assert.Contains("not a registered person", Assert.Single(new Gatekeeper(lab).Rejected(request)).Why);
    }

    [Fact]
    public void The_loop_cannot_make_itself_a_person_or_sign_a_decision_as_itself()
    {
        var loopKey = PersonKey.New();
        var record = new PersonRecord("admin", loopKey.PublicKey, "agent:loop") { Bootstrap = true };
        long seq = Forge("agent:loop", PersonRecord.Type,
            RecordSignature.Signed(loopKey, "agent:loop", PersonRecord.Type, record.ToAttributes()), ProvKind.Agent);
        Assert.Contains(Roster.Of(lab).Rejected, r => r.Seq == seq && r.Why.Contains("machine identity"));
        string request = PromotionRequest();
        Forge(DecisionId(request), DecisionRecord.Type, RecordSignature.Signed(loopKey, DecisionId(request),
            DecisionRecord.Type, DecisionAttributes(request, "agent:loop")));
        Assert.Null(new Gatekeeper(lab).DecisionOn(request));
        Assert.Contains("machine identity", Assert.Single(new Gatekeeper(lab).Rejected(request)).Why);
    }

    [Fact]
    public void A_bootstrap_appended_without_the_judge_sides_countersignature_makes_no_one_admin()
    {
        using var empty = new TempLedger();
        var eve = PersonKey.New();
        var record = new PersonRecord("admin", eve.PublicKey, "user:eve") { Bootstrap = true };
        long seq = empty.Ledger.Append("user:eve", ProvStatement.Agent("user:eve", PersonRecord.Type,
            RecordSignature.Signed(eve, "user:eve", PersonRecord.Type, record.ToAttributes()))).Seq;

        var people = new PersonRegistry(empty.Ledger);
        Assert.Empty(people.All());
        Assert.Contains(Roster.Of(empty.Ledger).Rejected,
            r => r.Seq == seq && r.Why.Contains("not countersigned by the judge side"));
        Assert.Throws<GateException>(() => people.Authenticate(eve.Secret, Role.Viewer));
        // The stranger's record does not block the people's own bootstrap.
        Assert.Equal("user:ada", people.Bootstrap("ada").Person.Id);
        Assert.Equal(["user:ada"], people.All().Keys);
    }

    [Fact]
    public void A_genuine_signature_replayed_onto_another_request_does_not_count()
    {
        var gates = new Gatekeeper(lab);
        string first = PromotionRequest();
        gates.Decide(first, new PersonRegistry(lab).Authenticate(approver, Role.Approver), true, "real gain");
        var second = gates.Request("agent:loop", "request:lab/g2-promotion", "promotion", "lab", "promote g2");
        var signed = lab.FindById(DecisionId(first)).Select(r => r.Parse().Statement)
            .First(s => s.Type == DecisionRecord.Type).Attributes!;
        var replayed = (JsonObject)signed.DeepClone();
        replayed["request"] = second.Id;
        Forge(DecisionId(second.Id), DecisionRecord.Type, replayed);
        Assert.NotNull(gates.DecisionOn(first));
        Assert.Null(gates.DecisionOn(second.Id));
    }

    [Fact]
    public void A_person_may_not_decide_a_request_they_made()
    {
        var gates = new Gatekeeper(lab);
        var bo = new PersonRegistry(lab).Authenticate(approver, Role.Approver);
        var own = gates.Request(bo.Id, "request:lab/budget-change-1", "budget-increase", "lab", "raise the budget");
        var e = Assert.Throws<GateException>(() => gates.Decide(own.Id, bo, true, "I want more"));
        Assert.Contains("no self-review", e.Message);
        Forge(DecisionId(own.Id), DecisionRecord.Type, RecordSignature.Signed(bo.Key!, DecisionId(own.Id),
            DecisionRecord.Type, DecisionAttributes(own.Id, bo.Id)));
        Assert.Null(gates.DecisionOn(own.Id));
        var ada = new PersonRegistry(lab).Authenticate(admin, Role.Approver);
        Assert.True(gates.Decide(own.Id, ada, true, "within the machine").Approved);
    }

    [Fact]
    public void A_forged_revocation_revokes_no_one_and_a_revoked_approvers_later_decisions_do_not_count()
    {
        Forge("revocation:user:ada:1", RevocationRecord.Type, new RevocationRecord("user:ada", "user:bo")
            .ToAttributes(), ProvKind.Entity);
        Assert.False(new PersonRegistry(lab).All()["user:ada"].Revoked);

        var bo = new PersonRegistry(lab).Authenticate(approver, Role.Approver);
        new PersonRegistry(lab).Revoke("bo", admin);
        string request = PromotionRequest();
        Forge(DecisionId(request), DecisionRecord.Type, RecordSignature.Signed(bo.Key!, DecisionId(request),
            DecisionRecord.Type, DecisionAttributes(request, bo.Id)));
        Assert.Null(new Gatekeeper(lab).DecisionOn(request));
        Assert.Contains("revoked", Assert.Single(new Gatekeeper(lab).Rejected(request)).Why);
    }

    [Fact]
    public void A_decision_made_through_the_gatekeeper_is_signed_and_counts()
    {
        string request = PromotionRequest();
        var bo = new PersonRegistry(lab).Authenticate(approver, Role.Approver);
        var decision = new Gatekeeper(lab).Decide(request, bo, true, "holdout gain is real");
        Assert.Equal(decision, new Gatekeeper(lab).DecisionOn(request));
        Assert.Equal(decision, Approvals.Await(new PromotionGate(true), new PromotionCandidate(1, "better")));
        Assert.Empty(new Gatekeeper(lab).AllRejected());
        Assert.Empty(Roster.Of(lab).Rejected);
    }
}
