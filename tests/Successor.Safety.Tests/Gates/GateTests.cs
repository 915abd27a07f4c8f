using Successor.Safety.Gates;
using Successor.Safety.Incidents;

namespace Successor.Safety.Tests.Gates;

public sealed class GateTests : IDisposable
{
    readonly TempLedger temp = new();
    readonly PersonRegistry people;
    readonly Gatekeeper gates;

    public GateTests()
    {
        people = new PersonRegistry(temp.Ledger);
        gates = new Gatekeeper(temp.Ledger);
    }

    public void Dispose() => temp.Dispose();

    (string Admin, string Approver, string Viewer) Team()
    {
        string admin = people.Bootstrap("ada").Key.Secret;
        string approver = people.Add("bo", Role.Approver, admin).Key.Secret;
        string viewer = people.Add("cy", Role.Viewer, admin).Key.Secret;
        return (admin, approver, viewer);
    }

    GateRequest Promotion() =>
        gates.Request("agent:loop", "request:lab/g1-promotion", "promotion", "lab", "promote g1");

    [Fact]
    public void The_first_admin_bootstraps_once_and_later_people_need_an_admins_key()
    {
        Assert.Throws<GateException>(() => people.Add("bo", Role.Approver, null));
        string admin = people.Bootstrap("ada").Key.Secret;
        Assert.Throws<GateException>(() => people.Bootstrap("eve"));
        Assert.Throws<GateException>(() => people.Add("bo", Role.Approver, null));
        string approver = people.Add("bo", Role.Approver, admin).Key.Secret;
        Assert.Throws<GateException>(() => people.Add("cy", Role.Viewer, approver));
        Assert.Equal(["user:ada", "user:bo"], people.All().Keys.Order());
    }

    [Fact]
    public void Only_public_keys_are_stored_and_a_private_key_authenticates_its_holder()
    {
        var (_, approver, _) = Team();
        Assert.Equal("user:bo", people.Authenticate(approver, Role.Approver).Id);
        string everything = string.Join("\n", temp.Ledger.Read().Select(r => r.Entry));
        Assert.DoesNotContain(approver[PersonKey.Prefix.Length..], everything);
        Assert.Contains(PersonKey.TryParse(approver)!.PublicKey, everything);
    }

    [Theory]
    [InlineData("loop")]
    [InlineData("researcher")]
    [InlineData("Ada Lovelace")]
    public void Machine_and_malformed_names_cannot_be_people(string name) =>
        Assert.Throws<GateException>(() => people.Bootstrap(name));

    [Fact]
    public void An_approver_decides_and_the_lag_is_recorded()
    {
        var (_, approver, _) = Team();
        var request = Promotion();
        Assert.Single(gates.Pending("lab"));
        var decision = gates.Decide(request.Id, people.Authenticate(approver, Role.Approver), approve: true,
            "holdout gain is real");
        Assert.True(decision.Approved);
        Assert.Equal("user:bo", decision.By);
        Assert.True(decision.LagSeconds >= 0);
        Assert.Empty(gates.Pending("lab"));
        Assert.Equal(decision, gates.DecisionOn(request.Id));
        Assert.Throws<GateException>(() =>
            gates.Decide(request.Id, people.Authenticate(approver, Role.Approver), approve: false, "again"));
    }

    [Fact]
    public void The_loop_identity_cannot_approve_its_own_promotion_and_the_attempt_is_an_incident()
    {
        Team();
        var request = Promotion();
        foreach (var machine in new[] { "agent:loop", "researcher:tpe", "agent:promotion-policy" })
        {
            var e = Assert.Throws<GateException>(() =>
                gates.Decide(request.Id, new Identity(machine, Role.Admin, false), approve: true, "looks good to me"));
            Assert.Contains("machine identity", e.Message);
        }
        Assert.Null(gates.DecisionOn(request.Id));
        Assert.Equal(3, new IncidentLog(temp.Ledger).All("lab").Count(i => i.Kind == "self-approval"));
    }

    [Fact]
    public void A_viewer_an_unknown_token_and_a_revoked_token_are_refused()
    {
        var (admin, approver, viewer) = Team();
        Promotion();
        Assert.Throws<GateException>(() => people.Authenticate(viewer, Role.Approver));
        Assert.Throws<GateException>(() => people.Authenticate("sst_not-a-token", Role.Viewer));
        Assert.Throws<GateException>(() => people.Authenticate(null, Role.Viewer));
        people.Revoke("bo", admin);
        var e = Assert.Throws<GateException>(() => people.Authenticate(approver, Role.Approver));
        Assert.Contains("revoked", e.Message);
        string fresh = people.Add("bo", Role.Approver, admin).Key.Secret;
        Assert.Equal("user:bo", people.Authenticate(fresh, Role.Approver).Id);
        Assert.Throws<GateException>(() => people.Authenticate(approver, Role.Approver));
    }

    [Fact]
    public void A_decision_needs_a_reason_and_an_existing_request()
    {
        var (_, approver, _) = Team();
        var bo = people.Authenticate(approver, Role.Approver);
        Assert.Throws<GateException>(() => gates.Decide("request:lab/nothing", bo, true, "why not"));
        var request = Promotion();
        Assert.Throws<GateException>(() => gates.Decide(request.Id, bo, true, " "));
        Assert.False(gates.Decide(request.Id, bo, false, "the data mix changed too much").Approved);
    }
}
