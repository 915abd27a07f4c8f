// Which records a listing of the log shows: from a record number on, optionally only those whose
// subject or object is one id, and at most a limit of them (0 for all).
using Successor.Ledger.Records;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Queries;

public sealed record LogQuery
{
    public LogQuery(long from = 0, int limit = 0, string? id = null)
    {
        if (limit < 0) throw new LedgerException($"--limit is {limit}; use 0 (all) or a positive number");
        (From, Limit, Id) = (from, limit, id);
    }

    /// <summary>First record number to show.</summary>
    public long From { get; }

    /// <summary>Most records to show; 0 shows all.</summary>
    public int Limit { get; }

    /// <summary>When set, only records whose subject or object is this id.</summary>
    public string? Id { get; }

    /// <summary>The matching records in sequence order, read lazily as they are enumerated.</summary>
    public IEnumerable<LedgerRecord> Records(ILedger ledger)
    {
        var records = Id is { } only
            ? ledger.FindById(only).Where(x => x.Seq >= From)
            : ledger.Read(From);
        return Limit > 0 ? records.Take(Limit) : records;
    }
}
