// `successor run`: runs the lab in lab.json (the embedded default when there is none), continuing from
// whatever its ledger already records. Ctrl+C or `successor halt` stops the workers and exits with 130; a
// gate waiting for a person exits with 4. Run again to resume.
using System.Runtime.InteropServices;
using Successor.Cli.Output;
using Successor.Lab.Loop;
using Successor.Records;
using Successor.Safety.Audit;
using Successor.Safety.Gates;

namespace Successor.Cli.Commands.Lab;

public static class RunCommand
{
    public static Command Create()
    {
        var labOptions = new LabOptions();
        var work = LabCli.WorkOption();
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        return CliCommand.Create("run",
            "Run the lab: each generation plans, runs and verifies the training of its successor",
            [.. labOptions.All, work, threads, json], r =>
        {
            string path = r.GetValue(labOptions.Config)!;
            var lab = labOptions.LoadConfig(r);
            CommonOptions.Kernels(r.GetValue(threads));
            var (store, journal) = labOptions.Open(r, lab, create: true);
            using var _ = store;
            bool asJson = r.GetValue(json);
            // Ctrl+C (SIGINT) and SIGTERM (a scheduler, a supervisor) stop the workers and leave a resumable state.
            using var cancel = new CancellationTokenSource();
            void Stop(PosixSignalContext context) { context.Cancel = true; cancel.Cancel(); }
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (!asJson)
                Console.WriteLine($"lab {lab.Name}: {(File.Exists(path) ? path : "embedded default")}, "
                    + $"ledger {store.Location}, {journal.All("").Count()} records of it so far");
            string folder = Path.Combine(r.GetValue(work)!, lab.Name);
            HaltSwitch.WriteProcessFile(folder);
            string judge = Successor.Ledger.Signing.JudgeFolder.For(r.GetValue(labOptions.Ledger)!);
            var recorded = journal.All(journal.Id("generation", "")).Select(g => GenerationRecord.From(g.Attributes))
                .ToList();
            var progress = new LabProgress(lab, recorded.Where(g => g.Generation > 0).Select(g => g.Seconds),
                recorded.Select(g => g.Generation));
            var view = new LabView(progress, new Printer(asJson), clock);
            try
            {
                view.Run(report => new LabRunner(lab, journal, folder, report, judge).Run(cancel.Token));
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                Console.Error.WriteLine("interrupted: the workers were stopped; every finished trial is in the ledger "
                    + $"({store.Location}); run the same command again to resume");
                return ExitCodes.Interrupted;
            }
            finally { File.Delete(HaltSwitch.ProcessFile(folder)); }
            var rows = LabSummary.Rows(journal);
            var audit = AuditCoverage.Of(store, lab.Name);
            var next = NextSteps.Of(journal, r.GetValue(labOptions.Ledger)!);
            if (asJson)
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(
                    new { lab = lab.Name, generations = rows, audit, champion_checkpoint = next?.Checkpoint,
                        champion_lineage = next?.Lineage }, Models.SnakeCaseJson.Compact));
            else
            {
                Console.Write(LabSummary.Table(rows));
                var headline = lab.Split is null
                    ? HorizonHeadline.For(rows, lab.Curriculum.TrainDifficulties, lab.Curriculum.Families) : null;
                if (headline is not null) Console.WriteLine(headline);
                Console.WriteLine(audit.Promotions == 0 ? "safety audit: no promotion to audit"
                    : $"safety audit: {audit.Audited} of {audit.Promotions} promoted generation(s) ran, passed and "
                        + "recorded every required check" + (audit.NotApplicable.Count > 0 ? " that applied" : ""));
                foreach (var gap in audit.Gaps) Console.WriteLine($"  {gap}");
                foreach (var na in audit.NotApplicable) Console.WriteLine($"  not applicable: {na}");
                foreach (var line in next?.Lines() ?? []) Console.WriteLine(line);
            }
            return ExitCodes.Success;
        });
    }
}
