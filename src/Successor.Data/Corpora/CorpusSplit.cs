// A corpus divided by document into train, public validation and the sealed holdout, with the
// canaries planted in the holdout.
namespace Successor.Data.Corpora;

public sealed record CorpusSplit(IReadOnlyList<Document> Train, IReadOnlyList<Document> Validation,
    IReadOnlyList<Document> Holdout, IReadOnlyList<Canary> Canaries)
{
    /// <summary>What the split did with documents that overlap one another.</summary>
    public NearDuplicateReport? NearDuplicates { get; init; }
}
