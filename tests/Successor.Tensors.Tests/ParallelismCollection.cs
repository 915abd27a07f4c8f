// Tests that change process-wide kernel settings (Parallelism.Threads, Gemm.Kernel) run in this collection,
// alone, so they never race other tests that read those statics.
namespace Successor.Tensors.Tests;

[CollectionDefinition("Parallelism", DisableParallelization = true)]
public sealed class ParallelismCollection;
