// `successor`: the lab's command line. Commands are thin: they parse, call the libraries, and print.
using Successor.Cli;
using Successor.Cli.Commands;
using Successor.Cli.Commands.Ledger;

var root = new RootCommand("Successor: a lab in which small language models train their successors.")
{
    TrainCommand.Create(),
    SampleCommand.Create(),
    EvalCommand.Create(),
    BenchCommand.Create(),
    LineageCommand.Create(),
    LogCommand.Create(),
    VerifyCommand.Create(),
    NotaryCommand.Create(),
    WitnessCommand.Create(),
    Successor.Cli.Commands.Interop.ModelExportCommand.Create(),
    Successor.Cli.Commands.Interop.ImportCommand.Create(),
    ProveCommand.Create(),
    Successor.Cli.Commands.Data.DataCli.Create(),
    Successor.Cli.Commands.Curriculum.CurriculumCli.Create(),
    Successor.Cli.Commands.CompareCommand.Create(),
    Successor.Cli.Commands.SchemaCommand.Create(),
    Successor.Cli.Commands.Lab.InitCommand.Create(),
    Successor.Cli.Commands.Lab.RunCommand.Create(),
    Successor.Cli.Commands.Lab.StatusCommand.Create(),
    Successor.Cli.Commands.Lab.TrialCommand.Create(),
    Successor.Cli.Commands.Lab.TrialNodeCommand.Create(),
    Successor.Cli.Commands.Gates.PersonCommand.Create(),
    Successor.Cli.Commands.Gates.DecideCommand.Create(approve: true),
    Successor.Cli.Commands.Gates.DecideCommand.Create(approve: false),
    Successor.Cli.Commands.Gates.HaltCommand.Create(),
    Successor.Cli.Commands.ServeCommand.Create(),
    Successor.Cli.Commands.Judge.JudgeCli.Create(),
    Successor.Cli.Commands.Plugin.PluginCli.Create(),
};
// Alone, `successor` shows what to do first; its own --help groups the commands by what they are for.
if (args.Length == 0)
{
    Console.Write(Successor.Cli.Output.RootHelp.Welcome());
    return ExitCodes.Success;
}
if (args is ["--help"] or ["-h"] or ["-?"] or ["help"])
{
    Console.Write(Successor.Cli.Output.RootHelp.Grouped(root));
    return ExitCodes.Success;
}
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var line in Successor.Cli.Output.ParseErrorText.Lines(parsed)) Console.Error.WriteLine($"error: {line}");
    return ExitCodes.BadInput;
}
return Failures.Guard(() => parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
