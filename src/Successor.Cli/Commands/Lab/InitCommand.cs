// `successor init`: writes lab.json with every default and a comment on each field.
using Successor.Lab.Config;

namespace Successor.Cli.Commands.Lab;

public static class InitCommand
{
    public static Command Create()
    {
        var config = LabCli.ConfigOption();
        var force = new Option<bool>("--force") { Description = "Overwrite an existing config" };
        return CliCommand.Create("init", "Write a lab config with commented defaults", [config, force], r =>
        {
            string path = r.GetValue(config)!;
            if (File.Exists(path) && !r.GetValue(force))
                throw new UsageException(
                    $"{path} already exists; edit it, or pass --force to overwrite it with the defaults");
            File.WriteAllText(path, LabConfigJson.Template(new LabConfig()));
            Console.WriteLine($"wrote {path}; run the lab with: successor run");
            return ExitCodes.Success;
        });
    }
}
