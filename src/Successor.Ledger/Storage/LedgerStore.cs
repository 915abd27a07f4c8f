// Opens the ledger a location names: a PostgreSQL connection string ("Host=…" or
// "postgres://…") or else a SQLite file path. The default is .successor/ledger.db.
using Npgsql;

namespace Successor.Ledger.Storage;

public static class LedgerStore
{
    public const string DefaultDirectory = ".successor";
    public static readonly string DefaultPath = Path.Combine(DefaultDirectory, "ledger.db");

    /// <param name="synchronous">For SQLite: NORMAL (default) or FULL; see <see cref="SqliteLedger.Open"/>.</param>
    public static ILedger Open(string? location, string synchronous = "NORMAL")
    {
        location = string.IsNullOrWhiteSpace(location) ? DefaultPath : location.Trim();
        if (location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return PostgresLedger.Open(FromUri(location));
        if (location.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            return PostgresLedger.Open(location);
        return SqliteLedger.Open(location, synchronous);
    }

    /// <summary>
    /// Opens a ledger that must already exist: a SQLite path that does not exist is bad input, not a new
    /// ledger. A location with "Host=" or "://" names a server, which is opened as it is.
    /// </summary>
    public static ILedger OpenExisting(string location)
    {
        bool server = location.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            || location.Contains("://", StringComparison.Ordinal);
        if (!server && !File.Exists(location))
            throw new LedgerException(
                $"ledger {location}: file not found; "
                + "pass --ledger with the lab's ledger (default .successor/ledger.db)");
        return Open(location);
    }

    private static string FromUri(string uri)
    {
        var u = new Uri(uri);
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = u.Host,
            Port = u.Port > 0 ? u.Port : 5432,
            Database = u.AbsolutePath.Trim('/') is { Length: > 0 } db ? db : "postgres",
        };
        if (!string.IsNullOrEmpty(u.UserInfo))
        {
            var parts = u.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        return b.ToString();
    }
}
