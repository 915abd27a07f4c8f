// Tests that change Parallelism.Threads run alone.
namespace Successor.Training.Tests;

[CollectionDefinition("Parallelism", DisableParallelization = true)]
public sealed class ParallelismCollection;
