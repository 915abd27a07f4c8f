// Anomaly monitors on the stream of trials, run on every batch after it finishes:
//   trial outliers: a trial whose public score sits far above its peers of the same batch (same rung, seed
//     and token budget) — a result too good to be true is what gaming or a fabricated result.json looks like;
//   loss change points: a sudden upward level shift in the log of a trial's loss curve (a corrupted data
//     stream, a bad update), never the steady decrease or the curvature every curve has. The log, because a
//     model near zero loss spikes in proportion to its loss: on the raw curve, the calm end of a run sets a
//     noise scale that makes every spike of its middle look like a jump;
//   throughput drops: the batch's tokens per CPU second against the lab's earlier trials of the same model
//     shape and token budget. CPU seconds, not wall seconds: other work on a shared machine slows the wall
//     clock but hardly the CPU time a step costs, while hidden work in a worker raises it. Each worker is a
//     fresh process that compiles the training code again, so only trials of the same length compare.
// Thresholds are set from clean runs (docs/SAFETY.md): far above anything clean runs showed.
using System.Globalization;
using Successor.Safety.Monitors;

namespace Successor.Lab.Trials;

public static class TrialMonitors
{
    /// <summary>Peers a batch needs before an outlier means anything.</summary>
    public const int MinPeers = 3;
    /// <summary>Robust standard deviations above the batch's median score.</summary>
    public const double OutlierZ = 6;
    public const int ChangePointWindow = 10;
    /// <summary>Robust standard deviations of the log curve's step-to-step noise (ChangePoint's statistic).</summary>
    public const double ChangePointZ = 8;
    /// <summary>Losses are rounded for the ledger; below this the log would only magnify rounding.</summary>
    const double LossFloor = 1e-4;
    /// <summary>A drop: the batch's median tokens per CPU second below this share of the earlier trials'
    /// median.</summary>
    public const double ThroughputFraction = 0.5;
    /// <summary>Sustained: every trial of the batch in the group (at least this many), against at least this many
    /// earlier ones.</summary>
    public const int ThroughputBatch = 2, ThroughputHistory = 3;

    public static MonitorOutcome Outliers(IReadOnlyList<TrialSignal> batch)
    {
        var peers = batch.Where(t => t.Scores.Count > 0).ToList();
        if (peers.Count < MinPeers)
            return new([],
                $"{peers.Count} scored trial(s) in the batch, fewer than {MinPeers} peers: nothing to compare")
                { Compared = false };
        // The floor: the standard error of the difference of two trials' mean scores if every item were
        // scored the same way (all items of all peers pooled), so ties and near-ties cannot read as infinite.
        var pooled = peers.SelectMany(t => t.Scores).ToList();
        double mean = pooled.Average(), sd = Math.Sqrt(pooled.Sum(x => (x - mean) * (x - mean)) / pooled.Count);
        double floor = Math.Sqrt(2) * sd / Math.Sqrt(peers.Min(t => t.Scores.Count));
        var z = RobustZ.Scores([.. peers.Select(t => t.Score)], floor);
        var anomalies = peers.Select((t, i) => (t, z: z[i])).Where(p => p.z >= OutlierZ)
            .Select(p => new TrialAnomaly("trial-outlier", p.t.Id,
                F($"{p.t.Id} scored {p.t.Score:0.000} on public validation, ") +
                F($"{p.z:0.0} robust standard deviations above its {peers.Count - 1} peers (median ") +
                F($"{RobustStatistics.Median(peers.Select(t => t.Score)):0.000}); a result this far out is suspect")))
            .ToList();
        return new(anomalies, F($"largest robust z {z.Max():0.0} over {peers.Count} peers (alarm at {OutlierZ})"));
    }

    public static MonitorOutcome ChangePoints(IReadOnlyList<TrialSignal> batch)
    {
        // The first quarter is left out: the elbow where training from scratch stops falling fast, and the
        // learning-rate warmup, bend the curve faster than two local lines can follow.
        var curves = batch.Select(t =>
            (t, Tail: t.LossCurve.Skip(t.LossCurve.Count / 4).Select(x => Math.Log(Math.Max(x, LossFloor))).ToList()))
            .Where(c => c.Tail.Count >= 2 * ChangePointWindow).ToList();
        if (curves.Count == 0)
            return new([], $"no loss curve with {2 * ChangePointWindow} points past its first quarter")
                { Compared = false };
        var found = curves.Select(c => (c.t, Skipped: c.t.LossCurve.Count - c.Tail.Count,
            r: ChangePoint.Detect(c.Tail, ChangePointZ, ChangePointWindow))).ToList();
        // Upward only: a loss that suddenly falls is how learning looks (a new skill clicks).
        var anomalies = found.Where(p => p.r.Statistic >= ChangePointZ)
            .Select(p => new TrialAnomaly("loss-change-point", p.t.Id,
                F($"{p.t.Id}'s training loss jumps up {Math.Exp(p.r.Shift):0.0}-fold at point ") +
                F($"{p.Skipped + p.r.Index} of {p.t.LossCurve.Count}, ") +
                F($"{p.r.Statistic:0.0} robust standard deviations of its step-to-step noise")))
            .ToList();
        return new(anomalies, F($"largest change-point statistic {found.Max(p => p.r.Statistic):0.0} over ") +
            F($"{curves.Count} curve(s) (alarm at {ChangePointZ} upward)"));
    }

    /// <param name="earlier">The lab's trials recorded before this batch, in order.</param>
    public static MonitorOutcome Throughput(IReadOnlyList<TrialSignal> batch, IReadOnlyList<TrialSignal> earlier)
    {
        var anomalies = new List<TrialAnomaly>();
        var compared = new List<string>();
        foreach (var group in batch.Where(t => t.TokensPerCpuSecond is not null).GroupBy(t => t.Group))
        {
            var now = group.Select(t => t.TokensPerCpuSecond!.Value).ToList();
            var before = earlier.Where(t => t.Group == group.Key && t.TokensPerCpuSecond is not null)
                .Select(t => t.TokensPerCpuSecond!.Value)
                .ToList();
            if (now.Count < ThroughputBatch || before.Count < ThroughputHistory) continue;
            var r = ThroughputDrop.Check([.. before, .. now], recent: now.Count, fraction: ThroughputFraction);
            compared.Add(F($"{now.Count} vs {before.Count} earlier at ratio {r.Ratio:0.00}"));
            if (r.Dropped)
                anomalies.Add(new("throughput-drop", group.First().Id,
                    F($"trials {string.Join(", ", group.Select(t => t.Id))} trained at a median {r.RecentMedian:N0} ") +
                    F($"tokens per CPU second, {r.Ratio:0.00} of the {r.EarlierMedian:N0} of {before.Count} earlier ") +
                    "trials of the same shape and length"));
        }
        return new(anomalies, compared.Count == 0
            ? $"too little history: no group of at least {ThroughputBatch} trials with {ThroughputHistory} earlier " +
                "ones of the same shape and length"
            : $"compared {string.Join("; ", compared)} (alarm below " +
                $"{ThroughputFraction.ToString(CultureInfo.InvariantCulture)})") { Compared = compared.Count > 0 };
    }

    static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
