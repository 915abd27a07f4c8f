// One honest run of the one-generation tiny lab, shared by the tests that need such a run: the judge's and the
// sealed curriculum's red teams take their reference result from it, and the sandbox's clean-lab test is about it.
// The same config and judge secret give the same run, so each test running its own repeated the same training.
// The tests only read it.
namespace Successor.Cli.Tests;

public sealed class HonestLab : IDisposable
{
    public static readonly string Config = LabFolder.Tiny.Replace("\"generations\": 2", "\"generations\": 1");

    public HonestLab() => Run = Lab.Succeed("run");

    public LabFolder Lab { get; } = new(Config);

    /// <summary>What `successor run` printed.</summary>
    public ProcessResult Run { get; }

    public void Dispose() => Lab.Dispose();
}
