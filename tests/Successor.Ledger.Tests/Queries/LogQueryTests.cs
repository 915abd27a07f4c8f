// What `successor log` lists and sums up, and how a record is found by number or id, computed
// without the command line.
using Successor.Ledger.Proofs;
using Successor.Ledger.Queries;

namespace Successor.Ledger.Tests.Queries;

public sealed class LogQueryTests : IDisposable
{
    private readonly DemoLedger _demo = new();

    public void Dispose() => _demo.Dispose();

    [Fact]
    public void A_query_starts_at_from_keeps_to_one_id_and_stops_at_the_limit()
    {
        using var ledger = _demo.Open();
        Assert.Equal(ledger.Count(), new LogQuery().Records(ledger).Count());
        Assert.Equal([5L, 6L], new LogQuery(from: 5, limit: 2).Records(ledger).Select(r => r.Seq));
        var g2 = new LogQuery(from: 20, id: "checkpoint:g2").Records(ledger).ToList();
        Assert.NotEmpty(g2);
        Assert.All(g2, r => Assert.True(r.Seq >= 20));
        Assert.Equal(ledger.FindById("checkpoint:g2").Count(r => r.Seq >= 20), g2.Count);
    }

    [Fact]
    public void A_negative_limit_is_bad_input()
    {
        var e = Assert.Throws<LedgerException>(() => new LogQuery(limit: -1));
        Assert.Equal("--limit is -1; use 0 (all) or a positive number", e.Message);
    }

    [Fact]
    public void Signing_creates_the_key_and_the_summary_counts_the_stored_head()
    {
        using var ledger = _demo.Open();
        var before = LogSummary.Of(ledger);
        Assert.Equal(0, before.TreeHeads);
        Assert.Null(before.Latest);

        var head = LedgerProofs.SignTreeHead(ledger, _demo.Judge);
        var after = LogSummary.Of(ledger, head);
        Assert.True(File.Exists(_demo.KeyFile));
        Assert.Equal(1, after.TreeHeads);
        Assert.Equal(ledger.Count(), after.Records);
        Assert.Equal(head, after.Latest);
    }

    [Fact]
    public void A_record_is_found_by_number_or_by_the_id_it_declares()
    {
        using var ledger = _demo.Open();
        var byId = RecordLookup.Resolve(ledger, "checkpoint:g2");
        Assert.Equal("checkpoint:g2", byId.Parse().Statement.Subject);
        Assert.Equal(byId.Seq, RecordLookup.Resolve(ledger, $"{byId.Seq}").Seq);
        Assert.StartsWith("record 999: not in the ledger",
            Assert.Throws<LedgerException>(() => RecordLookup.Resolve(ledger, "999")).Message);
        Assert.StartsWith("id nothing:here: no record declares it",
            Assert.Throws<LedgerException>(() => RecordLookup.Resolve(ledger, "nothing:here")).Message);
    }
}
