// What both training commands (train, curriculum train) end with: the contamination check of the outside
// text named by `data`, a progress line every N steps (`logEvery` by default), the kernels' threads and the
// output form.
namespace Successor.Cli.Commands.Shared;

public sealed class TrainingOptions(string data, int logEvery)
{
    public Option<string?> Against { get; } = CommonOptions.Against(data);
    public Option<double> Threshold { get; } = CommonOptions.ContaminationThreshold(data);
    public Option<int> LogInterval { get; } = CommonOptions.LogInterval(logEvery);
    public Option<int> Threads { get; } = CommonOptions.Threads();
    public Option<bool> Json { get; } = CommonOptions.Json();

    public IEnumerable<Symbol> All => [Against, Threshold, LogInterval, Threads, Json];
}
