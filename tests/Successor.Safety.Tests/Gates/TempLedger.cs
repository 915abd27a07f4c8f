// A SQLite ledger in a temporary folder, deleted after the test.
using Successor.Ledger.Storage;

namespace Successor.Safety.Tests.Gates;

public sealed class TempLedger : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("successor-safety-").FullName;

    public TempLedger() => Ledger = LedgerStore.Open(Path.Combine(folder, "ledger.db"));

    public ILedger Ledger { get; }

    public void Dispose()
    {
        Ledger.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
