// The judge's side of the boundary: reads one request per line, answers one JSON line each, until its input
// closes (the lab ended). It alone opens the sealed holdout and the judge's secret; its answers are verdicts
// and statistics. At every verdict it fingerprints the evaluator again, against the fingerprint it started
// under and those the lab recorded around each trial, and the sealed files against theirs when it started; it
// re-scores sampled trial models itself. With every answer it says which decoys of its folder were read since
// it last looked (JudgeVault).
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Successor.Lab.Config;
using Successor.Lab.Stages;
using Successor.Lab.Workloads;
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Tensors;
using Successor.Tensors.Fast;

namespace Successor.Lab.Judge;

public sealed class JudgeServer(string secretsFolder)
{
    readonly IKernels kernels = new FastKernels();
    LabConfig? config;
    JudgeSecrets? secrets;
    IWorkload? workload;
    string startedUnder = "", sealedAtOpen = "";

    public void Serve(TextReader input, TextWriter output)
    {
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (line.Trim().Length == 0) continue;
            var clock = Stopwatch.StartNew();
            JudgeResponse response;
            try
            {
                var request = JsonSerializer.Deserialize<JudgeRequest>(line, JudgeJson.Options)
                    ?? throw new JsonException("the request is null");
                response = Answer(request);
            }
            catch (JsonException e)
            {
                response = new JudgeResponse
                    { Error = $"judge request: is not one JSON request object per line ({e.Message})" };
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                response = new JudgeResponse { Error = e.Message.ReplaceLineEndings(" ") };
            }
            var reads = Ledger.Signing.JudgeVault.TakeReads(secretsFolder);
            output.WriteLine(JsonSerializer.Serialize(response with
                { Seconds = clock.Elapsed.TotalSeconds, DecoysRead = reads.Count == 0 ? null : reads },
                JudgeJson.Options));
            output.Flush();
        }
    }

    public JudgeResponse Answer(JudgeRequest r)
    {
        if (r.Op == JudgeRequest.Open) return Open(r);
        if (workload is null || config is null)
            throw new InvalidOperationException($"judge request {r.Op}: the first request must be open");
        switch (r.Op)
        {
            case JudgeRequest.Score:
            {
                using var model = Load(r.Model, "model");
                return Checked([]) with { Standing = workload.Score(model) };
            }
            case JudgeRequest.Compare:
            {
                using var champion = Load(r.Champion, "champion");
                using var successor = Load(r.Successor, "successor");
                var (verdict, standing) = workload.Compare(champion, successor);
                return Checked(r.Expected) with { Verdict = verdict, Standing = standing };
            }
            case JudgeRequest.Replay:
            {
                // the known-bad copies are made here, from the champion's own file: the lab sends one path
                using var champion = Load(r.Champion, "champion");
                using var silenced = Load(r.Champion, "champion");
                PromotionReplay.Silence(silenced);
                using var perturbed = Load(r.Champion, "champion");
                PromotionReplay.Perturb(perturbed, r.Seed);
                var cases = workload.Replay(champion, silenced, perturbed, r.Seed, r.Variants);
                return Checked([]) with { Cases = cases };
            }
            case JudgeRequest.Canaries:
            {
                using var model = Load(r.Model, "model");
                return new JudgeResponse { Canaries = workload.Canaries(model) };
            }
            case JudgeRequest.Contamination:
                return new JudgeResponse { Contamination = workload.TrainingContamination() };
            case JudgeRequest.Reevaluate:
                return new JudgeResponse { Reevaluated = Reevaluate(r) };
            case JudgeRequest.Notary:
            {
                var leaves = r.Leaves.Select(h => Convert.FromHexString(h)).ToList();
                var signing = new Ledger.Signing.Notary(secretsFolder).SignLeaves(leaves);
                return new JudgeResponse
                {
                    TreeHead = signing.Signed?.ToJson(), LastSigned = signing.Last?.ToJson(),
                    NotaryKey = signing.Key.Hex, NotaryRefusal = signing.Refusal,
                };
            }
            default:
                throw new ArgumentException($"judge request {r.Op}: unknown; use one of open, score, compare, " +
                    "replay, canaries, contamination, reevaluate, notary");
        }
    }

    JudgeResponse Open(JudgeRequest r)
    {
        config = LabConfigJson.Parse(r.Config ?? throw new ArgumentException("judge request open: has no config"),
            "sent to the judge");
        secrets = JudgeSecrets.Open(secretsFolder);
        var sealedSeed = secrets.SealedSeed(new Evaluation.Verification.VerifierSettings().Seed);
        workload = LabWorkloads.Create(config, sealedSeed);
        startedUnder = TrialChecks.EvaluatorFingerprint(config.Split);
        sealedAtOpen = SealedAtRest.Fingerprint(config.Split);
        return new JudgeResponse { EvaluatorSha256 = startedUnder };
    }

    /// <summary>The evaluator's fingerprint now, and why it differs from the judge's start or from `expected`.
    /// </summary>
    JudgeResponse Checked(IReadOnlyList<string> expected)
    {
        string now = TrialChecks.EvaluatorFingerprint(config!.Split);
        var reasons = new List<string>();
        if (now != startedUnder)
            reasons.Add($"the evaluator is {TrialResult.Short(now)} at verdict time, the judge started under " +
                TrialResult.Short(startedUnder));
        string sealedNow = SealedAtRest.Fingerprint(config.Split);
        if (sealedNow != sealedAtOpen)
            reasons.Add($"the sealed holdout's files are {TrialResult.Short(sealedNow)} at verdict time, " +
                $"{TrialResult.Short(sealedAtOpen)} when the judge started");
        var others = expected.Where(e => e.Length > 0 && e != now).Distinct(StringComparer.Ordinal).ToList();
        if (others.Count > 0)
            reasons.Add($"the generation's trials ran under {string.Join(", ", others.Select(TrialResult.Short))}, " +
                $"not {TrialResult.Short(now)}");
        return new JudgeResponse
            { EvaluatorSha256 = now, EvaluatorChanged = reasons.Count == 0 ? null : string.Join("; ", reasons) };
    }

    List<TrialCheck> Reevaluate(JudgeRequest r)
    {
        string selected = r.Selected
            ?? throw new ArgumentException("judge request reevaluate: names no selected trial");
        if (r.Trials.All(t => t.Id != selected))
            throw new ArgumentException($"judge request reevaluate: the selected trial {selected} is not among " +
                "the trials sent");
        var byId = r.Trials.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var chosen = secrets!.Sample(config!.Name, [.. byId.Keys], selected, config.Judge.Reevaluate);
        return [.. chosen.Select(id => Check(byId[id]))];
    }

    TrialCheck Check(ReportedTrial trial)
    {
        double reported = trial.Scores.Count == 0 ? double.NaN : trial.Scores.Average();
        if (!File.Exists(trial.Model))
            return new TrialCheck(trial.Id, reported, null, double.PositiveInfinity, false,
                $"its model {trial.Model} is missing");
        string sha;
        using (var stream = File.OpenRead(Outside(trial.Model, $"trial {trial.Id}'s model")))
            sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (sha != trial.ModelSha256)
            return new TrialCheck(trial.Id, reported, null, double.PositiveInfinity, false,
                $"its model hashes to {TrialResult.Short(sha)}, " +
                $"the worker reported {TrialResult.Short(trial.ModelSha256)}");
        using var model = Load(trial.Model, $"trial {trial.Id}'s model");
        var judged = workload!.PublicScores(model);
        double mean = judged.Length == 0 ? double.NaN : judged.Average();
        if (judged.Length != trial.Scores.Count)
            return new TrialCheck(trial.Id, reported, mean, double.PositiveInfinity, false,
                $"the worker reported {trial.Scores.Count} public scores, public validation has {judged.Length}");
        double worst = judged.Zip(trial.Scores, (a, b) => Math.Abs(a - b)).DefaultIfEmpty(0).Max();
        bool matches = worst <= TrialCheck.Noise;
        return new TrialCheck(trial.Id, reported, mean, worst, matches, matches ? null
            : $"the worker reported a mean public score of {reported:0.0000}, its model scores {mean:0.0000} " +
                $"(items differ by up to {worst:0.0000})");
    }

    GptModel Load(string? path, string what) => path is null
        ? throw new ArgumentException($"judge request: names no {what}")
        : ModelCheckpoint.Load(Outside(path, what), kernels).Model;

    /// <summary>`path`, unless it (or where its links lead) is inside the judge's folder or the split's sealed
    /// folder: a "model" there would be a secret or a sealed item, and an error about reading it could quote its
    /// first bytes.</summary>
    string Outside(string path, string what)
    {
        var closed = new List<string> { secrets!.Folder };
        if (config!.Split is { } split) closed.Add(Path.Combine(split, Data.Corpora.SealedFormat.FolderName));
        string real = RealPath(path);
        foreach (var folder in closed.Select(f => RealPath(f)))
            if (real == folder || real.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new ArgumentException($"judge request: the {what} {path} is inside {folder}, which the judge " +
                    "never hands out; name a checkpoint the lab wrote");
        return real;
    }

    /// <summary>The path with every symbolic link on the way resolved, as realpath(3) gives it.</summary>
    static string RealPath(string path, int depth = 0)
    {
        if (depth > 40) throw new IOException($"{path}: too many levels of symbolic links");
        string full = Path.GetFullPath(path), resolved = Path.GetPathRoot(full)!;
        foreach (var part in full[resolved.Length..].Split(Path.DirectorySeparatorChar,
            StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(resolved, part);
            resolved = new FileInfo(next).LinkTarget is { } link
                ? RealPath(Path.Combine(resolved, link), depth + 1) : next;
        }
        return resolved;
    }
}
