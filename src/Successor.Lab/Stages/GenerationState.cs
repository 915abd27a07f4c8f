using System.Diagnostics;

namespace Successor.Lab.Stages;

/// <summary>What every stage of generation `Number` starts from: the champion it tries to beat, when it
/// started, and its wall clock.</summary>
sealed record GenerationState(int Number, Champion Champion, DateTimeOffset Started, Stopwatch Clock);
