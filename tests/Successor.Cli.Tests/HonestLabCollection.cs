// The test classes that share the honest one-generation lab (HonestLab), run once for all of them.
namespace Successor.Cli.Tests;

[CollectionDefinition(Name)]
public sealed class HonestLabCollection : ICollectionFixture<HonestLab>
{
    public const string Name = "honest one-generation lab";
}
