// A gate decision appended to the ledger without a valid signature is not shown as a decision: the request
// stays pending on the page, as it does for the loop.
using System.Net.Http.Json;
using System.Text.Json;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;
using Successor.Records;
using Successor.Safety.Gates;

namespace Successor.Dashboard.Tests;

public sealed class ForgedDecisionViewTests : IAsyncDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("successor-forged-view-").FullName;
    Microsoft.AspNetCore.Builder.WebApplication? app;

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.StopAsync();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task A_forged_decision_leaves_the_request_pending_on_the_page()
    {
        string db = Path.Combine(root, "ledger.db");
        using (var ledger = SqliteLedger.Open(db))
        {
            ledger.Append("agent:loop", ProvStatement.Entity("lab-config:lab/current", LabConfigRecord.Type,
                new LabConfigRecord("00", "tpe", "{}", 2, 1) { Lab = "lab" }.ToAttributes()));
            string admin = new PersonRegistry(ledger).Bootstrap("ada").Key.Secret;
            new PersonRegistry(ledger).Add("bo", Role.Approver, admin);
            var request = new Gatekeeper(ledger).Request("agent:loop", "request:lab/g1-promotion", "promotion", "lab",
                "promote g1");
            ledger.Append("user:bo", ProvStatement.Activity("decision:lab/g1-promotion", DecisionRecord.Type,
                new DecisionRecord(request.Id, "promotion", true, "user:bo", "forged", 1) { Lab = "lab" }
                    .ToAttributes()));
        }
        app = DashboardServer.Build(new DashboardOptions(db, Path.Combine(root, "runs"), "http://127.0.0.1:0",
            WitnessState: Path.Combine(root, "dashboard-witness.json")));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var snapshot = await client.GetFromJsonAsync<JsonElement>("/api/labs/lab");
        var approval = Assert.Single(snapshot.GetProperty("approvals").EnumerateArray());
        Assert.Equal("request:lab/g1-promotion", approval.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, approval.GetProperty("decision").ValueKind);
    }
}
