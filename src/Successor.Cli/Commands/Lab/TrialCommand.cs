// `successor trial FOLDER`: the worker process a lab starts for each trial (not for people to run).
// It exits by itself when the lab that started it is gone.
using System.Runtime.InteropServices;
using Successor.Lab.Trials;

namespace Successor.Cli.Commands.Lab;

public static partial class TrialCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Trial folder with spec.json" };
        var parent = new Option<int?>("--parent")
            { Description = "Process id of the lab; the worker exits when it is gone" };
        var command = new Command(WorkerCommand.Verb, "Run one trial (started by successor run)") { folder, parent };
        command.Hidden = true;
        command.SetAction(r =>
        {
            if (r.GetValue(parent) is { } pid) WatchParent(pid);
            var result = TrialWorker.Run(r.GetValue(folder)!, Console.WriteLine,
                plugins: Successor.PluginHost.TrialPlugins.Load);
            Console.WriteLine($"{result.Id}: public score {result.Score:0.0000}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>An orphaned worker is re-parented; it then stops, so a resumed lab can restart the trial
    /// from its last checkpoint without two processes writing one folder.</summary>
    static void WatchParent(int pid)
    {
        if (!OperatingSystem.IsLinux()) return;
        new Thread(() =>
        {
            while (true)
            {
                if (getppid() != pid) Environment.Exit(ExitCodes.Interrupted);
                Thread.Sleep(250);
            }
        }) { IsBackground = true }.Start();
    }

    [LibraryImport("libc")]
    private static partial int getppid();
}
