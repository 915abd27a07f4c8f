// `successor compare A B`: is checkpoint B better than A? Both are scored on the same curriculum problems;
// a paired bootstrap over items gives the difference, its 95% CI and a p-value, per slice too. With
// --sealed the problems are the Verifier's sealed ones and the "genuinely better" rule decides; without
// it they are public validation problems (fine for exploring, not for promotion). Several checkpoints
// per side (comma-separated: one per seed) are averaged per item before comparing.
using System.Globalization;
using System.Text.Json.Nodes;
using Successor.Data.Curriculum;
using Successor.Evaluation.Curriculum;
using Successor.Evaluation.Statistics;
using Successor.Evaluation.Verification;
using Successor.Statistics;

namespace Successor.Cli.Commands;

public static class CompareCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("a")
            { Description = "Checkpoint A (the champion); several seeds comma-separated" };
        var b = new Argument<string>("b")
            { Description = "Checkpoint B (the candidate); several seeds comma-separated" };
        var families = CurriculumOptions.Families("--curriculum", "radd");
        var difficulties = CurriculumOptions.Difficulties("Difficulties, e.g. 1-10", "1-10");
        var count = CurriculumOptions.Count(200);
        var seed = CommonOptions.Seed("Seed of the problem set and the bootstrap");
        var resamples = new Option<int>("--resamples")
            { Description = "Bootstrap resamples (at least 1000)", DefaultValueFactory = _ => 2000 };
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "Largest allowed slice regression for 'genuinely better'",
            DefaultValueFactory = _ => GenuinelyBetter.DefaultTolerance,
        };
        var sealedHoldout = new Option<bool>("--sealed")
            { Description = "Compare on the Verifier's sealed problems and apply the 'genuinely better' rule" };
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        return CliCommand.Create("compare", "Paired bootstrap comparison of two checkpoints on curriculum problems",
            [a, b, families, difficulties, count, seed, resamples, tolerance, sealedHoldout, threads, json], r =>
        {
            var kernels = CommonOptions.Kernels(r.GetValue(threads));
            if (r.GetValue(resamples) < PairedBootstrap.MinResamples)
                throw new UsageException(
                    $"--resamples is {r.GetValue(resamples)}; use at least {PairedBootstrap.MinResamples}");
            var familyList = TaskFamilies.Parse(r.GetValue(families)!);
            var levels = CurriculumGenerator.ParseDifficulties(r.GetValue(difficulties)!);
            Verdict verdict;
            string items;
            if (r.GetValue(sealedHoldout))
            {
                var pathsA = Paths(r.GetValue(a)!);
                var pathsB = Paths(r.GetValue(b)!);
                if (pathsA.Length != 1 || pathsB.Length != 1)
                    throw new UsageException("--sealed compares one checkpoint per side; give one path each");
                var verifier = new Verifier(new VerifierSettings
                {
                    Families = r.GetValue(families)!, Difficulties = r.GetValue(difficulties)!,
                    ItemsPerSlice = r.GetValue(count), Tolerance = r.GetValue(tolerance),
                    Resamples = r.GetValue(resamples),
                });
                var (ma, _) = CheckpointPath.Load(pathsA[0], kernels);
                using (ma)
                {
                    var (mb, _) = CheckpointPath.Load(pathsB[0], kernels);
                    using (mb) verdict = verifier.Compare(ma, mb).Verdict;
                }
                items = "sealed";
            }
            else
            {
                var problems = CurriculumGenerator.Set(familyList, levels, r.GetValue(count), r.GetValue(seed),
                    CurriculumSplit.Validation);
                var (scoresA, slicesA) = Score(r.GetValue(a)!, problems, kernels);
                var (scoresB, slicesB) = Score(r.GetValue(b)!, problems, kernels);
                var overall = SeededBootstrap.Compare(scoresA, scoresB, r.GetValue(resamples), r.GetValue(seed));
                var deltas = slicesA
                    .Zip(slicesB, (x, y) => new SliceDelta(x.Key.Family, x.Key.Difficulty, x.Value, y.Value))
                    .ToList();
                verdict = GenuinelyBetter.Decide(overall, deltas, r.GetValue(tolerance));
                items = "public_validation";
            }
            Print(r.GetValue(json), verdict, items);
            return ExitCodes.Success;
        });
    }

    static string[] Paths(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Per-item scores averaged over the side's checkpoints (seeds), and per-slice accuracy.</summary>
    static (double[] Scores, List<KeyValuePair<(string Family, int Difficulty), double>> Slices) Score(string list,
        List<Problem> problems, Tensors.IKernels kernels)
    {
        var runs = new List<IReadOnlyList<double>>();
        foreach (var path in Paths(list))
        {
            var (model, _) = CheckpointPath.Load(path, kernels);
            using (model) runs.Add([.. CurriculumEvaluator.Run(model, problems).Select(i => i.Correct ? 1.0 : 0.0)]);
        }
        if (runs.Count == 0)
            throw new UsageException($"checkpoint list '{list}' is empty; give at least one checkpoint");
        var scores = PairedBootstrap.MeanOverSeeds(runs);
        var slices = problems.Select((p, i) => (p, i)).GroupBy(x => (x.p.Family, x.p.Difficulty))
            .Select(g => KeyValuePair.Create(g.Key, g.Average(x => scores[x.i]))).ToList();
        return (scores, slices);
    }

    static void Print(bool json, Verdict v, string items)
    {
        var c = v.Overall;
        if (json)
        {
            Console.WriteLine(new JsonObject
            {
                ["items"] = items, ["n"] = c.Items, ["mean_a"] = c.MeanA, ["mean_b"] = c.MeanB,
                ["difference"] = c.Difference, ["ci_low"] = c.Low, ["ci_high"] = c.High, ["p_value"] = c.PValue,
                ["resamples"] = c.Resamples,
                ["genuinely_better"] = items == "sealed" && v.GenuinelyBetter, ["reason"] = v.Reason,
                ["slices"] = new JsonArray([.. v.Slices.Select(s => (JsonNode)new JsonObject
                {
                    ["family"] = s.Family, ["difficulty"] = s.Difficulty, ["accuracy_a"] = s.AccuracyA,
                    ["accuracy_b"] = s.AccuracyB, ["delta"] = s.Delta,
                })]),
            }.ToJsonString());
            return;
        }
        foreach (var s in v.Slices)
            Console.WriteLine($"{s.Family} d={s.Difficulty}: {F(s.AccuracyA)} -> {F(s.AccuracyB)} " +
                $"({(s.Delta >= 0 ? "+" : "")}{F(s.Delta)})");
        Console.WriteLine($"items: {items}");
        Console.WriteLine($"n: {c.Items}");
        Console.WriteLine($"mean_a: {F(c.MeanA)}");
        Console.WriteLine($"mean_b: {F(c.MeanB)}");
        Console.WriteLine($"difference: {F(c.Difference)}");
        Console.WriteLine($"ci_95: [{F(c.Low)}, {F(c.High)}]");
        Console.WriteLine($"p_value: {F(c.PValue)}");
        Console.WriteLine($"resamples: {c.Resamples}");
        Console.WriteLine($"genuinely_better: {(items == "sealed" && v.GenuinelyBetter ? "yes" : "no")}" +
            $"{(items == "sealed" ? "" : " (needs --sealed)")}");
        Console.WriteLine($"reason: {v.Reason}");
    }

    static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
