// `successor halt --reason …`: the kill switch. Records who halted the lab and why, asks the running lab
// to stop (SIGTERM: it kills its workers and exits 130), and if it has not stopped after the grace period
// kills the lab and its workers outright. Either way `successor run` resumes from the ledger.
using Successor.Cli.Commands.Lab;
using Successor.Cli.Commands.Ledger;
using Successor.Lab.Slurm;
using Successor.Safety.Gates;

namespace Successor.Cli.Commands.Gates;

public static class HaltCommand
{
    public static Command Create()
    {
        var (config, work, reason, ledger, token, key) = (LabCli.ConfigOption(), LabCli.WorkOption(),
            GateCli.ReasonOption(), LedgerCli.LedgerOption(), GateCli.TokenOption(), GateCli.KeyOption());
        var grace = new Option<double>("--grace")
            { Description = "Seconds the lab has to stop by itself before it is killed", DefaultValueFactory = _ => 3 };
        return CliCommand.Create("halt",
            "Stop a running lab and every worker within seconds; `successor run` resumes it",
            [config, work, reason, ledger, token, key, grace], r =>
        {
            var lab = LabCli.LoadConfig(r.GetValue(config)!);
            using var store = LedgerCli.Open(r.GetValue(ledger)!);
            var who = new PersonRegistry(store).Authenticate(GateCli.Secret(r, token, key), Role.Approver);
            string id = new HaltSwitch(store, lab.Name).Request(who.Id, r.GetValue(reason)!);
            var stop = HaltSwitch.Stop(Path.Combine(r.GetValue(work)!, lab.Name),
                TimeSpan.FromSeconds(r.GetValue(grace)));
            Console.WriteLine(stop is { } s
                ? $"{id} recorded; lab {lab.Name} (process {s.Process}) "
                    + $"{(s.StoppedByItself ? "stopped" : "was killed")} in {s.Took.TotalSeconds:0.0} s; "
                    + "`successor run` resumes it"
                : $"{id} recorded; no running process of lab {lab.Name} was found here "
                    + "(a lab on another machine stops at its next safe point)");
            if (lab.Executor?.Kind == Successor.Lab.Config.ExecutorConfig.Slurm)
                Console.WriteLine(CancelJobs(lab, Path.Combine(r.GetValue(work)!, lab.Name)));
            return ExitCodes.Success;
        });
    }

    /// <summary>Cancels the lab's jobs still in the queue: a lab that stopped cancelled its own, but one killed
    /// outright, or running on another machine, left them there.</summary>
    static string CancelJobs(Successor.Lab.Config.LabConfig lab, string runFolder)
    {
        string prefix = JobNames.Prefix(lab.Name, SlurmSettings.TrialRootOf(lab, runFolder));
        var jobs = SlurmJobs.WithPrefix(prefix).Where(j => !j.HasEnded).Select(j => j.Id).ToList();
        SlurmJobs.Cancel(jobs);
        return $"cancelled {jobs.Count} Slurm job(s) of lab {lab.Name} still in the queue";
    }
}
