// `successor approve|reject REQUEST --reason …`: a named approver decides a gate request, signed with their
// private key. The identity comes from the key, never from a name on the command line.
using Successor.Cli.Commands.Ledger;
using Successor.Safety.Gates;

namespace Successor.Cli.Commands.Gates;

public static class DecideCommand
{
    public static Command Create(bool approve)
    {
        var request = new Argument<string>("request")
            { Description = "The request id, as `successor status` or the waiting lab prints it" };
        var (reason, ledger, token, key, json) = (GateCli.ReasonOption(), LedgerCli.LedgerOption(),
            GateCli.TokenOption(), GateCli.KeyOption(), CommonOptions.Json());
        return CliCommand.Create(approve ? "approve" : "reject",
            approve ? "Approve a pending gate request" : "Reject a pending gate request",
            [request, reason, ledger, token, key, json], r =>
        {
            using var store = LedgerCli.Open(r.GetValue(ledger)!);
            var who = new PersonRegistry(store).Authenticate(GateCli.Secret(r, token, key), Role.Approver);
            var decision = new Gatekeeper(store).Decide(r.GetValue(request)!, who, approve, r.GetValue(reason)!);
            new Output.Printer(r.GetValue(json)).Result([("request", decision.RequestId), ("decision", decision.Verb),
                ("by", decision.By), ("reason", decision.Reason), ("lag_seconds", decision.LagSeconds)]);
            return ExitCodes.Success;
        });
    }
}
