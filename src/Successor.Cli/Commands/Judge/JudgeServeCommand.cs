// `successor judge serve`: answers the lab's requests (one JSON line each on stdin) with verdicts and
// statistics (one JSON line each on stdout) until stdin closes. Anything else the process prints goes to
// stderr, so nothing but answers ever reaches the lab. Exit codes: 0 when the lab closed its input, 2 bad
// input (--threads below 1).
using System.Runtime.InteropServices;
using Successor.Lab.Judge;
using Successor.Ledger.Storage;

namespace Successor.Cli.Commands.Judge;

public static class JudgeServeCommand
{
    public static Command Create()
    {
        var secrets = new Option<string>("--secrets")
        {
            Description = "The judge's folder of secrets (created 0700 on first use)",
            DefaultValueFactory = _ => Path.Combine(LedgerStore.DefaultDirectory, JudgeSecrets.FolderName),
        };
        var threads = CommonOptions.Threads();
        var command = new Command(JudgeClient.ServeVerb, "Answer a lab's requests on stdin (started by successor run)")
            { secrets, threads };
        command.SetAction(r =>
        {
            CommonOptions.Kernels(r.GetValue(threads));
            // Ctrl+C reaches the lab's whole process group: the lab stops at its next safe point, so the judge
            // finishes the answer it is computing and ends when the lab closes its input (or dies).
            static void Ignore(PosixSignalContext context) => context.Cancel = true;
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Ignore);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Ignore);
            var answers = Console.Out;
            Console.SetOut(Console.Error);
            new JudgeServer(r.GetValue(secrets)!).Serve(Console.In, answers);
            return ExitCodes.Success;
        });
        return command;
    }
}
