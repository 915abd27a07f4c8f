// What both SQL backends share: the append transaction (read the head, chain the new records,
// insert, commit), paging reads, tree-head rows, and the retry policy for a busy database.
// The subclass supplies the connection, the schema, how to take the write lock and which errors
// are worth retrying.
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Successor.Ledger.Statements;
using Successor.Ledger.Records;
using Successor.Ledger.Signing;

namespace Successor.Ledger.Storage;

public abstract class DbLedger : ILedger
{
    private const int PageSize = 5000;
    private readonly Lock _gate = new();
    private long _busyRetries;

    protected DbLedger(DbConnection connection, string location)
    {
        Connection = connection;
        Location = location;
    }

    public string Location { get; }

    public long BusyRetries => Interlocked.Read(ref _busyRetries);

    /// <summary>How long an append keeps retrying a busy database before it reports an error.</summary>
    public TimeSpan MaxBusyWait { get; set; } = TimeSpan.FromSeconds(60);

    protected DbConnection Connection { get; }

    /// <summary>Starts a transaction that holds the log's single write lock until commit.</summary>
    protected abstract DbTransaction BeginWrite();

    protected abstract bool IsTransient(Exception e);

    /// <summary>Optional cross-process queue taken before <see cref="BeginWrite"/>.</summary>
    protected virtual void EnterWrite() { }

    protected virtual void ExitWrite() { }

    public LedgerRecord Append(string actor, ProvStatement statement) => AppendBatch(actor, [statement])[0];

    public IReadOnlyList<LedgerRecord> AppendBatch(string actor, IReadOnlyList<ProvStatement> statements)
    {
        if (string.IsNullOrWhiteSpace(actor))
            throw new LedgerException("actor: empty; name who appends, e.g. \"lab\" or \"human:alice\"");
        foreach (var s in statements) s.Validate();
        lock (_gate)
        {
            return WithRetry(() =>
            {
                EnterWrite();
                try
                {
                    return AppendLocked(actor, statements);
                }
                finally
                {
                    ExitWrite();
                }
            });
        }
    }

    /// <summary>One attempt at an append: read the head, chain the new records, write them atomically.</summary>
    protected virtual IReadOnlyList<LedgerRecord> AppendLocked(string actor, IReadOnlyList<ProvStatement> statements)
    {
        using var tx = BeginWrite();
        var (seq, previous) = Head(tx);
        var chained = Chain(actor, statements, seq, previous);
        foreach (var (entry, record) in chained) Insert(tx, entry, record);
        tx.Commit();
        return chained.Select(c => c.Record).ToList();
    }

    /// <summary>
    /// Numbers and hashes new records that follow the record (<paramref name="seq"/>, <paramref name="previous"/>).
    /// </summary>
    protected static List<(LedgerEntry Entry, LedgerRecord Record)> Chain(
        string actor, IReadOnlyList<ProvStatement> statements, long seq, byte[] previous)
    {
        var chained = new List<(LedgerEntry, LedgerRecord)>(statements.Count);
        var now = DateTimeOffset.UtcNow;
        foreach (var statement in statements)
        {
            seq++;
            var entry = new LedgerEntry(seq, now, actor, statement);
            string json = entry.ToCanonicalJson();
            var record = new LedgerRecord(seq, json, previous, LedgerRecord.ChainHash(previous, json));
            chained.Add((entry, record));
            previous = record.Hash;
        }
        return chained;
    }

    public long Count()
    {
        lock (_gate)
        {
            return WithRetry(() => Convert.ToInt64(Scalar(null, "SELECT COUNT(*) FROM records")));
        }
    }

    public LedgerRecord? Get(long seq)
    {
        lock (_gate)
        {
            return WithRetry(() => Query(
                "SELECT seq, entry, prev_hash, hash FROM records WHERE seq = @seq", ("seq", seq)).FirstOrDefault());
        }
    }

    public IEnumerable<LedgerRecord> Read(long fromSeq = 0)
    {
        long next = fromSeq;
        while (true)
        {
            List<LedgerRecord> page;
            lock (_gate)
            {
                page = WithRetry(() => Query(
                    $"SELECT seq, entry, prev_hash, hash FROM records WHERE seq >= @from ORDER BY seq LIMIT {PageSize}",
                    ("from", next)));
            }
            foreach (var r in page) yield return r;
            if (page.Count < PageSize) yield break;
            next = page[^1].Seq + 1;
        }
    }

