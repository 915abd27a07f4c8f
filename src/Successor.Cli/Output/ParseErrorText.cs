// The command line's own parse errors in our words: an option's value is named with the kind of value it takes
// ("a whole number"), never the .NET type the parser converts to, and an unknown command or option gets the
// nearest known one.
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Successor.Models;

namespace Successor.Cli.Output;

public static partial class ParseErrorText
{
    public static string Describe(ParseResult parsed, ParseError error)
    {
        string message = error.Message;
        if (CannotParse().Match(message) is { Success: true } value)
            return $"option {value.Groups["option"].Value}: '{value.Groups["value"].Value}' is not " +
                Kind(value.Groups["type"].Value);
        if (Unrecognized().Match(message) is { Success: true } unknown)
        {
            string token = unknown.Groups["token"].Value;
            var command = parsed.CommandResult.Command;
            bool option = token.StartsWith('-');
            var known = option
                ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
                : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            string what = option ? "option" : command.Subcommands.Any(c => !c.Hidden) ? "command" : "argument";
            string help = command.Parents.Any() ? $"successor {CommandPath(command)} --help" : "successor --help";
            return NearestName.Suggest(token.TrimStart('-'), known.Select(k => k.TrimStart('-'))) is { } near
                ? $"unknown {what} '{token}'; did you mean '{(option ? "--" : "")}{near}'? ({help} lists them)"
                : $"unknown {what} '{token}'; {help} lists what it takes";
        }
        if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
        {
            var command = parsed.CommandResult.Command;
            return $"successor {CommandPath(command)} needs a command: " +
                $"{string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
        }
        return message.TrimEnd('.');
    }

    /// <summary>The errors worth a line: an unknown command already says the command is missing.</summary>
    public static IEnumerable<string> Lines(ParseResult parsed)
    {
        var lines = parsed.Errors.Select(e => (e.Message, Text: Describe(parsed, e))).ToList();
        bool unknown = lines.Any(l => Unrecognized().IsMatch(l.Message));
        return lines.Where(l => !(unknown && l.Message.StartsWith("Required command", StringComparison.Ordinal)))
            .Select(l => l.Text);
    }

    static string CommandPath(Command command) =>
        string.Join(' ', Ancestry(command).Reverse().Skip(1).Select(c => c.Name));

    static IEnumerable<Command> Ancestry(Command command)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault()) yield return c;
    }

    /// <summary>The kind of value a parser type takes, in words.</summary>
    static string Kind(string type) => type switch
    {
        _ when type.Contains("Int", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("Single", StringComparison.Ordinal) || type.Contains("Double", StringComparison.Ordinal)
            || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ => "a value it takes",
    };

    [GeneratedRegex(
        @"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>.+)'\.?$")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Unrecognized command or argument '(?<token>.+)'\.?$")]
    private static partial Regex Unrecognized();
}
