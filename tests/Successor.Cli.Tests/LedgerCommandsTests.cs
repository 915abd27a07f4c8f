// The ledger verbs as a user runs them: exit codes (0 ok, 1 tampered, 2 bad input), one-line
// errors, and `key: value` results. Console output is captured, so these tests run one at a time.
using System.CommandLine;
using Successor.Cli.Commands.Ledger;
using Successor.Ledger.Artifacts;
using Successor.Ledger.Storage;
using Successor.Ledger.Writer;

namespace Successor.Cli.Tests;

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

[Collection(nameof(ConsoleCollection))]
public sealed class LedgerCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("successor-cli-").FullName;

    private string Db => Path.Combine(_dir, "ledger.db");

    private string Judge => Path.Combine(_dir, "judge");

    private string[] Keyed => ["--ledger", Db, "--judge", Judge];

    private string[] Where =>
        ["--ledger", Db, "--artifacts", Path.Combine(_dir, "artifacts"), "--witness-state", WitnessState];

    private string WitnessState => Path.Combine(_dir, "person", "witness.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Seed()
    {
        using var ledger = SqliteLedger.Open(Db);
        DemoLineage.Record(ledger, new ArtifactStore(Path.Combine(_dir, "artifacts")));
    }

    private static (int Exit, string Out, string Err) Run(Command command, params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            var root = new RootCommand { command };
            int exit = root.Parse([command.Name, .. args]).Invoke();
            return (exit, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    [Fact]
    public void Verify_exits_0_when_intact_and_1_naming_the_record_after_one_byte_changes()
    {
        Seed();
        Assert.Equal(0, Run(NotaryCommand.Create(), ["sign", .. Keyed]).Exit);
        Assert.Equal(0, Run(WitnessCommand.Create(), ["--ledger", Db, "--state", WitnessState]).Exit);
        var ok = Run(VerifyCommand.Create(), Where);
        Assert.Equal(0, ok.Exit);
        Assert.Contains("status: ok", ok.Out);

        using (var ledger = SqliteLedger.Open(Db))
        {
            ledger.ExecuteRaw("DROP TRIGGER records_no_update");
            ledger.ExecuteRaw("UPDATE records SET entry = replace(entry, 'synth-g1', 'synth-g2') WHERE seq = 14");
        }
        var bad = Run(VerifyCommand.Create(), Where);
        Assert.Equal(1, bad.Exit);
        Assert.Contains("first_broken_record: 14", bad.Out);
        Assert.Contains("status: tampered", bad.Out);
    }

    [Fact]
    public void Prove_writes_a_proof_that_check_accepts_against_the_published_root_and_rejects_otherwise()
    {
        Seed();
        string proof = Path.Combine(_dir, "proof.json");
        var made = Run(ProveCommand.Create(), ["checkpoint:g2", "--output", proof, .. Keyed]);
        Assert.True(made.Exit == 0, made.Err + made.Out);
        string root = made.Out.Split('\n').Single(l => l.StartsWith("root: ", StringComparison.Ordinal))[6..];
        string size = made.Out.Split('\n').Single(l => l.StartsWith("tree_size: ", StringComparison.Ordinal))[11..];

        var good = Run(ProveCommand.Create(), ["--check", proof, "--root", root, "--size", size, .. Keyed]);
        Assert.Equal(0, good.Exit);
        Assert.Contains("included: true", good.Out);

        string wrong = (root[0] == 'a' ? "b" : "a") + root[1..];
        var rejected = Run(ProveCommand.Create(), ["--check", proof, "--root", wrong, "--size", size, .. Keyed]);
        Assert.Equal(1, rejected.Exit);
        Assert.Contains("status: failed", rejected.Out);
    }

    [Fact]
    public void Lineage_prints_the_tree_and_an_unknown_id_is_one_line_with_exit_2()
    {
        Seed();
        var tree = Run(LineageCommand.Create(), ["checkpoint:g2", "--ledger", Db]);
        Assert.Equal(0, tree.Exit);
        Assert.Contains("└─ used by promote:g2 [activity promotion]", tree.Out);
        Assert.Contains("id: checkpoint:g2", tree.Out);

        var unknown = Run(LineageCommand.Create(), ["checkpoint:g9", "--ledger", Db]);
        Assert.Equal(2, unknown.Exit);
        Assert.Single(unknown.Err.Trim().Split('\n'));
        Assert.StartsWith("error: lineage checkpoint:g9:", unknown.Err);
    }

    [Fact]
    public void A_missing_ledger_is_bad_input_not_a_new_empty_ledger()
    {
        var r = Run(LogCommand.Create(), ["--ledger", Path.Combine(_dir, "nope.db")]);
        Assert.Equal(2, r.Exit);
        Assert.Contains("file not found", r.Err);
        Assert.False(File.Exists(Path.Combine(_dir, "nope.db")));
    }

    [Fact]
    public void Log_sign_has_the_notary_create_its_key_and_store_a_tree_head_and_export_writes_PROV_JSON()
    {
        Seed();
        var log = Run(LogCommand.Create(), ["--sign", .. Keyed]);
        Assert.True(log.Exit == 0, log.Err + log.Out);
        Assert.Contains("tree_heads: 1", log.Out);
        Assert.True(File.Exists(Path.Combine(Judge, "notary.key")));
        Assert.True(File.Exists(Path.Combine(_dir, "notary.pub")));

        string output = Path.Combine(_dir, "prov.json");
        var export = Run(ExportCommand.Create(), ["--prov", "--output", output, "--ledger", Db]);
        Assert.Equal(0, export.Exit);
        Assert.Contains("\"wasAssociatedWith\"", File.ReadAllText(output));
        Assert.Equal(2, Run(ExportCommand.Create(), ["--ledger", Db]).Exit);
    }
}
