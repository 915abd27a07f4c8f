// Debian's chromium (/usr/bin/chromium, installed by .ci/services.sh) driven by Playwright, one headless
// browser per test class. Playwright's own browser builds are never downloaded.
using Microsoft.Playwright;

namespace Successor.Dashboard.Tests.Browser;

public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";
    IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new FileNotFoundException($"{ExecutablePath} is missing; " +
                "install Debian's chromium (`apt-get install chromium`, as .ci/services.sh does)");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Args = ["--headless", "--no-sandbox", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh tab in its own context (its own sessionStorage), on the dashboard, once the first
    /// snapshot is drawn.</summary>
    public async Task<IPage> Open(Uri server, Func<IPage, Task>? before = null)
    {
        var context = await Browser.NewContextAsync(
            new() { ViewportSize = new() { Width = 1280, Height = 900 }, BaseURL = server.ToString() });
        var page = await context.NewPageAsync();
        if (before is not null) await before(page);
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-state=ready]");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}
