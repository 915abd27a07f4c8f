// Screenshots of the dashboard's main views over the recorded lab, kept in docs/screenshots (the README
// links them): the whole page, the key numbers with the approvals, the lineage, the charts over
// generations and the frontier trends.
using Microsoft.Playwright;
using Successor.Lab.Loop;
using Successor.Ledger.Storage;
using Successor.Safety.Gates;

namespace Successor.Dashboard.Tests.Browser;

[Collection(RecordedLabCollection.Name)]
public sealed class ScreenshotTests(RecordedLab lab, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task The_main_views_are_saved_as_screenshots()
    {
        // Whichever test ran first, the approvals view shows a request waiting for a person.
        using (var ledger = LedgerStore.Open(lab.LedgerPath))
        {
            var gates = new Gatekeeper(ledger);
            if (gates.Pending(RecordedLab.Lab).Count == 0)
                gates.Request(LabJournal.LoopAgent, $"request:{RecordedLab.Lab}/g3-promotion", "promotion",
                    RecordedLab.Lab,
                    "promote generation 3's successor: better on the sealed holdout, every gate passed");
        }
        var page = await chromium.Open(lab.StartServer());
        await page.GetByTestId("trials-g1").Locator("summary").ClickAsync();
        // The sticky header would otherwise cover the top of every view scrolled into place.
        await page.AddStyleTagAsync(new() { Content = "header.top { position: static !important; }" });
        string folder = Screenshots.Folder();

        var shots = new Dictionary<string, Func<string, Task>>
        {
            ["dashboard.png"] = path => page.ScreenshotAsync(new() { Path = path, FullPage = true }),
            ["dashboard-overview.png"] = async path => await page.ScreenshotAsync(
                new() { Path = path, FullPage = true, Clip = await Box(page, "header.top", "#approvals") }),
            ["dashboard-lineage.png"] = path => page.Locator("#lineage").ScreenshotAsync(new() { Path = path }),
            ["dashboard-generations.png"] = path => page.Locator("#generations").ScreenshotAsync(new() { Path = path }),
            ["dashboard-trends.png"] = path => page.Locator("#trends").ScreenshotAsync(new() { Path = path }),
        };
        foreach (var (name, take) in shots)
        {
            string path = Path.Combine(folder, name);
            await take(path);
            Assert.True(new FileInfo(path).Length > 10_000, $"{path} is too small to show anything");
        }
    }

    /// <summary>The page-coordinate box from the top of one element to the bottom of another.</summary>
    static async Task<Clip> Box(IPage page, string from, string to)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)"); // bounding boxes are relative to the viewport
        var top = (await page.Locator(from).BoundingBoxAsync())!;
        var bottom = (await page.Locator(to).BoundingBoxAsync())!;
        return new Clip { X = 0, Y = top.Y, Width = 1280, Height = bottom.Y + bottom.Height - top.Y + 16 };
    }
}
