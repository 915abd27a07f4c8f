// Compiles a plug-in's C# source with Roslyn against a minimal set of assemblies (the runtime's core library
// and the extension points), without unsafe code, after the screen of ForbiddenApis. It must hold exactly one
// public, non-abstract class that implements its extension point's interface and has a public parameterless
// constructor. Deterministic: the same source gives the same bytes, so the worker that runs it compiles it
// again rather than trusting an assembly from outside.
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Successor.Plugins;
using Successor.Training.Recipes;

namespace Successor.PluginHost;

public static class PluginCompiler
{
    public const string FileName = "plugin.cs";

    /// <summary>Longest source accepted, in characters: a plug-in is a class, not a program.</summary>
    public const int MaxSourceLength = 64 * 1024;

    static readonly Lazy<ImmutableArray<MetadataReference>> references = new(() =>
    [
        MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
        MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!,
            "System.Runtime.dll")),
        MetadataReference.CreateFromFile(typeof(IActivation).Assembly.Location),
    ]);

    /// <summary>The assemblies a plug-in is compiled against, by file name.</summary>
    public static IReadOnlyList<string> References =>
        [.. references.Value.Select(r => Path.GetFileName(r.Display ?? ""))];

    public static PluginBuild Compile(ExtensionPoint point, string source)
    {
        string hash = PluginDigest.Of(source);
        if (source.Length > MaxSourceLength)
            return new(point, hash, [$"{FileName}: is {source.Length} characters; at most {MaxSourceLength}"], [],
                null, null);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), FileName,
            Encoding.UTF8);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release, allowUnsafe: false, deterministic: true,
            nullableContextOptions: NullableContextOptions.Disable);
        var compilation = CSharpCompilation.Create("plugin_" + hash[PluginDigest.Prefix.Length..][..16], [tree],
            references.Value, options);
        var model = compilation.GetSemanticModel(tree);
        var diagnostics = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.ToString()).ToList();
        var refusals = ForbiddenApis.Find(model, tree.GetRoot());
        bool errors = compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        string? typeName = null;
        if (!errors && refusals.Count == 0)
        {
            var found = Implementations(compilation, point);
            if (found.Count == 1) typeName = found[0];
            else diagnostics.Add($"{FileName}: holds {found.Count} public classes implementing "
                + $"{ExtensionPoints.Interface(point).FullName} with a public parameterless constructor; it must "
                + "hold exactly one");
        }
        diagnostics.AddRange(refusals);
        if (typeName is null) return new(point, hash, diagnostics, refusals, null, null);
        using var bytes = new MemoryStream();
        var emitted = compilation.Emit(bytes);
        if (!emitted.Success)
        {
            diagnostics.AddRange(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.ToString()));
            return new(point, hash, diagnostics, refusals, null, null);
        }
        return new(point, hash, diagnostics, refusals, bytes.ToArray(), typeName);
    }

    static List<string> Implementations(CSharpCompilation compilation, ExtensionPoint point)
    {
        var contract = compilation.GetTypeByMetadataName(ExtensionPoints.Interface(point).FullName!)
            ?? throw new InvalidOperationException("the extension points' assembly is not among the references");
        var found = new List<string>();
        var stack = new Stack<INamespaceOrTypeSymbol>([compilation.Assembly.GlobalNamespace]);
        while (stack.Count > 0)
        {
            foreach (var member in stack.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns) { stack.Push(ns); continue; }
                if (member is not INamedTypeSymbol type) continue;
                stack.Push(type);
                if (type.TypeKind == TypeKind.Class && !type.IsAbstract && !type.IsGenericType
                    && type.DeclaredAccessibility == Accessibility.Public
                    && (type.ContainingType is null)
                    && type.AllInterfaces.Contains(contract, SymbolEqualityComparer.Default)
                    && type.InstanceConstructors.Any(c => c.Parameters.Length == 0
                        && c.DeclaredAccessibility == Accessibility.Public))
                    found.Add(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)["global::".Length..]);
            }
        }
        return found;
    }
}
