// The plug-in compiler and its compile-time screen, in process: a good plug-in compiles, loads into a
// collectible context and answers at its extension point; a compile error names its line and a repair
// compiles; every hostile plug-in of the red team is refused naming the API it reached for.
using Successor.Plugins;

namespace Successor.PluginHost.Tests;

public sealed class PluginCompilerTests
{
    [Fact]
    public void A_schedule_compiles_loads_into_its_own_context_and_answers_at_its_point()
    {
        var build = PluginCompiler.Compile(ExtensionPoint.LearningRateSchedule, PluginSources.Floor);
        Assert.True(build.Ok, string.Join("\n", build.Diagnostics));
        Assert.Equal("WarmFloor", build.TypeName);
        Assert.Equal(Successor.Training.Recipes.PluginDigest.Of(PluginSources.Floor), build.Hash);
        using var plugin = LoadedPlugin.Load(build);
        var schedule = Assert.IsAssignableFrom<ILearningRateSchedule>(plugin.Instance);
        Assert.Equal(0.3, schedule.LearningRate(new(50, 100, 10, 1.0, 0.1, 0.2)), 12);
        Assert.Equal(0.9, schedule.LearningRate(new(50, 100, 10, 1.0, 0.1, 0.9)), 12);
        Assert.NotSame(typeof(PluginCompilerTests).Assembly, plugin.Instance.GetType().Assembly);
        Assert.True(System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(plugin.Instance.GetType().Assembly)!
            .IsCollectible);
    }

    [Fact]
    public void The_same_source_compiles_to_the_same_bytes()
    {
        var a = PluginCompiler.Compile(ExtensionPoint.LearningRateSchedule, PluginSources.Floor);
        var b = PluginCompiler.Compile(ExtensionPoint.LearningRateSchedule, PluginSources.Floor);
        Assert.Equal(a.Assembly, b.Assembly);
    }

    [Fact]
    public void A_compile_error_names_its_lines_and_the_repaired_source_compiles()
    {
        var broken = PluginCompiler.Compile(ExtensionPoint.LearningRateSchedule, PluginSources.Broken);
        Assert.False(broken.Ok);
        Assert.Contains(broken.Diagnostics, d => d.StartsWith("plugin.cs(8,", StringComparison.Ordinal)
            && d.Contains("error CS1002: ; expected", StringComparison.Ordinal));
        Assert.Contains(broken.Diagnostics, d => d.StartsWith("plugin.cs(9,", StringComparison.Ordinal)
            && d.Contains("'Math' does not contain a definition for 'Mux'", StringComparison.Ordinal));
        Assert.Empty(broken.Refusals);
        // the repair a researcher would make from those two lines
        string repaired = PluginSources.Broken.Replace("PeakLearningRate\n", "PeakLearningRate;\n")
            .Replace("Math.Mux", "Math.Max");
        Assert.True(PluginCompiler.Compile(ExtensionPoint.LearningRateSchedule, repaired).Ok);
    }

    [Fact]
    public void A_source_without_one_public_implementation_of_its_point_says_so()
    {
        var build = PluginCompiler.Compile(ExtensionPoint.DataFilter, PluginSources.Floor);
        Assert.False(build.Ok);
        Assert.Equal("plugin.cs: holds 0 public classes implementing Successor.Plugins.IDataFilter with a public "
            + "parameterless constructor; it must hold exactly one", Assert.Single(build.Diagnostics));
    }

    public static TheoryData<string> Attacks() => [.. PluginSources.Refused.Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Each_reach_past_the_extension_point_is_refused_naming_what_it_reached_for(string attack)
    {
        var (_, source, refused) = PluginSources.Refused.Single(a => a.Name == attack);
        var build = PluginCompiler.Compile(ExtensionPoint.LearningRateSchedule, source);
        Assert.False(build.Ok);
        Assert.Null(build.Assembly);
        Assert.Contains(build.Refusals, r => r.Contains(refused, StringComparison.Ordinal));
        Assert.All(build.Refusals, r => Assert.Matches(@"^plugin\.cs\(\d+,\d+\): refused: ", r));
    }

    [Fact]
    public void Spinning_and_allocating_pass_the_screen_for_the_sandbox_to_hold()
    {
        Assert.True(PluginCompiler.Compile(ExtensionPoint.LearningRateSchedule, PluginSources.Spin).Ok);
        Assert.True(PluginCompiler.Compile(ExtensionPoint.LearningRateSchedule, PluginSources.Allocate).Ok);
    }

    [Fact]
    public void It_compiles_against_the_core_library_and_the_extension_points_alone()
    {
        Assert.Equal(["System.Private.CoreLib.dll", "System.Runtime.dll", "Successor.Plugins.dll"],
            PluginCompiler.References);
        // a type of the lab is not there to be named, so no plug-in can call the evaluator directly
        var build = PluginCompiler.Compile(ExtensionPoint.LearningRateSchedule,
            PluginSources.Schedule("var v = new Successor.Training.Recipes.Recipe();"));
        Assert.Contains(build.Diagnostics, d => d.Contains("error CS0234", StringComparison.Ordinal));
    }
}
