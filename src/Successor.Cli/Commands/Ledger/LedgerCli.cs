// What the ledger commands share: where the ledger, the artifacts, the notary's folder and its public
// key live, and how a ledger error becomes one line on stderr with exit code 2. Exit codes of these
// commands: 0 ok, 1 verification failed (tampering found, or history unsigned or unwitnessed), 2 bad input.
using System.Globalization;
using System.Text.Json.Nodes;
using Successor.Ledger;
using Successor.Ledger.Artifacts;
using Successor.Ledger.Signing;
using Successor.Ledger.Storage;

namespace Successor.Cli.Commands.Ledger;

public static class LedgerCli
{
    public const int Verified = 0, Tampered = 1, BadInput = 2;

    public static Option<string> LedgerOption() => new("--ledger")
    {
        Description =
            "SQLite file or PostgreSQL connection string (Host=…) of the ledger; "
            + "default $SUCCESSOR_LEDGER or .successor/ledger.db",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SUCCESSOR_LEDGER") ?? LedgerStore.DefaultPath,
    };

    public static Option<string> ArtifactsOption() => new("--artifacts")
    {
        Description = "Folder of the content-addressed artifact store",
        DefaultValueFactory = _ => Path.Combine(LedgerStore.DefaultDirectory, "artifacts"),
    };

    public static Option<string?> JudgeOption() => new("--judge")
    {
        Description = "The notary's folder (mode 0700) holding its signing key and state; default judge/ beside "
            + "the ledger's file",
    };

    public static Option<string?> PublicKeyOption() => new("--public-key")
    {
        Description = "The notary's public key (hex); default $SUCCESSOR_NOTARY_KEY or notary.pub beside the "
            + "judge folder",
    };

    /// <summary>The judge folder given, or the one beside the ledger.</summary>
    public static string Judge(string? given, string ledgerLocation) => given ?? JudgeFolder.For(ledgerLocation);

    /// <summary>The public key file given, else $SUCCESSOR_NOTARY_KEY, else notary.pub beside the judge
    /// folder.</summary>
    public static string PublicKey(string? given, string ledgerLocation) =>
        given ?? Environment.GetEnvironmentVariable("SUCCESSOR_NOTARY_KEY") ?? JudgeFolder.PublicKeyOf(ledgerLocation);

    public static ArtifactStore Artifacts(string folder) => new(folder);

    /// <summary>Opens an existing ledger; a SQLite path that does not exist is bad input, not a new ledger.</summary>
    public static ILedger Open(string location) => LedgerStore.OpenExisting(location);

    /// <summary>The final result: `key: value` lines, or one JSON object with --json.</summary>
    public static void Result(bool json, IEnumerable<(string Key, object? Value)> fields)
    {
        if (json)
        {
            var o = new JsonObject();
            foreach (var (k, v) in fields)
                o[k] = v switch
                {
                    null => null,
                    bool b => JsonValue.Create(b),
                    int i => JsonValue.Create(i),
                    long l => JsonValue.Create(l),
                    _ => JsonValue.Create(Convert.ToString(v, CultureInfo.InvariantCulture)),
                };
            Console.WriteLine(o.ToJsonString());
            return;
        }
        foreach (var (k, v) in fields)
            Console.WriteLine(
                $"{k}: {(v is bool b ? (b ? "true" : "false") : Convert.ToString(v, CultureInfo.InvariantCulture))}");
    }

    /// <summary>A ledger command, its action run through Guard.</summary>
    public static Command CreateCommand(string name, string description, IEnumerable<Symbol> symbols,
        Func<ParseResult, int> action) => CliCommand.Create(name, description, symbols, r => Guard(() => action(r)));

    /// <summary>Runs a command body; a ledger error becomes "error: …" and exit code 2.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (LedgerException e)
        {
            Console.Error.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")}");
            return BadInput;
        }
    }
}
