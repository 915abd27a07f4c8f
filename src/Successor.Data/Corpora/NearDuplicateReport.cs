// What a split did with near-duplicates: how many groups of overlapping documents it found, how many
// documents it moved to their group's side, how many it dropped.
namespace Successor.Data.Corpora;

public sealed record NearDuplicateReport(NearDuplicates Mode, int Groups, int Documents, int Moved, int Dropped)
{
    /// <summary>One line for the person who ran the split.</summary>
    public string Describe() => Mode == NearDuplicates.Drop
        ? $"dropped {Dropped} of {Documents} documents that overlap another (13-gram or 50-byte rule), " +
            $"keeping one of each of {Groups} groups"
        : $"moved {Moved} of {Documents} documents to keep {Groups} groups of overlapping documents " +
            "(13-gram or 50-byte rule) on one side each";
}
