// The embedded backend: one SQLite file (default .successor/ledger.db) in WAL mode, so readers
// never block the writer. Writers take the write lock up front (BEGIN IMMEDIATE); SQLite's busy
// timeout waits for it, and the retry policy in DbLedger catches what is left, so "database is
// locked" never reaches the user. Durability: synchronous=NORMAL (default) keeps every
// acknowledged append through a killed process; FULL also fsyncs the WAL at every commit, so
// appends survive power loss too, at the disk's fsync rate.
// Writers of one file queue on a flock (WriterLock) before they ask SQLite for the lock.
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Successor.Ledger.Storage;

public sealed class SqliteLedger : DbLedger
{
    private const int SqliteBusy = 5, SqliteLocked = 6;

    private readonly WriterLock _writerLock;

    private SqliteLedger(SqliteConnection connection, string path) : base(connection, path)
    {
        _writerLock = new WriterLock(path + "-writer.lock");
    }

    /// <param name="synchronous">NORMAL: an acknowledged append survives a killed process; after a power cut the
    /// last appends may roll back (never corrupt). FULL: survives power loss too, bounded by the disk's fsync
    /// rate.</param>
    /// <param name="busyTimeoutMilliseconds">How long SQLite itself waits for a lock held by another program.</param>
    /// <param name="commandTimeoutSeconds">How long Microsoft.Data.Sqlite keeps retrying a busy statement after
    /// that.</param>
    public static SqliteLedger Open(
        string path, string synchronous = "NORMAL", int busyTimeoutMilliseconds = 5000, int commandTimeoutSeconds = 30)
    {
        if (synchronous is not ("FULL" or "NORMAL"))
            throw new LedgerException($"synchronous \"{synchronous}\": unsupported; use FULL or NORMAL");
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = commandTimeoutSeconds,
        };
        var connection = new SqliteConnection(builder.ToString());
        var ledger = new SqliteLedger(connection, full);
        try
        {
            connection.Open();
            ledger.ExecuteRaw($"PRAGMA busy_timeout = {busyTimeoutMilliseconds}");
            ledger.WithRetry(() =>
            {
                ledger.ExecuteRaw("PRAGMA journal_mode = WAL");
                return 0;
            });
            ledger.ExecuteRaw($"PRAGMA synchronous = {synchronous}");
            ledger.ApplySchema(() => connection.BeginTransaction(deferred: false), Schema);
            return ledger;
        }
        catch (SqliteException e)
        {
            ledger.Dispose();
            throw new LedgerException(
                $"ledger {full}: cannot open as a SQLite ledger ({e.Message}); "
                + "give a writable path to a ledger database", e);
        }
    }

    protected override void EnterWrite() => _writerLock.Enter();

    protected override void ExitWrite() => _writerLock.Exit();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _writerLock.Dispose();
    }

    protected override DbTransaction BeginWrite() => ((SqliteConnection)Connection).BeginTransaction(deferred: false);

    protected override bool IsTransient(Exception e) =>
        e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };

    private static readonly string[] Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS records (
            seq INTEGER PRIMARY KEY,
            time TEXT NOT NULL,
            actor TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            object TEXT,
            entry TEXT NOT NULL,
            prev_hash BLOB NOT NULL,
            hash BLOB NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS records_subject ON records (subject)",
        "CREATE INDEX IF NOT EXISTS records_object ON records (object)",
        """
        CREATE TABLE IF NOT EXISTS tree_heads (
            size INTEGER PRIMARY KEY,
            root TEXT NOT NULL,
            time TEXT NOT NULL,
            key_id TEXT NOT NULL,
            signature TEXT NOT NULL)
        """,
        // Defence in depth: the ledger's own connection can never change history. Someone with the
        // file can drop these triggers, which is why verify recomputes every hash.
        "CREATE TRIGGER IF NOT EXISTS records_no_update BEFORE UPDATE ON records "
        + "BEGIN SELECT RAISE(ABORT, 'ledger records are append-only'); END",
        "CREATE TRIGGER IF NOT EXISTS records_no_delete BEFORE DELETE ON records "
        + "BEGIN SELECT RAISE(ABORT, 'ledger records are append-only'); END",
        // Signed tree heads are history too: a deleted head would leave records unsigned unseen.
        "CREATE TRIGGER IF NOT EXISTS tree_heads_no_update BEFORE UPDATE ON tree_heads "
        + "BEGIN SELECT RAISE(ABORT, 'signed tree heads are append-only'); END",
        "CREATE TRIGGER IF NOT EXISTS tree_heads_no_delete BEFORE DELETE ON tree_heads "
        + "BEGIN SELECT RAISE(ABORT, 'signed tree heads are append-only'); END",
    ];
}
