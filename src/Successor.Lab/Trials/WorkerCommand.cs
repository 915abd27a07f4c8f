// How to start this same program as a worker: the apphost directly, or `dotnet successor.dll`.
using System.Diagnostics;

namespace Successor.Lab.Trials;

public static class WorkerCommand
{
    public const string Verb = "trial";

    /// <summary>With watchParent the worker exits when the lab is gone; a sandboxed worker cannot see the lab's
    /// process id (its own pid namespace) and dies with the sandbox instead.</summary>
    public static ProcessStartInfo For(string folder, bool watchParent = true)
    {
        string process = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(process) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
            start.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
        start.ArgumentList.Add(Verb);
        start.ArgumentList.Add(folder);
        if (!watchParent) return start;
        start.ArgumentList.Add("--parent");
        start.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return start;
    }
}
