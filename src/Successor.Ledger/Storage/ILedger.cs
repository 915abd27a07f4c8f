// The append-only log of PROV records, one interface over SQLite and PostgreSQL. Appends are
// atomic and durable when they return ("acknowledged"); several processes may append at once.
using Successor.Ledger.Statements;
using Successor.Ledger.Records;
using Successor.Ledger.Signing;

namespace Successor.Ledger.Storage;

public interface ILedger : IDisposable
{
    /// <summary>Where the log lives, for messages: a file path or a PostgreSQL host/database.</summary>
    string Location { get; }

    /// <summary>How many times an append waited for another writer and tried again.</summary>
    long BusyRetries { get; }

    LedgerRecord Append(string actor, ProvStatement statement);

    /// <summary>Appends several records in one transaction: all or none become visible.</summary>
    IReadOnlyList<LedgerRecord> AppendBatch(string actor, IReadOnlyList<ProvStatement> statements);

    long Count();

    LedgerRecord? Get(long seq);

    /// <summary>Stored rows in sequence order from <paramref name="fromSeq"/> on, read page by page.</summary>
    IEnumerable<LedgerRecord> Read(long fromSeq = 0);

    /// <summary>Records whose subject or object is <paramref name="id"/>, in sequence order.</summary>
    IReadOnlyList<LedgerRecord> FindById(string id);

    void SaveTreeHead(SignedTreeHead head);

    IReadOnlyList<SignedTreeHead> TreeHeads();
}
