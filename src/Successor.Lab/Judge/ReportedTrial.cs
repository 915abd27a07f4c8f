// A trial as its worker reported it in result.json: where its model is, the model's hash, and its score on
// every public validation item — what the judge re-evaluates.

namespace Successor.Lab.Judge;

public sealed record ReportedTrial(string Id, string Model, string? ModelSha256, IReadOnlyList<double> Scores);
