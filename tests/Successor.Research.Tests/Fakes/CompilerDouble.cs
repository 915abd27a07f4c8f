// Stands in for the lab's plug-in compiler (which compiles in the sandboxed worker): a source that ends without a
// semicolon fails with the compiler's message for it, every other source compiles. It counts what it was given.
using System.Security.Cryptography;
using System.Text;

namespace Successor.Research.Tests.Fakes;

public sealed class CompilerDouble : IPluginCompiler
{
    public List<PluginProposal> Compiled { get; } = [];

    public List<string> Hashes { get; } = [];

    public CompileOutcome Compile(PluginProposal plugin)
    {
        Compiled.Add(plugin);
        string hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plugin.Source)));
        Hashes.Add(hash);
        return plugin.Source.TrimEnd().EndsWith(';') || plugin.Source.TrimEnd().EndsWith('}')
            ? new(true, [], hash)
            : new(false, [$"plugin.cs(1,{plugin.Source.Length + 1}): error CS1002: ; expected"], hash);
    }
}
