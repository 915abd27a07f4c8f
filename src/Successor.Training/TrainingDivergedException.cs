// Raised before a non-finite loss or gradient reaches the weights; no checkpoint is written after it.
namespace Successor.Training;

public sealed class TrainingDivergedException(string message) : Exception(message);
