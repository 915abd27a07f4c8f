// Where the judge side keeps its secrets: `judge/` beside the ledger's file (for a PostgreSQL ledger,
// .successor/judge), in its vault (JudgeVault: a folder of mode 0700 inside, files 0600). The notary's public
// key sits beside that folder, readable by all, as notary.pub.
namespace Successor.Ledger.Signing;

public static class JudgeFolder
{
    public const string Name = "judge";

    public static string For(string ledgerLocation) => Path.Combine(Beside(ledgerLocation), Name);

    public static string NotaryKey(string judgeFolder) => Path.Combine(JudgeVault.Of(judgeFolder), "notary.key");

    public static string NotaryState(string judgeFolder) =>
        Path.Combine(JudgeVault.Of(judgeFolder), "notary-state.json");

    public static string PublicKey(string judgeFolder) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(judgeFolder))!, "notary.pub");

    /// <summary>The default public key of a ledger: notary.pub beside its judge folder.</summary>
    public static string PublicKeyOf(string ledgerLocation) => PublicKey(For(ledgerLocation));

    private static string Beside(string ledgerLocation)
    {
        bool server = ledgerLocation.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            || ledgerLocation.Contains("://", StringComparison.Ordinal);
        return server ? Path.GetFullPath(Storage.LedgerStore.DefaultDirectory)
            : Path.GetDirectoryName(Path.GetFullPath(ledgerLocation))!;
    }
}
