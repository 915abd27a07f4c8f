// The dashboard as a witness: it remembers the signed tree head it showed, says "consistent" while the
// ledger extends it, and "inconsistent", naming the first inconsistent tree head, once the ledger is
// rewritten and re-hashed behind its back.
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Successor.Ledger.Records;
using Successor.Ledger.Signing;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;

namespace Successor.Dashboard.Tests;

public sealed class HistoryEndpointTests : IAsyncDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("successor-history-api-").FullName;
    Microsoft.AspNetCore.Builder.WebApplication? app;

    string Db => Path.Combine(root, "ledger.db");

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.StopAsync();
        Directory.Delete(root, recursive: true);
    }

    async Task<JsonElement> History(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/history"))!;

    [Fact]
    public async Task The_dashboard_warns_when_the_history_it_showed_is_rewritten()
    {
        using (var ledger = SqliteLedger.Open(Db))
        {
            for (int i = 0; i < 6; i++)
                ledger.Append("agent:loop", ProvStatement.Entity($"note:{i}", "note", new JsonObject { ["i"] = i }));
            Assert.True(new Notary(JudgeFolder.For(Db)).Sign(ledger).Ok);
        }
        app = DashboardServer.Build(new DashboardOptions(Db, Path.Combine(root, "runs"), "http://127.0.0.1:0",
            WitnessState: Path.Combine(root, "dashboard-witness.json")));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var shown = await History(client);
        Assert.Equal("consistent", shown.GetProperty("status").GetString());
        Assert.Equal(6, shown.GetProperty("tree_head_size").GetInt64());

        using (var ledger = SqliteLedger.Open(Db))
        {
            ledger.ExecuteRaw("DROP TRIGGER records_no_update");
            var records = ledger.Read().ToList();
            byte[] previous = records[0].Hash;
            for (int i = 1; i < records.Count; i++)
            {
                string entry = i == 1 ? records[i].Entry.Replace("\"i\":1", "\"i\":9", StringComparison.Ordinal)
                    : records[i].Entry;
                byte[] hash = LedgerRecord.ChainHash(previous, entry);
                ledger.ExecuteRaw("UPDATE records SET entry = @e, prev_hash = @p, hash = @h WHERE seq = @s",
                    ("e", entry), ("p", previous), ("h", hash), ("s", (long)i));
                previous = hash;
            }
        }
        var warned = await History(client);
        Assert.Equal("inconsistent", warned.GetProperty("status").GetString());
        Assert.Equal(6, warned.GetProperty("first_inconsistent").GetProperty("size").GetInt64());
    }
}
