// An inclusion proof for a record a user names, against the latest signed tree head that covers
// it; when none does, the notary signs a head over the log as it is now.
using Successor.Ledger.Queries;
using Successor.Ledger.Records;
using Successor.Ledger.Signing;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Proofs;

public sealed record RecordProof(LedgerRecord Record, SignedTreeHead Head, InclusionProof Proof)
{
    /// <param name="target">A record number or the id of an entity, activity or agent.</param>
    /// <param name="judgeFolder">The notary's folder, used only when no stored head covers the record.</param>
    public static RecordProof Make(ILedger ledger, string target, string judgeFolder)
    {
        var record = RecordLookup.Resolve(ledger, target);
        var head = ledger.TreeHeads().LastOrDefault(h => h.Size > record.Seq)
            ?? LedgerProofs.SignTreeHead(ledger, judgeFolder);
        return new RecordProof(record, head, LedgerProofs.Inclusion(ledger, record.Seq, head));
    }

    /// <summary>True when the proof leads to the root of the head it was made against.</summary>
    public bool Verified => Proof.Check(Head.Root, Head.Size);
}
