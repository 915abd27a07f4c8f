// `successor curriculum`: the built-in verifiable curriculum (generate problems, train on them).

namespace Successor.Cli.Commands.Curriculum;

public static class CurriculumCli
{
    public static Command Create() => new("curriculum", "The built-in verifiable curriculum")
    {
        CurriculumGenerateCommand.Create(),
        CurriculumTrainCommand.Create(),
    };
}
