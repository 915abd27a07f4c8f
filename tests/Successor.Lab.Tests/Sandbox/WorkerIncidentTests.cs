// What the lab records when a hostile worker meets the sandbox: a real lab (ledger, journal, the loop) whose
// first trial's worker is a hostile script, launched through the lab's own runner and sandbox. Each attack
// the lab can observe is an incident of the kind that names it, with the severity SAFETY.md gives.
using Successor.Lab.Config;
using Successor.Lab.Loop;
using Successor.Ledger.Artifacts;
using Successor.Ledger.Storage;
using Successor.Safety.Incidents;

namespace Successor.Lab.Tests.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class WorkerIncidentTests
{
    [Theory]
    [InlineData("echo 'forged history' >> \"$1\"", "forbidden-access", Severity.Critical)]
    [InlineData("cat /proc/self/root\"$1\" > \"$FOLDER/copy\"", "forbidden-access", Severity.Critical)]
    [InlineData("ln -s \"$1\" \"$FOLDER/result.json\"", "special-file", Severity.Critical)]
    [InlineData("x=$(head -c 400000000 /dev/zero | tr '\\0' a); sleep 60", "memory-limit", Severity.Warning)]
    [InlineData("bomb() { bomb | bomb & }; bomb; sleep 60", "process-limit", Severity.Warning)]
    [InlineData("head -c 200000000 /dev/zero > \"$FOLDER/big\"", "file-size-limit", Severity.Warning)]
    [InlineData("while :; do :; done", "cpu-limit", Severity.Warning)]
    [InlineData("yes flood", "output-flood", Severity.Warning)]
    [InlineData("exec 3<>/dev/tcp/127.0.0.1/9", "forbidden-syscall", Severity.Critical)]
    public void An_attack_the_lab_can_see_is_recorded_as_an_incident_that_names_it(string script, string kind,
        Severity severity)
    {
        using var hostile = new HostileLab();
        string ledgerPath = Path.Combine(hostile.Root, "lab-ledger.db");
        using (var ledger = LedgerStore.Open(ledgerPath))
        {
            var journal = new LabJournal(ledger, new ArtifactStore(Path.Combine(hostile.Root, "artifacts")), "red");
            // In this test host there is no `successor` program to start the notary with: its failure is a
            // ledger-history incident of its own, which must not pause the lab before the worker runs.
            var config = new LabConfig
            {
                Name = "red", Generations = 1, Budgets = new() { InitialSteps = 10 },
                Gates = new() { Incidents = false },
            };
            var launch = hostile.Launch(script, sandboxed: true, [ledgerPath], forbidden: [ledgerPath]);
            var runner = new LabRunner(config, journal, Path.Combine(hostile.Root, "runs"), _ => { },
                Path.Combine(hostile.Root, "judge"), launch);
            var stopped = Assert.Throws<LabException>(() => runner.Run(CancellationToken.None));
            Assert.Contains("first champion's training failed", stopped.Message);
            var incident = Assert.Single(new IncidentLog(ledger).All("red"), i => i.Kind != "ledger-history");
            Assert.Equal(kind, incident.Kind);
            Assert.Equal(severity, incident.Severity);
            Assert.Contains("g0-initial", incident.Detail);
        }
        // the ledger the worker attacked is whole: every record still chains to the one before
        using var reopened = LedgerStore.Open(ledgerPath);
        Assert.True(reopened.Read().Count() > 3);
    }
}
