namespace Successor.Lab.Stages;

/// <summary>The self-generated sets the successor trains on (the champion's and any kept now), and this
/// generation's curation, or null when self-generation is off or the task cannot self-generate.</summary>
sealed record CurationOutcome(List<string> SelfGenerated, CurationRecord? Record);
