// Data that cannot be used: one line naming the input and what is wrong.
namespace Successor.Training.Data;

public sealed class DataException(string message) : Exception(message);
