// Opening the ledger a location names, as the commands do: an existing one only.
using Successor.Ledger.Storage;

namespace Successor.Ledger.Tests.Storage;

public sealed class LedgerStoreTests
{
    [Fact]
    public void A_missing_ledger_is_bad_input_not_a_new_empty_ledger()
    {
        string folder = Directory.CreateTempSubdirectory("successor-store-").FullName;
        try
        {
            string path = Path.Combine(folder, "nope.db");
            var e = Assert.Throws<LedgerException>(() => LedgerStore.OpenExisting(path));
            Assert.Contains("file not found", e.Message);
            Assert.False(File.Exists(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
