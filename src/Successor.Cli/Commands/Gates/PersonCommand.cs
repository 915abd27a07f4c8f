// `successor person bootstrap|add|revoke|list`: the named people who may view, approve and administer
// labs. Each gets an Ed25519 key pair: the public key goes into the ledger, the private key only into a
// file for them (mode 0600, never in the ledger), whose path is printed. The first admin comes from
// `bootstrap`, allowed only on a ledger with no person; everyone after is added with an admin's key.
using Successor.Cli.Commands.Ledger;
using Successor.Safety.Gates;

namespace Successor.Cli.Commands.Gates;

public static class PersonCommand
{
    public static Command Create()
    {
        var command = new Command("person", "Add, revoke and list the people who may approve, reject and halt");
        command.Subcommands.Add(Bootstrap());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Revoke());
        command.Subcommands.Add(List());
        return command;
    }

    static Option<string?> KeyOut() => new("--key-out")
        { Description = "Where to write the new person's private key (default ~/.successor/keys/NAME.key)" };

    static Command Bootstrap()
    {
        var name = new Argument<string>("name") { Description = "The first admin's short name" };
        var (ledger, keyOut, judge, json) =
            (LedgerCli.LedgerOption(), KeyOut(), LedgerCli.JudgeOption(), CommonOptions.Json());
        var command = new Command("bootstrap",
            "Record the first admin (only on a ledger with no person; countersigned with the notary's key from the "
            + "judge folder) and write their private key to a file")
            { name, ledger, keyOut, judge, json };
        command.SetAction(r =>
        {
            // The first admin may come before the lab's first run: the ledger is created if needed.
            using var store = Lab.LabCli.OpenOrCreate(r.GetValue(ledger)!);
            string path = GateCli.KeyFileFor(r.GetValue(keyOut), r.GetValue(name)!);
            string judgeFolder = LedgerCli.Judge(r.GetValue(judge), r.GetValue(ledger)!);
            return Issued(path, r.GetValue(json),
                key => new PersonRegistry(store).Bootstrap(r.GetValue(name)!, key, judgeFolder));
        });
        return command;
    }

    static Command Add()
    {
        var name = new Argument<string>("name") { Description = "A short name: a–z, 0–9, '.', '_' or '-'" };
        var role = new Option<string>("--role")
            { Description = "viewer, approver or admin", DefaultValueFactory = _ => "approver" };
        var (ledger, token, key, keyOut, json) = (LedgerCli.LedgerOption(), GateCli.TokenOption(), GateCli.KeyOption(),
            KeyOut(), CommonOptions.Json());
        return CliCommand.Create("add",
            "Add a person, signed with an admin's key, and write the new person's private key to a file",
            [name, role, ledger, token, key, keyOut, json], r =>
        {
            using var store = LedgerCli.Open(r.GetValue(ledger)!);
            string path = GateCli.KeyFileFor(r.GetValue(keyOut), r.GetValue(name)!);
            var (registry, admin) = (new PersonRegistry(store), GateCli.Secret(r, token, key));
            return Issued(path, r.GetValue(json),
                issued => registry.Add(r.GetValue(name)!, Roles.Parse(r.GetValue(role)!), admin, issued));
        });
    }

    /// <summary>Writes a new key to its file first (never overwriting one), then records the person; a refused
    /// record takes the file back, so no key exists for a person the ledger does not know.</summary>
    static int Issued(string path, bool json, Func<PersonKey, (Identity Person, PersonKey Key)> record)
    {
        var key = PersonKey.New();
        key.Save(path);
        Identity person;
        try { person = record(key).Person; }
        catch
        {
            File.Delete(path);
            throw;
        }
        new Output.Printer(json).Result([("person", person.Id), ("role", Roles.Name(person.Role)),
            ("public_key", person.PublicKey), ("key_file", Path.GetFullPath(path))]);
        if (!json)
            Console.Error.WriteLine($"give {path} to {person.Id} alone: it is their private key (mode 0600) and "
                + $"exists nowhere else. Use it with --key {path}, or its text as {GateCli.TokenVariable}.");
        return ExitCodes.Success;
    }

    static Command Revoke()
    {
        var name = new Argument<string>("name");
        var (ledger, token, key) = (LedgerCli.LedgerOption(), GateCli.TokenOption(), GateCli.KeyOption());
        return CliCommand.Create("revoke", "Revoke a person's key (signed with an admin's key)",
            [name, ledger, token, key], r =>
        {
            using var store = LedgerCli.Open(r.GetValue(ledger)!);
            var person = new PersonRegistry(store).Revoke(r.GetValue(name)!, GateCli.Secret(r, token, key));
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
