// Approving in the browser: the lab's real pending gate request, decided by a person who pastes their token
// into the page, is recorded in the ledger; a wrong token is refused with the server's one-line error and
// decides nothing; the token lives in sessionStorage only.
using Successor.Ledger.Storage;
using Successor.Safety.Gates;
using static Microsoft.Playwright.Assertions;

namespace Successor.Dashboard.Tests.Browser;

[Collection(RecordedLabCollection.Name)]
public sealed class ApprovalInBrowserTests(RecordedLab lab, Chromium chromium) : IClassFixture<Chromium>
{
    /// <summary>The budget request names the one field it raises, with its value now and the value asked for,
    /// on its card while it waits and in the decided list after (another test may decide it first).</summary>
    [Fact]
    public async Task A_budget_request_shows_the_field_it_would_change_and_both_values()
    {
        var page = await chromium.Open(lab.StartServer());
        var card = page.Locator($"[data-testid=pending-approval][data-request=\"{lab.PendingRequestId}\"]");
        await Expect(page.Locator("[data-testid=pending-approval], [data-testid=no-pending]").First).ToBeVisibleAsync();
        if (await card.CountAsync() == 0)
        {
            await Expect(page.GetByTestId("decided-approvals")).ToContainTextAsync("successor_steps: 100 → 120");
            return;
        }
        var rows = card.Locator("[data-testid=approval-changes] tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Locator("td")).ToHaveTextAsync(["successor_steps", "100", "120"]);
    }

    [Fact]
    public async Task Approving_a_pending_request_in_the_browser_records_the_decision_in_the_ledger()
    {
        var page = await chromium.Open(lab.StartServer());
        var card = page.Locator($"[data-testid=pending-approval][data-request=\"{lab.PendingRequestId}\"]");
        const string reason = "the larger successor budget still fits the machine";
        await card.GetByTestId("approval-reason").FillAsync(reason);

        await page.FillAsync("#token", "sst_not-a-token-anyone-was-given");
        await card.GetByTestId("approve").ClickAsync();
        await Expect(page.GetByTestId("action-error")).ToContainTextAsync("401: ");
        Assert.Null(Decision());

        await page.FillAsync("#token", lab.ApproverToken);
        await card.GetByTestId("approve").ClickAsync();
        await Expect(page.GetByTestId("action-result"))
            .ToContainTextAsync($"{lab.PendingRequestId}: approved by user:ada");
        await Expect(page.GetByTestId("action-error")).ToBeHiddenAsync();
        var decision = Decision();
        Assert.NotNull(decision);
        Assert.Equal((true, "user:ada", reason), (decision.Approved, decision.By, decision.Reason));

        // The page reads the snapshot again: the request has left the pending list for the decided one.
        await Expect(card).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("decided-approvals")).ToContainTextAsync(lab.PendingRequestId);
        Assert.Equal(lab.ApproverToken, await page.EvaluateAsync<string>("sessionStorage.getItem('successor-token')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));
    }

    GateDecision? Decision()
    {
        using var ledger = LedgerStore.Open(lab.LedgerPath);
        return new Gatekeeper(ledger).DecisionOn(lab.PendingRequestId);
    }
}
