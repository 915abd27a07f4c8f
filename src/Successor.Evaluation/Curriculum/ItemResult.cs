// One curriculum problem as a model answered it: the prompt, the expected answer, what the model
// said and whether the family's checker accepted it.
namespace Successor.Evaluation.Curriculum;

public sealed record ItemResult(string Family, int Difficulty, string Prompt, string Expected,
    string Output, bool Correct);
