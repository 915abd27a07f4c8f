// Has the notary sign the ledger at the lab's start and after every generation, and turns a refusal
// (the ledger no longer extends the head it signed last) or any problem it found (a replaced public
// key, a deleted or forged tree head) into a critical incident that names it.
using System.Diagnostics;

namespace Successor.Lab.Loop;

sealed class LabNotary(LabContext lab)
{
    /// <summary>How long the notary may take before the lab gives up on it for this generation.</summary>
    static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);

    /// <summary>Records in the ledger when the notary last signed it for this run (-1: not yet).</summary>
    long signedAt = -1;

    /// <summary>Has the notary sign the ledger as it is now, unless it signed it already, unchanged, in this run
    /// (the lab's end right after its last generation).</summary>
    public void Sign(int g)
    {
        var ledger = lab.Journal.Ledger;
        long records = ledger.Count();
        if (records == signedAt) return;
        string location = ledger.Location;
        using var process = Process.Start(NotaryLaunch.For(location))
            ?? throw new LabException("could not start the notary process (`successor notary sign`)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Budget))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        string problems = string.Join("; ", stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries
            | StringSplitOptions.TrimEntries));
        if (process.ExitCode == 0)
        {
            lab.Report(new(g, "notary", "tree head signed"));
            signedAt = records;
            return;
        }
        string detail = problems.Length > 0 ? problems : $"the notary exited with code {process.ExitCode}";
        lab.RaiseIncident(g, $"notary-{Hash(detail)}", "ledger-history", detail);
    }

    static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 6));
}
