// What a split does with documents the contamination guard would call overlapping: keep each group of them
// on one side, or keep one document of each group and drop the rest.
namespace Successor.Data.Corpora;

public enum NearDuplicates
{
    Together,
    Drop,
}
