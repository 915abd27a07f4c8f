// `successor trial-node FOLDER --job JOBFOLDER`: what a Slurm job of a lab runs on its node (not for people to
// run). It supervises the trial's worker there as the local pool would and writes the verdict to JOBFOLDER;
// SIGTERM (scancel, a preemption) stops the worker and exits 130 without a verdict.
using System.Runtime.InteropServices;
using Successor.Lab.Slurm;

namespace Successor.Cli.Commands.Lab;

public static class TrialNodeCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Trial folder with spec.json" };
        var job = new Option<string>("--job") { Description = "The job's folder, for its verdict", Required = true };
        var seconds = new Option<double>("--seconds")
            { Description = "The trial's wall-clock budget", Required = true };
        var threads = new Option<int>("--threads")
            { Description = "Threads of the worker", DefaultValueFactory = _ => 1 };
        var sandbox = new Option<string>("--sandbox") { Description = "on or off", DefaultValueFactory = _ => "on" };
        sandbox.AcceptOnlyFromAmong("on", "off");
        var command = new Command(SlurmNode.Verb, "Run one trial of a Slurm job on its node (started by sbatch)")
            { folder, job, seconds, threads, sandbox };
        command.Hidden = true;
        command.SetAction(r =>
        {
            using var cancel = new CancellationTokenSource();
            void Stop(PosixSignalContext context) { context.Cancel = true; cancel.Cancel(); }
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            var result = SlurmNode.Run(r.GetValue(folder)!, r.GetValue(job)!, TimeSpan.FromSeconds(r.GetValue(seconds)),
                r.GetValue(threads), r.GetValue(sandbox) == "on", cancel.Token);
            Console.WriteLine($"{result.Id}: {result.Status}{(result.Ok ? "" : $": {result.Error}")}");
            return ExitCodes.Success;
        });
        return command;
    }
}
