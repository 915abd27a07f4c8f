// The data of one training run, as the trainer, checkpoints and logs see it.
namespace Successor.Training.Data;

/// <summary>The data of one training run: batches to train on, batches to validate on, and the
/// identity of the data for checkpoints and logs.</summary>
public sealed record TrainingData(string Name, string Sha256, IBatchSource Train, IBatchSource Validation);
