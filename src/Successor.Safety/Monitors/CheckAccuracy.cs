// One measured check of one generation, e.g. ("arithmetic verifier", 0.999): the share of its verdicts
// that agreed with ground truth when audited.
namespace Successor.Safety.Monitors;

public sealed record CheckAccuracy(string Name, double Accuracy);
