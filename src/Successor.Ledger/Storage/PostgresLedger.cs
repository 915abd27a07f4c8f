// The server backend for teams: the same log in PostgreSQL (Npgsql). Appends are optimistic: read
// the head, insert the next sequence number, commit; the primary key lets exactly one writer win
// each number and the others retry (no lock is held across client round trips, which measured
// faster than an advisory lock on a busy machine). Sequence numbers stay gap-free across
// processes and hosts. Set "Search Path" in the connection string to keep several ledgers in one
// database.
using System.Data.Common;
using Npgsql;
using Successor.Ledger.Statements;
using Successor.Ledger.Records;

namespace Successor.Ledger.Storage;

public sealed class PostgresLedger : DbLedger
{
    /// <summary>Advisory lock key that serialises schema creation ("SUCCLDGR").</summary>
    private const long WriteLockKey = 0x5355_4343_4C44_4752;

    private PostgresLedger(NpgsqlConnection connection, string location) : base(connection, location) { }

    public static PostgresLedger Open(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new LedgerException(
                $"ledger connection string: {e.Message}; "
                + "expected e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=successor");
        }
        string location = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}" +
            (string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})");
        var connection = new NpgsqlConnection(builder.ToString());
        var ledger = new PostgresLedger(connection, location);
        try
        {
            connection.Open();
            ledger.ApplySchema(() => connection.BeginTransaction(),
                [$"SELECT pg_advisory_xact_lock({WriteLockKey})", Schema]);
            return ledger;
        }
        catch (NpgsqlException e)
        {
            ledger.Dispose();
            throw new LedgerException(
                $"ledger {location}: cannot open ({e.Message}); "
                + "check the server is running and the connection string", e);
        }
    }

    protected override DbTransaction BeginWrite() => ((NpgsqlConnection)Connection).BeginTransaction();

    // Two round trips: read the head, then all INSERTs in one batch, which Npgsql runs as one
    // implicit transaction (all rows or none) and which returns only after the commit is durable.
    protected override IReadOnlyList<LedgerRecord> AppendLocked(string actor, IReadOnlyList<ProvStatement> statements)
    {
        var (seq, previous) = Head(null);
        var chained = Chain(actor, statements, seq, previous);
        using var batch = new NpgsqlBatch((NpgsqlConnection)Connection);
        foreach (var (entry, record) in chained)
        {
            var command = new NpgsqlBatchCommand(InsertSql);
            foreach (var (name, value) in InsertParameters(entry, record))
                command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
            batch.BatchCommands.Add(command);
        }
        batch.ExecuteNonQuery();
        return chained.Select(c => c.Record).ToList();
    }

    // Another writer took the sequence number first (unique violation on the key), or a
    // serialisation failure or deadlock: the transaction was rolled back, so it is safe to retry.
    protected override bool IsTransient(Exception e) =>
        e is PostgresException { SqlState: "23505", ConstraintName: "records_pkey" }
            or PostgresException { SqlState: "40001" or "40P01" };

    private const string Schema =
        """
        CREATE TABLE IF NOT EXISTS records (
            seq BIGINT PRIMARY KEY,
            time TEXT NOT NULL,
            actor TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            object TEXT,
            entry TEXT NOT NULL,
            prev_hash BYTEA NOT NULL,
            hash BYTEA NOT NULL);
        CREATE INDEX IF NOT EXISTS records_subject ON records (subject);
        CREATE INDEX IF NOT EXISTS records_object ON records (object);
        CREATE TABLE IF NOT EXISTS tree_heads (
            size BIGINT PRIMARY KEY,
            root TEXT NOT NULL,
            time TEXT NOT NULL,
            key_id TEXT NOT NULL,
            signature TEXT NOT NULL);
        CREATE OR REPLACE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'ledger records are append-only'; END $$;
        CREATE OR REPLACE TRIGGER records_no_change BEFORE UPDATE OR DELETE ON records
            FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
        CREATE OR REPLACE TRIGGER records_no_truncate BEFORE TRUNCATE ON records
            FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
        CREATE OR REPLACE TRIGGER tree_heads_no_change BEFORE UPDATE OR DELETE ON tree_heads
            FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
        CREATE OR REPLACE TRIGGER tree_heads_no_truncate BEFORE TRUNCATE ON tree_heads
            FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
        """;
}
