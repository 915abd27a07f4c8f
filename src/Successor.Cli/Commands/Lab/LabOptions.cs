// Where run and status find a lab: its config (--config), its ledger (--ledger) and its artifact store
// (--artifacts), which together give the journal of the lab the config names.
using Successor.Cli.Commands.Ledger;
using Successor.Lab.Config;
using Successor.Lab.Loop;
using Successor.Ledger.Storage;

namespace Successor.Cli.Commands.Lab;

public sealed class LabOptions
{
    public Option<string> Config { get; } = LabCli.ConfigOption();
    public Option<string> Ledger { get; } = LedgerCli.LedgerOption();
    public Option<string> Artifacts { get; } = LedgerCli.ArtifactsOption();

    public IEnumerable<Symbol> All => [Config, Ledger, Artifacts];

    public LabConfig LoadConfig(ParseResult r) => LabCli.LoadConfig(r.GetValue(Config)!);

    /// <summary>The ledger and the journal of `lab`. With `create` a missing SQLite ledger is made (a lab's
    /// first run); without, it is bad input (status reads only what exists).</summary>
    public (ILedger Ledger, LabJournal Journal) Open(ParseResult r, LabConfig lab, bool create)
    {
        string location = r.GetValue(Ledger)!;
        var ledger = create ? LabCli.OpenOrCreate(location) : LedgerCli.Open(location);
        return (ledger, new LabJournal(ledger, LedgerCli.Artifacts(r.GetValue(Artifacts)!), lab.Name));
    }
}
