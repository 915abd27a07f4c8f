// What `successor verify` reports, computed without the command line: an intact demo ledger is ok;
// one changed byte in a record's payload is found and the record named.
using Successor.Ledger.Verification;

namespace Successor.Ledger.Tests.Verification;

public sealed class LedgerVerifierTests : IDisposable
{
    private readonly DemoLedger _demo = new();

    public void Dispose() => _demo.Dispose();

    [Fact]
    public void An_intact_ledger_is_ok_and_one_changed_byte_names_the_record_it_is_in()
    {
        using (var ledger = _demo.Open())
        {
            var ok = LedgerVerifier.Verify(ledger, _demo.Artifacts);
            Assert.True(ok.Ok);
            Assert.Null(ok.FirstBroken);
            ledger.ExecuteRaw("DROP TRIGGER records_no_update");
            ledger.ExecuteRaw("UPDATE records SET entry = replace(entry, 'synth-g1', 'synth-g2') WHERE seq = 14");
        }
        using var tampered = _demo.Open();
        var bad = LedgerVerifier.Verify(tampered, _demo.Artifacts);
        Assert.False(bad.Ok);
        Assert.Equal(14, bad.FirstBroken?.Seq);
    }
}
