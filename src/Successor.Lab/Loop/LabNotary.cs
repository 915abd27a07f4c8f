// Has the notary sign the ledger at the lab's start and after every generation, and turns a refusal (the
// ledger no longer extends the head it signed last) or any problem found (a replaced public key, a deleted or
// forged tree head) into a critical incident that names it; so too a decoy of the judge's folder that its
// answers say was read (JudgeVault). The notary's key lives in the judge's folder and
// signs inside the judge process, under the judge's account when lab.json names one: the lab sends the log's
// leaf hashes, checks the head it gets back, and stores it.
using Successor.Ledger.Proofs;
using Successor.Ledger.Signing;

namespace Successor.Lab.Loop;

sealed class LabNotary(LabContext lab)
{
    /// <summary>Records in the ledger when the notary last signed it for this run (-1: not yet).</summary>
    long signedAt = -1;

    /// <summary>Has the notary sign the ledger as it is now, unless it signed it already, unchanged, in this run
    /// (the lab's end right after its last generation).</summary>
    public void Sign(int g)
    {
        var ledger = lab.Journal.Ledger;
        long records = ledger.Count();
        if (records == signedAt) return;
        var problems = new List<string>();
        try
        {
            var signing = lab.Judge.Notarise(LedgerProofs.LeafHashes(ledger, records));
            problems.AddRange(Notary.Publish(signing.Key, lab.Judge.PublicKeyFile));
            if (signing.Refusal is { } why) problems.Add(why);
            else problems.AddRange(Notary.Store(ledger, signing));
        }
        catch (LabException e) { problems.Add($"the notary could not sign: {e.Message}"); }
        foreach (string read in lab.Judge.TakeDecoysRead())
            lab.RaiseIncident(g, $"judge-decoy-{Hash(read)}", "judge-decoy-read",
                $"the decoy {read.Replace(" at ", " in the judge's folder was read at ", StringComparison.Ordinal)} " +
                "by a process that is not the judge (another account, a person or a backup): the real secrets are in " +
                "its vault, which it could not open");
        if (problems.Count == 0)
        {
            lab.Report(new(g, "notary", "tree head signed"));
            signedAt = records;
            return;
        }
        string detail = string.Join("; ", problems);
        lab.RaiseIncident(g, $"notary-{Hash(detail)}", "ledger-history", detail);
    }

    static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 6));
}
