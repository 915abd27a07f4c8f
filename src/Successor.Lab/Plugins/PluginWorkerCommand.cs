// How to start this same program to compile a plug-in in a folder (`successor plugin compile FOLDER`): the
// worker job that runs Roslyn, inside the sandbox, on a researcher's source.
using System.Diagnostics;

namespace Successor.Lab.Plugins;

public static class PluginWorkerCommand
{
    public const string Noun = "plugin", Verb = "compile";

    public static ProcessStartInfo Compile(string folder)
    {
        string process = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(process) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
            start.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
        start.ArgumentList.Add(Noun);
        start.ArgumentList.Add(Verb);
        start.ArgumentList.Add(folder);
        return start;
    }
}
