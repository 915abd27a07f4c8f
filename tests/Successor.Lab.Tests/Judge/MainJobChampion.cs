// The first champion SealedRegenerationProbeTests' tests share: the main job's recipe (LabDefaults) trained its
// 1,500 steps on 1-3 digits of the public training side, seed 1. Training such a champion is most of those tests'
// time, and each trained one of its own (the model taught the task, the champion at the main job's sizes).
namespace Successor.Lab.Tests.Judge;

public sealed class MainJobChampion : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("successor-champion-").FullName;

    public MainJobChampion() => Path = SealedRegenerationProbeTests.Champion(root, "champion.safetensors", 1500, 1);

    /// <summary>The champion's checkpoint.</summary>
    public string Path { get; }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
