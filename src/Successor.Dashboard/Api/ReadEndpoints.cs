// GET endpoints: the labs in the ledger, one lab's snapshot, and the frontier-trend tracker.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Successor.Dashboard.Views;
using Successor.Ledger.Storage;
using Successor.Records;
using Successor.Safety.Gates;

namespace Successor.Dashboard.Api;

static class ReadEndpoints
{
    public static void Map(WebApplication app, DashboardOptions options)
    {
        app.MapGet("/api/labs", (HttpRequest request) => Read(request, options, ledger =>
        {
            var records = new LabRecords(ledger);
            return Results.Json(records.Labs.Select(lab =>
            {
                var generations = LabRecords.Read(records.Of(lab), GenerationRecord.Type, GenerationRecord.From)
                    .Select(g => (Number: g.Record.Generation, g.Record.Promoted)).ToList();
                var champions = generations.Where(g => g.Number == 0 || g.Promoted).Select(g => g.Number).ToList();
                return new
                {
                    name = lab,
                    generations = generations.Count(g => g.Number > 0),
                    champion_generation = champions.Count > 0 ? champions.Max() : (int?)null,
                    running = Running(options, lab),
                };
            }));
        }));

        app.MapGet("/api/labs/{lab}", (HttpRequest request, HttpResponse response, string lab) =>
            Read(request, options, ledger =>
        {
            var clock = Stopwatch.StartNew();
            var records = new LabRecords(ledger);
            if (!records.Labs.Contains(lab))
                return Auth.Error(StatusCodes.Status404NotFound, $"no lab named \"{lab}\" in {ledger.Location}");
            // A decision record that does not count (unsigned, forged, self-review) is not shown as a decision.
            var forged = new Gatekeeper(ledger).AllRejected().Select(r => r.Seq).ToHashSet();
            var elements = records.Of(lab).Where(e => !forged.Contains(e.Seq)).ToList();
            var snapshot = LabSnapshot.Build(lab, elements, Running(options, lab));
            snapshot["queue"] = QueueView.Read(Path.Combine(options.Work, lab));
            double ms = clock.Elapsed.TotalMilliseconds;
            snapshot["server_ms"] = Math.Round(ms, 3);
            string duration = ms.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["Server-Timing"] = $"snapshot;dur={duration}";
            return Results.Text(snapshot.ToJsonString(), "application/json");
        }));
    }

    /// <summary>Opens the ledger for one request, checking the read token when one is required.</summary>
    public static IResult Read(HttpRequest request, DashboardOptions options, Func<ILedger, IResult> answer)
    {
        using var ledger = LedgerStore.Open(options.Ledger);
        return Refusal(request, options, ledger) ?? answer(ledger);
    }

    /// <summary>Null when the request may read; else the 401 or 403 answer.</summary>
    public static IResult? Refusal(HttpRequest request, DashboardOptions options, ILedger ledger)
    {
        if (!options.ReadTokenRequired) return null;
        try { Auth.Require(request, ledger, Role.Viewer); return null; }
        catch (GateException e) { return Auth.Refused(e); }
    }

    public static bool Running(DashboardOptions options, string lab)
    {
        using var process = HaltSwitch.RunningProcess(Path.Combine(options.Work, lab));
        return process is not null;
    }
}
