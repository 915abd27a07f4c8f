// Where a running lab stands, built from its progress lines: per generation the stage, the trials done of those
// started, the tokens and seconds used against the caps, and an estimate of the time left. The estimate is the
// mean length of the generations already finished (in the ledger or in this run) times what is left of them; it
// is given only once one generation has finished, since before that there is nothing to measure it by.
using Successor.Lab.Config;
using Successor.Lab.Loop;

namespace Successor.Cli.Output;

public sealed class LabProgress
{
    readonly LabConfig config;
    readonly List<double> finished;
    readonly SortedDictionary<int, State> generations = [];
    readonly Lock gate = new();

    sealed class State
    {
        public string Stage = "waiting";
        public int Done, Started;
        public long Tokens;
        public TimeSpan Began;
        public TimeSpan? Ended;
    }

    /// <summary>finishedSeconds: how long each generation (1 and later) the ledger already holds took, so a
    /// resumed lab estimates from the start.</summary>
    public LabProgress(LabConfig config, IEnumerable<double> finishedSeconds, IEnumerable<int> finishedGenerations)
    {
        this.config = config;
        finished = [.. finishedSeconds];
        foreach (int g in finishedGenerations)
            generations[g] = new State { Stage = "done (recorded)", Ended = TimeSpan.Zero };
    }

    public void Add(LabLine line, TimeSpan now)
    {
        lock (gate)
        {
            if (!generations.TryGetValue(line.Generation, out var g))
                generations[line.Generation] = g = new State { Began = now };
            if (line.Stage == "start") g.Began = now;
            if (line.Trials is { } started) g.Started += started;
            if (line.Stage == "trial")
            {
                g.Done++;
                g.Tokens += line.Tokens ?? 0;
            }
            if (line.Stage is "promoted" or "rejected" || line.Generation == 0 && line.Stage == "champion")
            {
                g.Ended = now;
                if (line.Generation > 0) finished.Add((now - g.Began).TotalSeconds);
            }
            if (StageName(line.Stage) is { } stage) g.Stage = stage;
            // a batch of trials starts the experiments after planning; the successor's own run is one too
            else if (line.Stage == "trials" && g.Stage == "planning") g.Stage = "experiments";
        }
    }

    /// <summary>The stage a line puts its generation in, or null for lines that do not move it (incidents,
    /// the notary, the judge's waiting times, single trials, which run in several stages).</summary>
    public static string? StageName(string stage) => stage switch
    {
        "train" or "import" => "training the first champion",
        "champion" => "first champion verified",
        "start" or "weakness" or "proposal" => "planning",
        "rung" or "best" => "experiments",
        "selection" => "selecting a recipe",
        "curation" or "safety" => "self-generated data",
        "successor" => "training the successor",
        "verify" or "audit" or "replay" => "verifying",
        "promoted" => "promoted",
        "rejected" => "rejected",
        "gate" => "waiting for a person",
        "budget" => "stopped by a budget",
        _ => null,
    };

    public IReadOnlyList<GenerationProgress> Generations(TimeSpan now)
    {
        lock (gate)
        {
            var b = config.Budgets;
            return [.. Enumerable.Range(0, config.Generations + 1).Select(n =>
                generations.TryGetValue(n, out var g)
                    ? new GenerationProgress(n, g.Stage, g.Done, g.Started, g.Tokens,
                        n > 0 && b.GenerationTokens > 0 ? b.GenerationTokens : null,
                        ((g.Ended ?? now) - g.Began).TotalSeconds,
                        n > 0 && b.GenerationSeconds > 0 ? b.GenerationSeconds : null, g.Ended is not null)
                    : new GenerationProgress(n, "waiting", 0, 0, 0, null, 0, null, false))];
        }
    }

    /// <summary>Seconds left for the whole lab, or null until a generation has finished to measure by.</summary>
    public double? SecondsLeft(TimeSpan now)
    {
        lock (gate)
        {
            if (finished.Count == 0) return null;
            double mean = finished.Average(), left = 0;
            for (int n = 1; n <= config.Generations; n++)
            {
                if (!generations.TryGetValue(n, out var g)) left += mean;
                else if (g.Ended is null)
                {
                    double elapsed = (now - g.Began).TotalSeconds, rest = Math.Max(0, mean - elapsed);
                    if (config.Budgets.GenerationSeconds > 0)
                        rest = Math.Min(rest, Math.Max(0, config.Budgets.GenerationSeconds - elapsed));
                    left += rest;
                }
            }
            return left;
        }
    }

    /// <summary>"about 3 min 20 s left", or what the estimate waits for.</summary>
    public string LeftText(TimeSpan now)
    {
        lock (gate)
        {
            if (Generations(now).All(g => g.Finished)) return "every generation has finished";
            return SecondsLeft(now) is { } s
                ? $"about {Duration(s)} left (from {finished.Count} finished " +
                    $"generation{(finished.Count == 1 ? "" : "s")})"
                : "time left: estimated once generation 1 has finished";
        }
    }

    public static string Duration(double seconds) => seconds switch
    {
        < 60 => $"{seconds:0} s",
        < 3600 => (int)(seconds % 60) == 0 ? $"{(int)(seconds / 60)} min"
            : $"{(int)(seconds / 60)} min {(int)(seconds % 60)} s",
        _ => $"{(int)(seconds / 3600)} h {(int)(seconds % 3600 / 60)} min",
    };
}
