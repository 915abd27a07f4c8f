// `successor halt --reason …`: the kill switch. Records who halted the lab and why, asks the running lab
// to stop (SIGTERM: it kills its workers and exits 130), and if it has not stopped after the grace period
// kills the lab and its workers outright. Either way `successor run` resumes from the ledger.
using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Successor.Cli.Commands.Lab;
using Successor.Cli.Commands.Ledger;
using Successor.Lab.Loop;
using Successor.Safety.Gates;

namespace Successor.Cli.Commands.Gates;

public static partial class HaltCommand
{
    public static Command Create()
    {
        var (config, work, reason, ledger, token) = (LabCli.ConfigOption(), LabCli.WorkOption(), GateCli.ReasonOption(), LedgerCli.LedgerOption(), GateCli.TokenOption());
        var grace = new Option<double>("--grace") { Description = "Seconds the lab has to stop by itself before it is killed", DefaultValueFactory = _ => 3 };
        var command = new Command("halt", "Stop a running lab and every worker within seconds; `successor run` resumes it") { config, work, reason, ledger, token, grace };
        command.SetAction(r =>
        {
            var lab = LabCli.LoadConfig(r.GetValue(config)!);
            using var store = LedgerCli.Open(r.GetValue(ledger)!);
            var who = new PersonRegistry(store).Authenticate(r.GetValue(token), Role.Approver);
            string id = new HaltSwitch(store, lab.Name).Request(who.Id, r.GetValue(reason)!);
            var clock = Stopwatch.StartNew();
            var process = HaltSwitch.RunningProcess(Path.Combine(r.GetValue(work)!, lab.Name));
            if (process is null)
            {
                Console.WriteLine($"{id} recorded; no running process of lab {lab.Name} was found here (a lab on another machine stops at its next safe point)");
                return ExitCodes.Success;
            }
            _ = Kill(process.Id, SigTerm);
            bool stopped = process.WaitForExit(TimeSpan.FromSeconds(Math.Max(0, r.GetValue(grace))));
            if (!stopped)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            Console.WriteLine($"{id} recorded; lab {lab.Name} (process {process.Id}) {(stopped ? "stopped" : "was killed")} in {clock.Elapsed.TotalSeconds:0.0} s; `successor run` resumes it");
            return ExitCodes.Success;
        });
        return command;
    }

    const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
