// The real `successor` built beside the tests as a sandboxed worker: compiling a plug-in, or running a trial
// whose recipe carries one, through the lab's own SandboxedPluginCompiler and TrialRunner.
using System.Diagnostics;
using Successor.Lab.Config;
using Successor.Lab.Sandbox;
using Successor.Lab.Trials;

namespace Successor.Cli.Tests.Plugins;

public static class PluginWorkers
{
    static string Dotnet => Path.Combine(WorkerPrograms.DotnetRoot!, "dotnet");

    static IReadOnlyList<string> Programs => [Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory),
        WorkerPrograms.DotnetRoot!];

    static ProcessStartInfo Successor(params string[] args)
    {
        var start = new ProcessStartInfo(Dotnet) { UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "successor.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        return start;
    }

    /// <summary>`successor plugin compile FOLDER` in the sandbox, decoys at `forbidden`.</summary>
    public static WorkerLaunch Compile(IReadOnlyList<string> forbidden) =>
        new(folder => Successor("plugin", "compile", folder), Programs,
            new WorkerSandbox(global::Successor.Lab.Plugins.SandboxedPluginCompiler.Limits)) { Forbidden = forbidden };

    /// <summary>`successor trial FOLDER` in the sandbox under `limits`.</summary>
    public static WorkerLaunch Trial(SandboxLimits limits) =>
        new(folder => Successor("trial", folder), Programs, new WorkerSandbox(limits));

    /// <summary>A short curriculum trial of the default recipe with `recipe` changes.</summary>
    public static TrialSpec Spec(string id, Func<global::Successor.Training.Recipes.Recipe,
        global::Successor.Training.Recipes.Recipe> recipe, params string[] plugins) => new()
    {
        Id = id, Recipe = recipe(LabDefaults.Recipe with { Steps = 30, WarmupSteps = 5, EvalInterval = 0 }),
        Plugins = plugins, CheckpointEvery = 1000,
    };
}
