// Live progress: server-sent events, one `record` event per new ledger record of the lab. The stream
// polls the ledger (the lab may be another process or another machine), once a second, from the last
// sequence number it sent; a reconnecting browser resumes from its Last-Event-ID.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Successor.Dashboard.Views;
using Successor.Ledger.Storage;

namespace Successor.Dashboard.Api;

static class EventStream
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public static void Map(WebApplication app, DashboardOptions options)
    {
        app.MapGet("/api/labs/{lab}/events", async (HttpRequest request, HttpResponse response, string lab,
            CancellationToken cancel) =>
        {
            long next;
            using (var ledger = LedgerStore.Open(options.Ledger))
            {
                if (ReadEndpoints.Refusal(request, options, ledger) is { } refused)
                {
                    await refused.ExecuteAsync(request.HttpContext);
                    return;
                }
                next = long.TryParse(request.Headers["Last-Event-ID"], out long last) ? last + 1 : ledger.Count();
            }
            response.Headers.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            await response.WriteAsync(": connected\n\n", cancel);
            await response.Body.FlushAsync(cancel);
            while (!cancel.IsCancellationRequested)
            {
                using (var ledger = LedgerStore.Open(options.Ledger))
                {
                    foreach (var record in ledger.Read(next))
                    {
                        var entry = record.Parse();
                        next = entry.Seq + 1;
                        if (LabRecords.Element(entry) is not { } e || e.Lab != lab) continue;
                        // The record goes to the page whole, as the ledger holds it.
                        var data = new JsonObject
                        {
                            ["seq"] = e.Seq, ["subject"] = e.Id, ["type"] = e.Type,
                            ["attributes"] = e.Attributes.DeepClone(),
                        };
                        await response.WriteAsync($"id: {e.Seq}\nevent: record\ndata: {data.ToJsonString()}\n\n",
                            cancel);
                    }
                }
                await response.Body.FlushAsync(cancel);
                try { await Task.Delay(Poll, cancel); } catch (OperationCanceledException) { break; }
            }
        });
    }
}
