// `successor bench`: training-step throughput of a preset on random tokens — tokens/s, ms/step,
// achieved GFLOP/s (6·N + 12·L·C·T FLOPs per token, nanoGPT's estimate_mfu) and its fraction of peak.
using System.Diagnostics;
using Successor.Tensors;
using Successor.Training;
using Successor.Training.Data;
using Successor.Training.Recipes;

namespace Successor.Cli.Commands;

public static class BenchCommand
{
    public static Command Create()
    {
        var preset = new Option<string>("--preset")
            { Description = "baby or small", DefaultValueFactory = _ => "baby" };
        var steps = new Option<int>("--steps")
            { Description = "Timed steps (after 2 warm-up steps)", DefaultValueFactory = _ => 10 };
        var peak = new Option<double>("--peak-gflops")
            { Description = "The machine's fp32 peak, for peak_fraction", DefaultValueFactory = _ => 200.0 };
        var profile = new Option<bool>("--profile") { Description = "Also print the time of each kernel per step" };
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        return CliCommand.Create("bench", "Measure training throughput",
            [preset, steps, peak, profile, threads, json], r =>
        {
            var fast = CommonOptions.Kernels(r.GetValue(threads));
            var timed = r.GetValue(profile) ? new TimedKernels(fast) : null;
            IKernels kernels = timed ?? fast;
            int count = r.GetValue(steps);
            if (count < 1) throw new UsageException($"--steps is {count}; it must be at least 1");
            var recipe = RecipePresets.Get(r.GetValue(preset)!) with { EvalInterval = 0, WarmupSteps = 0 };
            var m = recipe.Model;
            var random = new byte[Math.Max(200_000, 4 * (m.BlockSize + 1) * 10)];
            new Random(0).NextBytes(random);
            var data = new TextSplit("random", random, 0.1, m.BlockSize).ToTrainingData();
            using var trainer = new Trainer(recipe with { Steps = 2 + count }, data, kernels);
            trainer.Run(untilStep: 2);
            timed?.Reset();
            var times = new List<double>();
            for (int i = 0; i < count; i++)
            {
                var clock = Stopwatch.StartNew();
                trainer.Run(untilStep: 3 + i);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            double ms = times[times.Count / 2];
            long positional = trainer.Model.Layout.Contains("wpe") ? trainer.Model.Layout["wpe"].Count : 0;
            double flopsPerToken =
                6.0 * (trainer.Model.Layout.Count - positional) + 12.0 * m.Layers * m.Embedding * m.BlockSize;
            double tokensPerSecond = trainer.TokensPerStep / (ms / 1000);
            double gflops = flopsPerToken * tokensPerSecond / 1e9;
            var printer = new Printer(r.GetValue(json));
            if (timed != null)
                foreach (var (name, (time, calls)) in timed.Totals.OrderByDescending(p => p.Value.Time))
                    printer.Line($"{name,-32} {time.TotalMilliseconds / count,9:0.00} ms/step "
                        + $"{100 * time.TotalMilliseconds / times.Sum(),6:0.0}% of the step time  "
                        + $"({calls / count} calls)");
            printer.Result([
                ("preset", r.GetValue(preset)), ("threads", r.GetValue(threads)),
                ("tokens_per_step", trainer.TokensPerStep),
                ("ms_per_step", Math.Round(ms, 2)), ("tokens_per_second", Math.Round(tokensPerSecond, 1)),
                ("gflops", Math.Round(gflops, 2)), ("peak_fraction", Math.Round(gflops / r.GetValue(peak), 4)),
            ]);
            return ExitCodes.Success;
        });
    }
}
