// `successor judge serve`: answers the lab's requests (one JSON line each on stdin) with verdicts and
// statistics (one JSON line each on stdout) until stdin closes. Anything else the process prints goes to
// stderr, so nothing but answers ever reaches the lab. Exit codes: 0 when the lab closed its input, 2 bad
// input (--threads below 1).
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
            var answers = Console.Out;
            Console.SetOut(Console.Error);
            new JudgeServer(r.GetValue(secrets)!).Serve(Console.In, answers);
            return ExitCodes.Success;
        });
        return command;
    }
}
