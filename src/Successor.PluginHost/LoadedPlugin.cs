// A compiled plug-in loaded into a collectible AssemblyLoadContext of its own and instantiated: the worker
// uses Instance at its extension point and unloads the context when training ends. The extension points'
// assembly comes from the worker's own context, so the interface the plug-in implements is the trainer's.
using System.Runtime.Loader;
using Successor.Plugins;

namespace Successor.PluginHost;

public sealed class LoadedPlugin : IDisposable
{
    readonly AssemblyLoadContext context;

    LoadedPlugin(AssemblyLoadContext context, ExtensionPoint point, object instance)
    {
        this.context = context;
        Point = point;
        Instance = instance;
    }

    public ExtensionPoint Point { get; }
    public object Instance { get; }

    public static LoadedPlugin Load(PluginBuild build)
    {
        if (build.Assembly is null || build.TypeName is null)
            throw new InvalidOperationException($"plug-in {build.Hash} did not compile; it cannot be loaded");
        var context = new AssemblyLoadContext($"plugin {build.Hash}", isCollectible: true);
        try
        {
            using var bytes = new MemoryStream(build.Assembly, writable: false);
            var type = context.LoadFromStream(bytes).GetType(build.TypeName, throwOnError: true)!;
            return new(context, build.Point, Activator.CreateInstance(type)!);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    public void Dispose() => context.Unload();
}
