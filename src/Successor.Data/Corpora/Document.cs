// One document of a corpus: the unit that a split assigns whole, so no document straddles train and
// holdout. Id says where it came from (file, line or paragraph) for error messages and reports.
namespace Successor.Data.Corpora;

public sealed record Document(string Id, string Text);
