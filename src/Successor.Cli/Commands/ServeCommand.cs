// `successor serve`: the lab's dashboard and JSON API (docs/DASHBOARD.md), on 127.0.0.1:5117 by default.
// It runs until Ctrl+C. A ledger that does not exist is bad input (exit 2), not a new empty ledger.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Successor.Cli.Commands.Lab;
using Successor.Cli.Commands.Ledger;
using Successor.Dashboard;

namespace Successor.Cli.Commands;

public static class ServeCommand
{
    public static Command Create()
    {
        var (ledger, work) = (LedgerCli.LedgerOption(), LabCli.WorkOption());
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (only this machine by default)",
            DefaultValueFactory = _ => "http://127.0.0.1:5117",
        };
        var readToken = new Option<bool>("--read-token-required")
            { Description = "Reading needs a viewer's token too (changes always need an approver's)" };
        var trends = new Option<string?>("--trends")
        {
            Description = "A CSV file of your own trend series, shown beside the bundled ones (format: docs/TRENDS.md)",
        };
        var witnessState = new Option<string?>("--witness-state")
            { Description = "The dashboard's own witness state: the signed tree heads it has shown" };
        return CliCommand.Create("serve",
            "Serve the lab's dashboard and JSON API: lineage, KPIs, approvals, trends",
            [ledger, work, urls, readToken, trends, witnessState], r =>
        {
            string location = r.GetValue(ledger)!;
            LedgerCli.Open(location).Dispose();
            var options = new DashboardOptions(
                location, r.GetValue(work)!, r.GetValue(urls)!, r.GetValue(readToken), r.GetValue(trends),
                r.GetValue(witnessState));
            var app = DashboardServer.Build(options);
            try { app.Start(); }
            catch (IOException e)
            {
                throw new UsageException(
                    $"cannot listen on {options.Urls}: {e.Message} (another server there? pass --urls)");
            }
            Console.WriteLine($"serving the dashboard of {location} on {string.Join(", ", app.Urls)}; Ctrl+C stops");
            app.WaitForShutdown();
            return ExitCodes.Success;
        });
    }
}
