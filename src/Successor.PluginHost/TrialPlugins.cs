// Inside a trial's worker: the recipe's plug-ins, each found among the sources the lab handed the worker by
// the hash the recipe names, compiled and screened again here (nothing compiled outside is trusted), loaded
// into a collectible context of its own and set at its extension point.
using System.Security.Cryptography;
using System.Text;
using Successor.Plugins;
using Successor.Training.Plugins;
using Successor.Training.Recipes;

namespace Successor.PluginHost;

public static class TrialPlugins
{
    public static (TrainingPlugins Plugins, IDisposable Unload) Load(Recipe recipe, IReadOnlyList<string> sources)
    {
        var byHash = sources.Where(File.Exists).Select(File.ReadAllBytes)
            .GroupBy(b => PluginDigest.Prefix + Convert.ToHexStringLower(SHA256.HashData(b)))
            .ToDictionary(g => g.Key, g => Encoding.UTF8.GetString(g.First()), StringComparer.Ordinal);
        var loaded = new List<LoadedPlugin>();
        var unload = new Unloader(loaded);
        try
        {
            var plugins = TrainingPlugins.None;
            foreach (var (key, digest) in recipe.PluginKeys())
            {
                if (digest is null) continue;
                var point = ExtensionPoints.Parse(key[..^"_plugin".Length])!.Value;
                if (!byHash.TryGetValue(digest, out var source))
                    throw new InvalidDataException($"{key} {digest}: no source given to the worker hashes to it");
                var build = PluginCompiler.Compile(point, source);
                if (!build.Ok)
                    throw new InvalidDataException($"{key} {digest} does not compile here: "
                        + string.Join("; ", build.Diagnostics.Take(3)));
                var plugin = LoadedPlugin.Load(build);
                loaded.Add(plugin);
                plugins = point switch
                {
                    ExtensionPoint.LearningRateSchedule =>
                        plugins with { Schedule = (ILearningRateSchedule)plugin.Instance },
                    ExtensionPoint.Activation => plugins with { Activation = (IActivation)plugin.Instance },
                    ExtensionPoint.DataFilter => plugins with { DataFilter = (IDataFilter)plugin.Instance },
                    _ => plugins with { AuxiliaryLoss = (IAuxiliaryLoss)plugin.Instance },
                };
            }
            return (plugins, unload);
        }
        catch
        {
            unload.Dispose();
            throw;
        }
    }

    sealed class Unloader(List<LoadedPlugin> loaded) : IDisposable
    {
        public void Dispose()
        {
            foreach (var plugin in loaded) plugin.Dispose();
            loaded.Clear();
        }
    }
}
