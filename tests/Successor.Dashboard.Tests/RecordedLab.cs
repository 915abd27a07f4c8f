// A lab with real recorded generations, for the dashboard's tests: the real `successor` executable runs a
// tiny two-generation lab, then is run again with a raised budget, so a budget-increase request waits for
// a person (incidents are recorded but do not pause it, so the recording does not depend on a tiny
// model's noise). Three people: an admin (who approves), a viewer, and an approver whose token was revoked.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Successor.Cli.Tests;
using Successor.Ledger.Storage;
using Successor.Safety.Gates;

namespace Successor.Dashboard.Tests;

public sealed class RecordedLab : IDisposable
{
    public const string Lab = "dash";
    readonly List<WebApplication> servers = [];

    public string Root { get; } = Directory.CreateTempSubdirectory("successor-dashboard-").FullName;
    public string LedgerPath => Path.Combine(Root, "ledger.db");
    public string Work => Path.Combine(Root, "runs");
    public string ApproverToken { get; }
    public string ViewerToken { get; }
    public string RevokedToken { get; }
    public string PendingRequestId { get; }

    public RecordedLab()
    {
        ApproverToken = Person("ada", "admin");
        ViewerToken = Person("vic", "viewer", ApproverToken);
        RevokedToken = Person("rex", "approver", ApproverToken);
        Succeed("person", "revoke", "rex", "--token", ApproverToken, "--ledger", LedgerPath);
        File.WriteAllText(Config, LabJson(successorSteps: 100));
        Succeed(Run());
        File.WriteAllText(Config, LabJson(successorSteps: 120));
        var waiting = SuccessorProcess.Run(Run());
        Assert.True(waiting.ExitCode == 4,
            $"expected the lab to wait at the budget gate (exit 4): {waiting.Stderr}{waiting.Stdout}");
        using var ledger = LedgerStore.Open(LedgerPath);
        PendingRequestId = Assert.Single(new Gatekeeper(ledger).Pending(Lab)).Id;
    }

    string Config => Path.Combine(Root, "lab.json");

    static string LabJson(int successorSteps) => $$"""
        { "name": "{{Lab}}", "generations": 2,
          "curriculum": { "train_difficulties": "1-2", "eval_difficulties": "1-3", "eval_items_per_slice": 20 },
          "budgets": { "trial_steps": 20, "initial_steps": 300, "successor_steps": {{successorSteps}} },
          "research": { "proposals": 2 },
          "self_generation": { "problems_per_difficulty": 40 },
          "promotion": { "difficulties": "1-3", "items_per_slice": 20 },
          "gates": { "incidents": false } }
        """;

    string[] Run() => ["run", "--config", Config, "--ledger", LedgerPath, "--artifacts",
        Path.Combine(Root, "artifacts"), "--work", Work, "--threads", "1"];

    /// <summary>Adds a person (the first by the bootstrap step) and returns their key file's text, which is also
    /// the token they paste into the dashboard.</summary>
    string Person(string name, string role, string? adminToken = null)
    {
        string keyFile = Path.Combine(Root, $"{name}.key");
        string[] args = adminToken is null ? ["person", "bootstrap", name, "--ledger", LedgerPath]
            : ["person", "add", name, "--role", role, "--ledger", LedgerPath, "--token", adminToken];
        Succeed([.. args, "--key-out", keyFile]);
        return File.ReadAllText(keyFile).Trim();
    }

    static ProcessResult Succeed(params string[] args)
    {
        var r = SuccessorProcess.Run(args);
        Assert.True(r.ExitCode == 0, $"successor {string.Join(' ', args)} failed: {r.Stderr}{r.Stdout}");
        return r;
    }

    /// <summary>Starts a dashboard on a free port of 127.0.0.1 and returns its address; stopped on Dispose.</summary>
    public Uri StartServer(bool readTokenRequired = false)
    {
        var app =
            DashboardServer.Build(new DashboardOptions(LedgerPath, Work, "http://127.0.0.1:0", readTokenRequired,
                WitnessState: Path.Combine(Root, "dashboard-witness.json")));
        app.Start();
        lock (servers) servers.Add(app);
        return new Uri(app.Urls.First());
    }

    public void Dispose()
    {
        foreach (var app in servers) app.StopAsync().GetAwaiter().GetResult();
        Directory.Delete(Root, recursive: true);
    }
}

/// <summary>One recorded lab shared by the API and browser tests (recording it takes a minute or two).</summary>
[CollectionDefinition(Name)]
public sealed class RecordedLabCollection : ICollectionFixture<RecordedLab>
{
    public const string Name = "recorded lab";
}
