// `successor person add|revoke|list`: the named people who may view, approve and administer labs.
using Successor.Cli.Commands.Ledger;
using Successor.Safety.Gates;

namespace Successor.Cli.Commands.Gates;

public static class PersonCommand
{
    public static Command Create()
    {
        var command = new Command("person", "Add, revoke and list the people who may approve, reject and halt");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Revoke());
        command.Subcommands.Add(List());
        return command;
    }

    static Command Add()
    {
        var name = new Argument<string>("name") { Description = "A short name: a–z, 0–9, '.', '_' or '-'" };
        var role = new Option<string>("--role")
        {
            Description = "viewer, approver or admin (the first person must be an admin)",
            DefaultValueFactory = _ => "approver",
        };
        var (ledger, token, json) = (LedgerCli.LedgerOption(), GateCli.TokenOption(), CommonOptions.Json());
        return CliCommand.Create("add",
            "Add a person and print their token, once; an admin's token is needed unless this is the first person",
            [name, role, ledger, token, json], r =>
        {
            // Adding the first admin may come before the lab's first run: the ledger is created if needed.
            using var store = Lab.LabCli.OpenOrCreate(r.GetValue(ledger)!);
            var (person, issued) = new PersonRegistry(store)
                .Add(r.GetValue(name)!, Roles.Parse(r.GetValue(role)!), r.GetValue(token));
            new Output.Printer(r.GetValue(json))
                .Result([("person", person.Id), ("role", Roles.Name(person.Role)), ("token", issued)]);
            if (!r.GetValue(json))
                Console.Error.WriteLine("keep the token safe: it is shown only now; only its SHA-256 is stored. " +
                    $"Use it as {GateCli.TokenVariable}.");
            return ExitCodes.Success;
        });
    }

    static Command Revoke()
    {
        var name = new Argument<string>("name");
        var (ledger, token) = (LedgerCli.LedgerOption(), GateCli.TokenOption());
        return CliCommand.Create("revoke", "Revoke a person's token (an admin's token is needed)",
            [name, ledger, token], r =>
        {
            using var store = LedgerCli.Open(r.GetValue(ledger)!);
            var person = new PersonRegistry(store).Revoke(r.GetValue(name)!, r.GetValue(token));
            Console.WriteLine($"revoked: {person.Id}");
            return ExitCodes.Success;
        });
    }

    static Command List()
    {
        var (ledger, json) = (LedgerCli.LedgerOption(), CommonOptions.Json());
        return CliCommand.Create("list", "The people the ledger knows, with their roles", [ledger, json], r =>
        {
            using var store = LedgerCli.Open(r.GetValue(ledger)!);
            var people = new PersonRegistry(store).All().Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
            if (r.GetValue(json))
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(
                    people.Select(p => new { id = p.Id, role = Roles.Name(p.Role), revoked = p.Revoked })));
            else
                foreach (var p in people)
                    Console.WriteLine($"{p.Id}\t{Roles.Name(p.Role)}{(p.Revoked ? "\trevoked" : "")}");
            return ExitCodes.Success;
        });
    }
}
