// How a command is put together: its name and description, its arguments and options in the order help
// lists them, and the action that returns the exit code.
namespace Successor.Cli.Commands.Shared;

public static class CliCommand
{
    public static Command Create(string name, string description, IEnumerable<Symbol> symbols,
        Func<ParseResult, int> action)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument) command.Arguments.Add(argument);
            else command.Options.Add((Option)symbol);
        }
        command.SetAction(action);
        return command;
    }
}
