namespace Successor.Records;

/// <summary>`contamination-check:LAB/train`: the original training data against public validation and the
/// sealed holdout; no document count means the curriculum's partition rules overlap out. Any sealed overlap
/// fails it, each overlapping document listed; public validation overlap fails it above the threshold.</summary>
public sealed record ContaminationCheckRecord(int? Documents, int Flagged, double Rate, string? Example, bool Passed)
    : LabRecord<ContaminationCheckRecord>
{
    public const string Type = "contamination-check";

    /// <summary>Training documents that overlap public validation (null in records from before it was kept).</summary>
    public int? ValidationFlagged { get; init; }

    /// <summary>Training documents that overlap the sealed holdout: any one of them fails the check.</summary>
    public int? SealedFlagged { get; init; }

    /// <summary>The share of training documents allowed to overlap public validation.</summary>
    public double? ValidationThreshold { get; init; }

    /// <summary>Each training document that overlaps the sealed holdout, with a short excerpt of its own
    /// text.</summary>
    public IReadOnlyList<Overlap>? SealedOverlaps { get; init; }

    /// <summary>One overlapping training document: where the shared text starts, by which detector, and a few
    /// words of it (never the sealed document).</summary>
    public sealed record Overlap(string Document, int Line, string Kind, string Excerpt);
}
