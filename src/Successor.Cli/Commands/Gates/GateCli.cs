// What the commands that change a lab share: the person's key — from --key FILE (the file `successor
// person add` wrote), else --token or SUCCESSOR_TOKEN (the same text; the environment keeps it out of
// shell history), else the file named by SUCCESSOR_KEY — and where a new person's key file goes.
using Successor.Safety.Gates;

namespace Successor.Cli.Commands.Gates;

public static class GateCli
{
    public const string TokenVariable = "SUCCESSOR_TOKEN";

    public static Option<string?> TokenOption() => new("--token")
    {
        Description = $"Your key's text (default ${TokenVariable}); `successor person add` writes it to a file",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(TokenVariable),
    };

    public static Option<string?> KeyOption() => new("--key")
    {
        Description = $"Your private key file (default ${PersonKey.FileVariable} when no token is given)",
    };

    public static Option<string> ReasonOption() =>
        new("--reason") { Description = "Why; recorded in the ledger", Required = true };

    /// <summary>The key's text: the --key file's, else the token, else the $SUCCESSOR_KEY file's, else null.</summary>
    public static string? Secret(ParseResult r, Option<string?> token, Option<string?> keyFile)
    {
        string? file = r.GetValue(keyFile);
        if (file is not null) return PersonKey.FromFile(file).Secret;
        if (r.GetValue(token) is { Length: > 0 } given) return given;
        return Environment.GetEnvironmentVariable(PersonKey.FileVariable) is { Length: > 0 } env
            ? PersonKey.FromFile(env).Secret : null;
    }

    /// <summary>Where a new person's private key is written: --key-out, else ~/.successor/keys/NAME.key.</summary>
    public static string KeyFileFor(string? given, string name) => given ?? Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".successor", "keys", $"{name}.key");
}
