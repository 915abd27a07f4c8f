// `successor judge`: the processes on the judge's side of the trust boundary, which alone read the sealed
// holdout and the judge's secrets. The lab starts them (not people).
using Successor.Lab.Judge;

namespace Successor.Cli.Commands.Judge;

public static class JudgeCli
{
    public static Command Create() => new(JudgeClient.Verb,
        "The judge: verdicts on the sealed holdout, in a process of its own (started by successor run)")
    {
        JudgeServeCommand.Create(),
    };
}
