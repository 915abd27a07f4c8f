// Finds the record a user names: a record number, or the id of an entity, activity or agent (the
// record that first declares it).
using System.Globalization;
using Successor.Ledger.Records;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Queries;

public static class RecordLookup
{
    /// <summary>A record number, or the id of an entity, activity or agent (its first declaration).</summary>
    public static LedgerRecord Resolve(ILedger ledger, string id)
    {
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long seq))
            return ledger.Get(seq) ?? throw new LedgerException(
                $"record {seq}: not in the ledger ({ledger.Count()} records, numbered from 0)");
        return ledger.FindById(id).FirstOrDefault(r => r.Parse().Statement.Subject == id)
            ?? throw new LedgerException(
                $"id {id}: no record declares it; give a record number or an id listed by `successor log`");
    }
}
