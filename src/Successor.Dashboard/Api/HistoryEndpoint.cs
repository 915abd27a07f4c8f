// GET /api/history: the dashboard as a witness. It remembers the signed tree heads it has shown (in its
// own state file) and checks, each time it is asked, that the ledger's latest signed head extends them and
// that the notary's public key is the one it pinned. The page shows the answer as a badge, and a rewritten
// history as a loud banner naming the first inconsistent tree head.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Successor.Ledger;
using Successor.Ledger.Signing;
using Successor.Ledger.Verification;

namespace Successor.Dashboard.Api;

static class HistoryEndpoint
{
    static readonly Lock Gate = new();

    public static void Map(WebApplication app, DashboardOptions options) =>
        app.MapGet("/api/history", (HttpRequest request) => ReadEndpoints.Read(request, options, ledger =>
        {
            string keyFile = JudgeFolder.PublicKeyOf(options.Ledger);
            string statePath = options.WitnessState ?? WitnessState.DefaultPath(options.Ledger) + ".dashboard";
            lock (Gate)
            {
                try
                {
                    var key = TreeHeadKey.FromFileIfPresent(keyFile);
                    if (key is null)
                        return Results.Json(new { status = "unsigned", problem = $"no public key at {keyFile}" });
                    var report = Witness.Check(ledger, key, keyFile, WitnessState.Load(statePath));
                    report.Next?.Save(statePath);
                    return Results.Json(new
                    {
                        status = report.Ok ? "consistent" : report.Latest is null && report.Problems.Count == 1
                            ? "unsigned" : "inconsistent",
                        tree_head_size = report.Latest?.Size,
                        records = ledger.Count(),
                        first_inconsistent = report.FirstInconsistent is { } f ? new { size = f.Size, root = f.Root }
                            : null,
                        problem = report.Problems.FirstOrDefault(),
                        problems = report.Problems,
                    });
                }
                catch (LedgerException e)
                {
                    return Results.Json(
                        new { status = "inconsistent", problem = e.Message, problems = new[] { e.Message } });
                }
            }
        }));
}
