// One overlap that the contamination index found: which training document, which reference,
// by which detector, and the text they share.
namespace Successor.Data.Contamination;

public sealed record ContaminationHit(string TrainingDocument, string Reference, string Kind, string Excerpt);
