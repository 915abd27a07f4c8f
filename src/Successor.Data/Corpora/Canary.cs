// A canary: a random marker appended to a holdout document, so a model that completes it has
// read the holdout.
namespace Successor.Data.Corpora;

public sealed record Canary(string Prefix, string Secret)
{
    public string Text => Prefix + Secret;
}
