// A --checkpoint argument: a model.safetensors file or the folder that holds one.
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Tensors;
using Successor.Training;

namespace Successor.Cli.Commands.Shared;

public static class CheckpointPath
{
    public static (GptModel Model, CheckpointInfo Info) Load(string path, IKernels kernels) =>
        ModelCheckpoint.Load(Directory.Exists(path) ? Path.Combine(path, TrainingCheckpoint.ModelFile) : path, kernels);
}
