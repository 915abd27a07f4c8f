// The JSON API over a real recorded lab: what it reads matches the ledger, and every change needs an
// approver's token (401 without one or with a revoked one, 403 for a viewer).
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Successor.Lab.Loop;
using Successor.Ledger.Statements;
using Successor.Ledger.Storage;
using Successor.Safety.Gates;
using Successor.Safety.Incidents;

namespace Successor.Dashboard.Tests;

[Collection(RecordedLabCollection.Name)]
public sealed class ApiTests(RecordedLab lab)
{
    readonly HttpClient http = new() { BaseAddress = lab.StartServer(), Timeout = TimeSpan.FromSeconds(60) };

    async Task<JsonNode> Get(string path) => JsonNode.Parse(await http.GetStringAsync(path))!;

    async Task<HttpResponseMessage> Post(string path, string? token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    string NewRequest(string local)
    {
        using var ledger = LedgerStore.Open(lab.LedgerPath);
        return new Gatekeeper(ledger).Request(LabJournal.LoopAgent, $"request:{RecordedLab.Lab}/{local}", "promotion",
            RecordedLab.Lab, $"a test request ({local})").Id;
    }

    [Fact]
    public async Task The_labs_list_names_the_recorded_lab_with_its_generations()
    {
        var labs = (await Get("/api/labs")).AsArray();
        var dash = Assert.Single(labs, l => (string)l!["name"]! == RecordedLab.Lab)!;
        Assert.Equal(2, (int)dash["generations"]!);
        Assert.False((bool)dash["running"]!);
        Assert.True((int)dash["champion_generation"]! >= 0);
    }

    [Fact]
    public async Task The_snapshot_lists_the_trials_a_slurm_lab_waits_for_with_their_queue_state()
    {
        string file = Path.Combine(lab.Work, RecordedLab.Lab, "queue.json");
        File.WriteAllText(file, """
            { "trials": [ { "trial": "g3-r0-p1", "job": 41, "state": "requeued", "restarts": 1, "reason": "BeginTime" },
                          { "trial": "g3-r0-p2", "job": 42, "state": "running", "restarts": 0, "reason": null } ] }
            """);
        try
        {
            var queue = (await Get($"/api/labs/{RecordedLab.Lab}"))["queue"]!.AsArray();
            Assert.Equal(["g3-r0-p1 41 requeued 1", "g3-r0-p2 42 running 0"], queue.Select(q =>
                $"{(string)q!["trial"]!} {(long)q["job"]!} {(string)q["state"]!} {(int)q["restarts"]!}"));
        }
        finally { File.Delete(file); }
        Assert.Empty((await Get($"/api/labs/{RecordedLab.Lab}"))["queue"]!.AsArray());
    }

    [Fact]
    public async Task The_snapshot_matches_the_ledger()
    {
        var snapshot = await Get($"/api/labs/{RecordedLab.Lab}");
        using var ledger = LedgerStore.Open(lab.LedgerPath);
        var statements = ledger.Read().Select(r => r.Parse().Statement).ToList();
        int trials = statements.Count(s => s.Kind == ProvKind.Activity && s.Type == "trial");
        Assert.Equal(trials, snapshot["trials"]!.AsArray().Count);
        var generations = snapshot["generations"]!.AsArray();
        Assert.Equal([0, 1, 2], generations.Select(g => (int)g!["generation"]!));
        Assert.All(generations.Skip(1), g => Assert.Contains((string)g!["outcome"]!, new[] { "promoted", "rejected" }));
        Assert.All(generations, g => Assert.NotNull(g!["holdout"]));
        Assert.Equal(3, snapshot["lineage"]!.AsArray().Count);
        Assert.Null(snapshot["lineage"]![0]!["parent"]);
        Assert.Equal("g0", (string)snapshot["lineage"]![1]!["parent"]!);
        var kpis = snapshot["kpis"]!;
        Assert.Equal(trials, (int)kpis["trials"]!);
        double utilization = (double)kpis["compute_utilization"]!;
        Assert.InRange(utilization, 0.01, 1.5);
        Assert.True((double)kpis["trials_per_day"]! > 0);
        int promotions = generations.Count(g => (string)g!["outcome"]! == "promoted");
        Assert.Equal(promotions, (int)kpis["promotions"]!);
        Assert.Equal(promotions, (int)kpis["audited_promotions"]! + kpis["audit_gaps"]!.AsArray().Count);
        Assert.Equal("on", (string)kpis["sandbox"]!); // the lab's workers ran sandboxed, as recorded
        var request = snapshot["approvals"]!.AsArray().Single(a => (string)a!["id"]! == lab.PendingRequestId)!;
        // the one budget field the recorded lab raised, and nothing else
        var change = Assert.Single(request["changes"]!.AsArray())!;
        Assert.Equal(("successor_steps", "100", "120"), ((string)change["field"]!, (string)change["from"]!,
            (string)change["to"]!));
        Assert.Equal("budget increase: successor_steps: 100 → 120", (string)request["summary"]!);
        Assert.True((double)snapshot["server_ms"]! > 0);
    }

    [Fact]
    public async Task An_unknown_lab_is_404()
    {
        var r = await http.GetAsync("/api/labs/nope");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Contains("no lab named", (string)JsonNode.Parse(await r.Content.ReadAsStringAsync())!["error"]!);
    }

    [Fact]
    public async Task A_change_without_a_valid_approver_token_is_refused()
    {
        string request = NewRequest("refusals");
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await Post($"/api/requests/{request}/approve", null, new { reason = "no token" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await Post($"/api/requests/{request}/approve", "not-a-token", new { reason = "unknown" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await Post($"/api/requests/{request}/approve", lab.RevokedToken, new { reason = "revoked" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Post($"/api/requests/{request}/approve", lab.ViewerToken, new { reason = "a viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await Post($"/api/labs/{RecordedLab.Lab}/halt", lab.RevokedToken, new { reason = "revoked" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await Post($"/api/requests/{request}/approve", lab.ApproverToken, new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(
            "/api/requests/request:dash/none/approve", lab.ApproverToken, new { reason = "x" })).StatusCode);
        using var ledger = LedgerStore.Open(lab.LedgerPath);
        Assert.Null(new Gatekeeper(ledger).DecisionOn(request));
    }

    [Fact]
    public async Task An_approver_decides_once_and_the_ledger_records_it()
    {
        string request = NewRequest("decide");
        var r = await Post($"/api/requests/{request}/reject", lab.ApproverToken, new { reason = "not this one" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("rejected", (string)JsonNode.Parse(await r.Content.ReadAsStringAsync())!["decision"]!);
        using (var ledger = LedgerStore.Open(lab.LedgerPath))
        {
            var decision = new Gatekeeper(ledger).DecisionOn(request)!;
            Assert.Equal(("user:ada", false, "not this one"), (decision.By, decision.Approved, decision.Reason));
        }
        Assert.Equal(HttpStatusCode.Conflict,
            (await Post($"/api/requests/{request}/approve", lab.ApproverToken, new { reason = "again" })).StatusCode);
        var approvals = (await Get($"/api/labs/{RecordedLab.Lab}"))["approvals"]!.AsArray();
        Assert.Equal("rejected",
            (string)approvals.Single(a => (string)a!["id"]! == request)!["decision"]!["decision"]!);
    }

    [Fact]
    public async Task Reading_can_require_a_token()
    {
        using var guarded = new HttpClient { BaseAddress = lab.StartServer(readTokenRequired: true) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await guarded.GetAsync("/api/labs")).StatusCode);
        guarded.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", lab.ViewerToken);
        Assert.Equal(HttpStatusCode.OK, (await guarded.GetAsync("/api/labs")).StatusCode);
    }

    [Fact]
    public async Task New_ledger_records_of_the_lab_arrive_as_server_sent_events()
    {
        using var stream = await http.GetStreamAsync($"/api/labs/{RecordedLab.Lab}/events");
        using var reader = new StreamReader(stream);
        Assert.Equal(": connected", await reader.ReadLineAsync());
        string id = $"incident:{RecordedLab.Lab}/sse-test-{Guid.NewGuid():N}";
        using (var ledger = LedgerStore.Open(lab.LedgerPath))
            new IncidentLog(ledger).Record("user:ada",
                new Incident(id, RecordedLab.Lab, "test", "an event for the stream", Severity.Warning));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? line;
        while ((line = await reader.ReadLineAsync(timeout.Token)) is not null
            && !line.StartsWith("data: ", StringComparison.Ordinal)) { }
        Assert.NotNull(line);
        var data = JsonNode.Parse(line!["data: ".Length..])!;
        Assert.Equal(id, (string)data["subject"]!);
        Assert.Equal("incident", (string)data["type"]!);
    }

    [Fact]
    public async Task Trends_hold_the_bundled_series_and_the_labs_own_horizons()
    {
        var series = (await Get($"/api/trends?lab={RecordedLab.Lab}"))["series"]!.AsArray();
        var metr = series.Single(x => (string)x!["id"]! == "metr-time-horizon")!;
        Assert.Equal(5, metr["points"]!.AsArray().Count);
        Assert.InRange((double)metr["fit"]!["doubling_days"]!, 132.5, 133.5);
        var snapshot = await Get($"/api/labs/{RecordedLab.Lab}");
        var champions =
            snapshot["generations"]!.AsArray().Where(g => (string)g!["outcome"]! is "first" or "promoted").ToList();
        var expected = champions.SelectMany(g => g!["horizons"]!.AsArray()).Where(h => (double?)h!["horizon"] > 0
            && h["bound"] is null)
            .GroupBy(h => (string)h!["family"]!).ToDictionary(x => $"lab-{RecordedLab.Lab}-{x.Key}", x => x.Count());
        var own = series.Where(x => ((string)x!["id"]!).StartsWith($"lab-{RecordedLab.Lab}-", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(expected, own.ToDictionary(x => (string)x!["id"]!, x => x!["points"]!.AsArray().Count));
        Assert.DoesNotContain(series, x => ((string)x!["id"]!).StartsWith("lab-", StringComparison.Ordinal)
            && !((string)x!["id"]!).StartsWith($"lab-{RecordedLab.Lab}-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_trends_file_is_one_error_line_and_exit_2()
    {
        string bad = Path.Combine(lab.Root, "bad-trends.csv");
        File.WriteAllText(bad, "id,date,value\nx,2024-01-01,1\n");
        var r = Successor.Cli.Tests.SuccessorProcess.Run("serve", "--ledger", lab.LedgerPath, "--trends", bad, "--urls",
            "http://127.0.0.1:0");
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bad-trends.csv", line);
    }
}
