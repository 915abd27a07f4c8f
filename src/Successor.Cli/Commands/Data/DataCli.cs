// `successor data`: corpora — split into train / validation / sealed holdout, inspect, check contamination.

namespace Successor.Cli.Commands.Data;

public static class DataCli
{
    public static Command Create() => new("data", "Corpora: split, inspect, contamination")
    {
        SplitCommand.Create(),
        InspectCommand.Create(),
        ContaminationCommand.Create(),
    };
}