    public IReadOnlyList<LedgerRecord> FindById(string id)
    {
        lock (_gate)
        {
            return WithRetry(() => Query(
                "SELECT seq, entry, prev_hash, hash FROM records WHERE subject = @id OR object = @id ORDER BY seq",
                ("id", id)));
        }
    }

    public void SaveTreeHead(SignedTreeHead head)
    {
        lock (_gate)
        {
            WithRetry(() =>
            {
                using var cmd = Command(null,
                    "INSERT INTO tree_heads (size, root, time, key_id, signature) "
                    + "VALUES (@size, @root, @time, @key, @sig) ON CONFLICT (size) DO NOTHING",
                    ("size", head.Size), ("root", head.Root), ("time", head.Time), ("key", head.KeyId),
                    ("sig", head.Signature));
                return cmd.ExecuteNonQuery();
            });
        }
    }

    public IReadOnlyList<SignedTreeHead> TreeHeads()
    {
        lock (_gate)
        {
            return WithRetry(() =>
            {
                using var cmd = Command(null,
                    "SELECT size, root, time, key_id, signature FROM tree_heads ORDER BY size");
                using var reader = cmd.ExecuteReader();
                var heads = new List<SignedTreeHead>();
                while (reader.Read())
                    heads.Add(new SignedTreeHead(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                        reader.GetString(3), reader.GetString(4)));
                return heads;
            });
        }
    }

    /// <summary>Runs a statement outside the normal API: schema set-up here, tampering in tests.</summary>
    public int ExecuteRaw(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_gate)
        {
            using var cmd = Command(null, sql, parameters);
            return cmd.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) Connection.Dispose();
    }

    protected T WithRetry<T>(Func<T> action)
    {
        var clock = Stopwatch.StartNew();
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return action();
            }
            catch (Exception e) when (IsTransient(e))
            {
                if (clock.Elapsed > MaxBusyWait)
                    throw new LedgerException(
                        $"ledger {Location}: still busy after {MaxBusyWait.TotalSeconds:0} s of retries "
                        + $"({e.Message}); another process holds the write lock too long — look for a stuck writer",
                        e);
                Interlocked.Increment(ref _busyRetries);
                // Exponential backoff with full jitter, capped at 100 ms, so writers do not retry in lockstep.
                int cap = Math.Min(100, 1 << Math.Min(attempt, 7));
                Thread.Sleep(Random.Shared.Next(1, cap + 1));
            }
        }
    }

    /// <summary>Runs the schema statements in one transaction begun by `begin`, retrying while the
    /// database is busy (another process may be creating the same schema).</summary>
    protected void ApplySchema(Func<DbTransaction> begin, IEnumerable<string> statements) =>
        WithRetry(() =>
        {
            using var tx = begin();
            foreach (var sql in statements)
            {
                using var cmd = Command(tx, sql);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
            return 0;
        });

    protected DbCommand Command(DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    protected object? Scalar(DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(tx, sql, parameters);
        return cmd.ExecuteScalar();
    }

    protected (long Seq, byte[] Hash) Head(DbTransaction? tx)
    {
        using var cmd = Command(tx, "SELECT seq, hash FROM records ORDER BY seq DESC LIMIT 1");
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), (byte[])reader.GetValue(1)) : (-1, LedgerRecord.GenesisHash);
    }

    protected const string InsertSql =
        "INSERT INTO records (seq, time, actor, kind, subject, object, entry, prev_hash, hash) " +
        "VALUES (@seq, @time, @actor, @kind, @subject, @object, @entry, @prev, @hash)";

    /// <summary>The INSERT's parameters, in the order of <see cref="InsertSql"/>.</summary>
    protected static (string Name, object? Value)[] InsertParameters(LedgerEntry entry, LedgerRecord record) =>
    [
        ("seq", record.Seq), ("time", entry.TimeText), ("actor", entry.Actor),
        ("kind", ProvKinds.Name(entry.Statement.Kind)), ("subject", entry.Statement.Subject),
        ("object", entry.Statement.Object), ("entry", record.Entry),
        ("prev", record.PreviousHash), ("hash", record.Hash),
    ];

    private void Insert(DbTransaction tx, LedgerEntry entry, LedgerRecord record)
    {
        using var cmd = Command(tx, InsertSql, InsertParameters(entry, record));
        cmd.ExecuteNonQuery();
    }

    private List<LedgerRecord> Query(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(null, sql, parameters);
        using var reader = cmd.ExecuteReader(CommandBehavior.Default);
        var list = new List<LedgerRecord>();
        while (reader.Read())
            list.Add(new LedgerRecord(
                reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3)));
        return list;
    }
}
