// A SQLite ledger in a folder of its own holding the two generations of DemoLineage: seed data →
// g1 → model-generated data → g2 → evaluation → human-approved promotion (records 0 to 34).
using Successor.Ledger.Artifacts;
using Successor.Ledger.Storage;
using Successor.Ledger.Writer;

namespace Successor.Ledger.Tests;

public sealed class DemoLedger : IDisposable
{
    public DemoLedger()
    {
        using var ledger = SqliteLedger.Open(Db);
        DemoLineage.Record(ledger, Artifacts);
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("successor-demo-").FullName;

    public string Db => Path.Combine(Folder, "ledger.db");

    /// <summary>The notary's folder beside the ledger.</summary>
    public string Judge => Successor.Ledger.Signing.JudgeFolder.For(Db);

    public string KeyFile => Successor.Ledger.Signing.JudgeFolder.NotaryKey(Judge);

    public string PublicKeyFile => Successor.Ledger.Signing.JudgeFolder.PublicKey(Judge);

    public ArtifactStore Artifacts => new(Path.Combine(Folder, "artifacts"));

    public DbLedger Open() => SqliteLedger.Open(Db);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
