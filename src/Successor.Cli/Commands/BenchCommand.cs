// `successor bench`: training-step throughput of a preset on random tokens, against the machine it runs on.
// Reports tokens/s, ms/step and achieved GFLOP/s (6·N + 12·L·C·T FLOPs per token, nanoGPT's estimate_mfu); the
// machine's peak measured by a register-only FMA probe at the widest vector width the engine uses, and the step's
// fraction of it; and the step's matmul floor: every matmul of the step timed alone, ours and OpenBLAS's (at the
// core type it reports), so `floor_fraction` says how close the whole step is to its matmuls at OpenBLAS speed;
// and the machine's load average before and after, without which figures on a shared machine mean little.
using System.Diagnostics;
using Successor.Cli.Commands.Bench;
using Successor.Tensors;
using Successor.Tensors.Fast;
using Successor.Tensors.Machine;
using Successor.Training;
using Successor.Training.Data;
using Successor.Training.Recipes;

namespace Successor.Cli.Commands;

public static class BenchCommand
{
    /// <summary>Warm-up before the timed steps: tiered compilation replaces a hot method's first code within about a
    /// second, and a bench of a few short steps would otherwise time the first code (baby: 20 steps are 0.3 s).
    /// </summary>
    static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static Command Create()
    {
        var preset = new Option<string>("--preset")
            { Description = "baby or small", DefaultValueFactory = _ => "baby" };
        var steps = new Option<int>("--steps")
            {
                Description = "Timed steps, after warm-up (at least 2 steps and 2 s, for the JIT's later tiers)",
                DefaultValueFactory = _ => 10,
            };
        var peak = new Option<double?>("--peak-gflops")
            { Description = "Use this fp32 peak instead of measuring it with the FMA probe" };
        var noFloor = new Option<bool>("--no-floor")
            { Description = "Skip timing the step's matmuls alone (ours and OpenBLAS's)" };
        var profile = new Option<bool>("--profile") { Description = "Also print the time of each kernel per step" };
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        return CliCommand.Create("bench", "Measure training throughput against the machine's measured peak",
            [preset, steps, peak, noFloor, profile, threads, json], r =>
        {
            double? loadBefore = Cpu.LoadAverage();
            var fast = CommonOptions.Kernels(r.GetValue(threads));
            int threadCount = r.GetValue(threads);
            var timed = r.GetValue(profile) ? new TimedKernels(fast) : null;
            IKernels kernels = timed ?? fast;
            int count = r.GetValue(steps);
            if (count < 1) throw new UsageException($"--steps is {count}; it must be at least 1");
            if (r.GetValue(peak) is double given && !(given > 0))
                throw new UsageException($"--peak-gflops is {given}; it must be above 0");
            var recipe = RecipePresets.Get(r.GetValue(preset)!) with { EvalInterval = 0, WarmupSteps = 0 };
            var m = recipe.Model;
            var random = new byte[Math.Max(200_000, 4 * (m.BlockSize + 1) * 10)];
            new Random(0).NextBytes(random);
            var data = new TextSplit("random", random, 0.1, m.BlockSize).ToTrainingData();
            // The step count only shapes the learning-rate schedule, which does not change a step's work.
            using var trainer = new Trainer(recipe with { Steps = int.MaxValue / 2 }, data, kernels);
            int warm = 0;
            for (var warmup = Stopwatch.StartNew(); warm < 2 || warmup.Elapsed < WarmUp;)
                trainer.Run(untilStep: ++warm);
            timed?.Reset();
            var times = new List<double>();
            for (int i = 0; i < count; i++)
            {
                var clock = Stopwatch.StartNew();
                trainer.Run(untilStep: warm + 1 + i);
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

            int bits = Cpu.VectorBits;
            bool probe = r.GetValue(peak) is null && FmaProbe.Supports(bits);
            double? peak1 = probe ? FmaProbe.Measure(bits, 1, 0.5) : null;
            double? peakAll = r.GetValue(peak) ?? (probe ? FmaProbe.Measure(bits, threadCount, 0.5) : null);
            MatmulFloor.Result? floor = r.GetValue(noFloor) ? null
                : MatmulFloor.Measure(StepMatmul.Of(m, recipe.BatchSize), threadCount, 0.3);
            double? Round(double? x, int digits) => x is double d ? Math.Round(d, digits) : null;
            printer.Result([
                ("preset", r.GetValue(preset)), ("threads", threadCount),
                ("cpu", Cpu.ModelName), ("vector_bits", bits), ("gemm_kernel", Gemm.KernelDescription),
                ("caches", CacheSizes.OfThisMachine.ToString()),
                ("tokens_per_step", trainer.TokensPerStep),
                ("ms_per_step", Math.Round(ms, 2)), ("tokens_per_second", Math.Round(tokensPerSecond, 1)),
                ("gflops", Math.Round(gflops, 2)),
                ("peak_source", r.GetValue(peak) is null ? probe ? $"fma{bits} probe" : "none" : "--peak-gflops"),
                ("peak_gflops_1_thread", Round(peak1, 1)), ("peak_gflops", Round(peakAll, 1)),
                ("peak_fraction", Round(gflops / peakAll, 4)),
                ("matmul_ms", Round(floor?.OursMs, 2)),
                ("matmul_gflops", Round(floor?.Flops / floor?.OursMs / 1e6, 1)),
                ("openblas_core", floor?.OpenBlasMs is null ? null : OpenBlas.CoreName),
                ("openblas_matmul_ms", Round(floor?.OpenBlasMs, 2)),
                ("openblas_matmul_gflops", Round(floor?.Flops / floor?.OpenBlasMs / 1e6, 1)),
                ("openblas_threaded_ms", Round(floor?.OpenBlasThreadedMs, 2)),
                ("openblas_one_thread_scaled_ms", Round(floor?.OpenBlasScaledMs, 2)),
                ("floor_fraction", Round(floor?.OpenBlasMs / ms, 4)),
                ("load_average_before", loadBefore), ("load_average_after", Cpu.LoadAverage()),
            ]);
            return ExitCodes.Success;
        });
    }
}
