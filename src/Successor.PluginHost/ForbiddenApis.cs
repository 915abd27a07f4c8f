// The compile-time screen of a plug-in's source: a walk over its semantic model that refuses every use of an
// API a plug-in has no business with, and unsafe code. A plug-in is compiled against the runtime's core and
// the extension points alone, so it can name no type of the lab (the evaluator, the ledger, the gates); this
// walk closes the core's doors to the machine. What passes it (spinning, allocating) the sandbox holds.
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Successor.PluginHost;

public static class ForbiddenApis
{
    /// <summary>Namespaces a plug-in may not name, nor anything inside them, and what each would reach.</summary>
    public static IReadOnlyList<(string Namespace, string Reaches)> Namespaces { get; } =
    [
        ("System.IO", "files and streams"),
        ("System.Net", "the network"),
        ("System.Reflection", "reflection"),
        ("System.Runtime", "interop, unsafe memory and assembly loading"), // but System.Runtime.Intrinsics (SIMD)
        ("System.Threading", "threads, tasks and timers"),
        ("System.Diagnostics", "processes and debuggers"),
        ("System.Security", "security and cryptography"),
        ("System.Resources", "resource files"),
        ("Microsoft.Win32", "the registry and native handles"),
    ];

    /// <summary>Types of the System namespace a plug-in may not name.</summary>
    public static IReadOnlyList<(string Type, string Reaches)> Types { get; } =
    [
        ("System.Environment", "the environment, the command line and exit"),
        ("System.AppDomain", "the process's assemblies"),
        ("System.AppContext", "the process's switches and folders"),
        ("System.Activator", "creating types by name"),
        ("System.Type", "reflection"),
        ("System.GC", "the garbage collector"),
        ("System.Console", "the worker's input and output"),
        ("System.TypedReference", "untyped references"),
        ("System.ArgIterator", "untyped arguments"),
        ("System.RuntimeTypeHandle", "reflection"),
        ("System.RuntimeMethodHandle", "reflection"),
        ("System.RuntimeFieldHandle", "reflection"),
    ];

    const string Allowed = "System.Runtime.Intrinsics";

    /// <summary>One line per refused use: "plugin.cs(LINE,COL): refused: names X (what it reaches)".</summary>
    public static IReadOnlyList<string> Find(SemanticModel model, SyntaxNode root)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // once per line and API: `File.ReadAllText(…)` is an invocation, a member access and a name of File
        void Refuse(SyntaxNode node, string api, string what)
        {
            var at = node.GetLocation().GetLineSpan();
            if (!seen.Add($"{at.StartLinePosition.Line}:{api}")) return;
            found.Add($"{at.Path}({at.StartLinePosition.Line + 1},{at.StartLinePosition.Character + 1}): "
                + $"refused: {what}");
        }
        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (Unsafe(node) is { } construct)
            {
                Refuse(node, construct, $"{construct} (unsafe code)");
                continue;
            }
            if (node is not (ExpressionSyntax or TypeSyntax or AttributeSyntax or UsingDirectiveSyntax)) continue;
            var target = node is UsingDirectiveSyntax u && u.NamespaceOrType is { } n ? n : node;
            var info = model.GetSymbolInfo(target);
            var symbols = info.Symbol is { } s ? [s] : info.CandidateSymbols.ToList();
            if (target is ExpressionSyntax && model.GetTypeInfo(target).Type is { } type) symbols.Add(type);
            foreach (var symbol in symbols)
                foreach (var (api, reason) in Reasons(symbol))
                {
                    Refuse(node, api, reason);
                    break;
                }
        }
        return found;
    }

    static string? Unsafe(SyntaxNode node) => node switch
    {
        PointerTypeSyntax => "a pointer type",
        FunctionPointerTypeSyntax => "a function pointer",
        FixedStatementSyntax => "a fixed statement",
        UnsafeStatementSyntax => "an unsafe block",
        MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax => "__makeref and its kin",
        MemberDeclarationSyntax m when m.Modifiers.Any(SyntaxKind.UnsafeKeyword) => "an unsafe member",
        MemberDeclarationSyntax m when m.Modifiers.Any(SyntaxKind.ExternKeyword) => "an extern member",
        LocalFunctionStatementSyntax f when f.Modifiers.Any(SyntaxKind.ExternKeyword) => "an extern function",
        _ => node.IsKind(SyntaxKind.ArgListExpression) ? "__arglist" : null,
    };

    /// <summary>Why the symbol is refused: the namespace or type it names or belongs to, its member's type, its
    /// type arguments.</summary>
    static IEnumerable<(string Api, string Why)> Reasons(ISymbol symbol)
    {
        if (symbol is INamespaceSymbol ns)
        {
            string name = ns.ToDisplayString();
            if (NamespaceReach(name) is { } reach) yield return (name, $"names {name} ({reach})");
            yield break;
        }
        foreach (var type in TypesOf(symbol))
        {
            string full = Full(type);
            string? why = Types.FirstOrDefault(t => t.Type == full).Reaches
                ?? NamespaceReach(type.ContainingNamespace?.ToDisplayString() ?? "");
            if (why is not null)
                yield return (full, symbol is ITypeSymbol ? $"names {full} ({why})"
                    : $"uses {Member(symbol)} of {full} ({why})");
        }
    }

    static string Member(ISymbol symbol) => symbol is ITypeSymbol ? symbol.Name : symbol.ToDisplayString(
        SymbolDisplayFormat.CSharpShortErrorMessageFormat);

    static IEnumerable<ITypeSymbol> TypesOf(ISymbol symbol)
    {
        var roots = new List<ITypeSymbol>();
        switch (symbol)
        {
            case ITypeSymbol t: roots.Add(t); break;
            case IMethodSymbol m:
                if (m.ContainingType is { } mt) roots.Add(mt);
                roots.Add(m.ReturnType);
                roots.AddRange(m.TypeArguments);
                roots.AddRange(m.Parameters.Select(p => p.Type));
                break;
            case IPropertySymbol p: roots.AddRange([p.ContainingType, p.Type]); break;
            case IFieldSymbol f: roots.AddRange([f.ContainingType, f.Type]); break;
            case IEventSymbol e: roots.AddRange([e.ContainingType, e.Type]); break;
            case ILocalSymbol l: roots.Add(l.Type); break;
            case IParameterSymbol p: roots.Add(p.Type); break;
        }
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var stack = new Stack<ITypeSymbol>(roots.Where(r => r is not null));
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            if (!seen.Add(t)) continue;
            yield return t;
            if (t is IArrayTypeSymbol a) stack.Push(a.ElementType);
            if (t is IPointerTypeSymbol p) stack.Push(p.PointedAtType);
            if (t is INamedTypeSymbol n)
            {
                foreach (var arg in n.TypeArguments) stack.Push(arg);
                if (n.ContainingType is { } outer) stack.Push(outer);
            }
        }
    }

    static string Full(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol or IPointerTypeSymbol or ITypeParameterSymbol => type.ToDisplayString(),
        _ => (type.ContainingType is { } outer ? Full(outer) : type.ContainingNamespace is { IsGlobalNamespace: false }
            ns ? ns.ToDisplayString() : "") is var prefix && prefix.Length > 0 ? $"{prefix}.{type.MetadataName}"
            : type.MetadataName,
    };

    static string? NamespaceReach(string ns)
    {
        if (ns == Allowed || ns.StartsWith(Allowed + ".", StringComparison.Ordinal)) return null;
        return Namespaces.FirstOrDefault(n => ns == n.Namespace
            || ns.StartsWith(n.Namespace + ".", StringComparison.Ordinal)).Reaches;
    }
}
