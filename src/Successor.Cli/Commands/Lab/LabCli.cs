// What init, run and status share: where the lab's config, ledger, artifacts and trial folders live.
using Successor.Lab.Config;
using Successor.Ledger.Storage;

namespace Successor.Cli.Commands.Lab;

public static class LabCli
{
    public static Option<string> ConfigOption() => new("--config")
    {
        Description = "The lab config (commented JSON); successor init writes one",
        DefaultValueFactory = _ => LabConfigJson.FileName,
    };

    public static Option<string> WorkOption() => new("--work")
    {
        Description = "Folder for trial checkpoints",
        DefaultValueFactory = _ => Path.Combine(LedgerStore.DefaultDirectory, "runs"),
    };

    /// <summary>The config at `path`; the built-in default when the default path has none, but a config named
    /// with --config that does not exist is an error, not silently the default lab.</summary>
    public static LabConfig LoadConfig(string path) =>
        File.Exists(path) ? LabConfigJson.Load(path)
        : path == LabConfigJson.FileName ? new LabConfig()
        : throw new LabConfigException($"lab config {path}: file not found; run successor init --config {path} to " +
            "write one, or leave out --config for the built-in default lab");

    /// <summary>Opens the ledger, creating a SQLite file's folder when needed.</summary>
    public static ILedger OpenOrCreate(string ledgerLocation)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(ledgerLocation));
        if (!ledgerLocation.Contains("Host=", StringComparison.OrdinalIgnoreCase) && directory is not null)
            Directory.CreateDirectory(directory);
        return LedgerStore.Open(ledgerLocation);
    }
}
