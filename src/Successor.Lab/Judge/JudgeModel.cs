// A model the judge loads for a replay: its checkpoint, and whether to silence it (PromotionReplay.Silence)
// after loading — the replay's known-bad copy is made judge-side, from the champion's own file.

namespace Successor.Lab.Judge;

public sealed record JudgeModel(string Path, bool Silence = false);
