// The sandbox's tests run one at a time: each starts real processes against real limits, and two bombs at
// once on a two-core machine would measure each other.
namespace Successor.Lab.Tests.Sandbox;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SandboxCollection
{
    public const string Name = "sandbox";
}
