// The shared ledger suite on a real PostgreSQL server. Each test gets its own schema. The server
// comes from SUCCESSOR_TEST_POSTGRES, which .ci/postgres.sh provides; without it these tests fail
// (they never skip), so a green run always means PostgreSQL was tested.
using Npgsql;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Tests.Storage;

public sealed class PostgresLedgerTests : LedgerSuite
{
    public const string Variable = "SUCCESSOR_TEST_POSTGRES";
    private readonly string _admin;
    private readonly string _schema = $"t_{Guid.NewGuid():N}";

    public PostgresLedgerTests()
    {
        _admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException(
                $"{Variable} is not set: start the test server with `export {Variable}=\"$(bash .ci/postgres.sh)\"` "
                + "and run the tests again");
        using var c = new NpgsqlConnection(_admin);
        c.Open();
        using var cmd = new NpgsqlCommand($"CREATE SCHEMA {_schema}", c);
        cmd.ExecuteNonQuery();
    }

    private string Location => new NpgsqlConnectionStringBuilder(_admin) { SearchPath = _schema }.ToString();

    protected override DbLedger OpenLedger() => PostgresLedger.Open(Location);

    protected override string WriterLocation => Location;

    protected override string DropGuardsSql => "DROP TRIGGER IF EXISTS records_no_change ON records; "
        + "DROP TRIGGER IF EXISTS tree_heads_no_change ON tree_heads";

    public override void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using (var c = new NpgsqlConnection(_admin))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", c);
            cmd.ExecuteNonQuery();
        }
        base.Dispose();
    }
}
