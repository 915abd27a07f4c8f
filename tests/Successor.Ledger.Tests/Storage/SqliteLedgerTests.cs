// The shared ledger suite on SQLite, plus what only SQLite has: WAL mode, and a foreign lock on
// the file (another program) that must end in a wait or one clear error, never "database is locked".
using Microsoft.Data.Sqlite;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Tests.Storage;

public sealed class SqliteLedgerTests : LedgerSuite
{
    private string DatabasePath => Path.Combine(Directory, "ledger.db");

    protected override DbLedger OpenLedger() => SqliteLedger.Open(DatabasePath);

    protected override string WriterLocation => DatabasePath;

    protected override string DropGuardsSql =>
        "DROP TRIGGER IF EXISTS records_no_update; DROP TRIGGER IF EXISTS records_no_delete; "
        + "DROP TRIGGER IF EXISTS tree_heads_no_update; DROP TRIGGER IF EXISTS tree_heads_no_delete";

    [Fact]
    public void The_database_is_in_WAL_mode()
    {
        using (OpenLedger()) { }
        using var c = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }

    [Fact]
    public async Task An_append_waits_for_a_foreign_write_lock_instead_of_failing_with_database_is_locked()
    {
        using var ledger = SqliteLedger.Open(DatabasePath);
        using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        other.Open();
        var tx = other.BeginTransaction(deferred: false); // holds SQLite's write lock, outside our queue
        var release = Task.Run(() =>
        {
            Thread.Sleep(300);
            tx.Commit();
        });
        var record = ledger.Append("lab", Successor.Ledger.Statements.ProvStatement.Entity("note:0", "note"));
        await release;
        Assert.Equal(0, record.Seq);
    }

    [Fact]
    public void A_lock_held_past_the_limit_is_one_clear_ledger_error()
    {
        using var limited = SqliteLedger.Open(DatabasePath, busyTimeoutMilliseconds: 20, commandTimeoutSeconds: 1);
        limited.MaxBusyWait = TimeSpan.FromMilliseconds(1500);
        using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        other.Open();
        using var tx = other.BeginTransaction(deferred: false);
        var e = Assert.Throws<LedgerException>(
            () => limited.Append("lab", Successor.Ledger.Statements.ProvStatement.Entity("note:0", "note")));
        Assert.Contains("still busy", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.True(limited.BusyRetries > 0);
    }

    [Fact]
    public void A_plain_path_opens_SQLite_and_a_connection_string_PostgreSQL()
    {
        using var ledger = LedgerStore.Open(Path.Combine(Directory, "other.db"));
        Assert.IsType<SqliteLedger>(ledger);
        Assert.Throws<LedgerException>(() => LedgerStore.Open("Host=127.0.0.1;Port=1;Timeout=1"));
    }
}
