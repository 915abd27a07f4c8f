// `successor plugin compile FOLDER`: compiles FOLDER/request.json's plug-in (its point and C# source) with
// Roslyn and the compile-time screen, and writes FOLDER/compile.json: the source's hash, whether it compiled,
// the compile log and the refusals. The lab runs it as a sandboxed worker; it exits 0 whenever it wrote the
// result, compiled or not, and prints the log and `ok:` and `hash:` lines.
using Successor.Lab.Plugins;
using Successor.PluginHost;
using Successor.Plugins;

namespace Successor.Cli.Commands.Plugin;

public static class PluginCompileCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder")
            { Description = $"Folder with {PluginCompileResult.RequestFile}: {{\"point\": …, \"source\": …}}" };
        var command = new Command(PluginWorkerCommand.Verb,
            "Compile and screen one plug-in; writes compile.json beside its request") { folder };
        command.SetAction(r =>
        {
            string path = r.GetValue(folder)!;
            var request = PluginCompileResult.LoadRequest(path);
            var point = ExtensionPoints.Parse(request.Point) ?? throw new UsageException(
                $"{Path.Combine(path, PluginCompileResult.RequestFile)}: point '{request.Point}' is not an extension "
                + $"point; use one of {string.Join(", ", ExtensionPoints.All.Select(ExtensionPoints.Name))}");
            var build = PluginCompiler.Compile(point, request.Source);
            new PluginCompileResult
            {
                Point = ExtensionPoints.Name(point), Hash = build.Hash, Ok = build.Ok,
                Diagnostics = build.Diagnostics, Refusals = build.Refusals,
            }.Save(path);
            foreach (string line in build.Diagnostics) Console.WriteLine(line);
            Console.WriteLine($"ok: {(build.Ok ? "true" : "false")}");
            Console.WriteLine($"hash: {build.Hash}");
            return ExitCodes.Success;
        });
        return command;
    }
}
