// What the commands that change a lab share: the person's token, from --token or SUCCESSOR_TOKEN (the
// environment keeps it out of shell history).

namespace Successor.Cli.Commands.Gates;

public static class GateCli
{
    public const string TokenVariable = "SUCCESSOR_TOKEN";

    public static Option<string?> TokenOption() => new("--token")
    {
        Description = $"Your token (default ${TokenVariable}); `successor person add` issues one",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(TokenVariable),
    };

    public static Option<string> ReasonOption() =>
        new("--reason") { Description = "Why; recorded in the ledger", Required = true };
}
