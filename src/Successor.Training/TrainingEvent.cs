// What the trainer reports as it goes; the CLI renders these as a progress bar, lines or JSON.
namespace Successor.Training;

public abstract record TrainingEvent(int Step);
