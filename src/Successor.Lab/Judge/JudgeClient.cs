// The lab's one way to the judge: starts `successor judge serve` through the JudgeLauncher on first use, sends
// it requests (models by path) and reads back verdicts and statistics. The lab never opens the sealed holdout
// or the judge's folder itself. Time spent waiting on the judge is kept, so its cost can be reported.
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Successor.Evaluation.Statistics;
using Successor.Evaluation.Verification;
using Successor.Lab.Config;
using Successor.Lab.Workloads;
using Successor.Ledger.Signing;

namespace Successor.Lab.Judge;

public sealed class JudgeClient(JudgeLauncher launcher, string folder, LabConfig config, int threads) : IDisposable
{
    public const string Verb = "judge", ServeVerb = "serve";

    readonly Stopwatch waiting = new();
    double working;
    readonly Queue<string> stderr = new();
    readonly List<string> decoysRead = [];
    Process? process;

    /// <summary>Wall time spent starting the judge and waiting for its answers since the last call, and the part
    /// of it the judge spent working on them (the rest is its start, model loading aside, and the pipes); resets.
    /// </summary>
    public (TimeSpan Waited, TimeSpan Working) TakeWaited()
    {
        var times = (waiting.Elapsed, TimeSpan.FromSeconds(working));
        waiting.Reset();
        working = 0;
        return times;
    }

    /// <summary>TakeWaited as a line for people.</summary>
    public string TakeWaitedText()
    {
        var (waited, work) = TakeWaited();
        return $"{waited.TotalSeconds:0.00} s waiting on the judge, {work.TotalSeconds:0.00} s of it its own work";
    }

    public HoldoutSummary Score(string model) =>
        Ask(new JudgeRequest(JudgeRequest.Score) { Model = Full(model) }).Standing ?? throw Missing("standing");

    /// <summary>The verdict on champion vs successor; the response also says whether the evaluator changed.</summary>
    public JudgeResponse Compare(string champion, string successor, IReadOnlyList<string> expected)
    {
        var response = Ask(new JudgeRequest(JudgeRequest.Compare)
            { Champion = Full(champion), Successor = Full(successor), Expected = expected });
        return response.Verdict is null || response.Standing is null ? throw Missing("verdict") : response;
    }

    /// <summary>The promotion rule's verdicts on known cases the judge builds from the champion's checkpoint
    /// (IWorkload.Replay).</summary>
    public IReadOnlyList<KnownCase> Replay(string champion, ulong seed, int variants) =>
        Ask(new JudgeRequest(JudgeRequest.Replay) { Champion = Full(champion), Seed = seed, Variants = variants })
            .Cases ?? throw Missing("replay cases");

    public CanaryResult Canaries(string model) =>
        Ask(new JudgeRequest(JudgeRequest.Canaries) { Model = Full(model) }).Canaries ?? throw Missing("canaries");

    /// <summary>Null where a partition rules overlap out by construction (the curriculum).</summary>
    public TrainingOverlap? Contamination() => Ask(new JudgeRequest(JudgeRequest.Contamination)).Contamination;

    public IReadOnlyList<TrialCheck> Reevaluate(IReadOnlyList<ReportedTrial> trials, string selected) =>
        Ask(new JudgeRequest(JudgeRequest.Reevaluate)
            { Trials = [.. trials.Select(t => t with { Model = Full(t.Model) })], Selected = selected })
        .Reevaluated ?? throw Missing("re-evaluations");

    /// <summary>The notary's signature over the log whose leaf hashes are `leaves` (the key never leaves the
    /// judge's folder), checked: a head that is not over these leaves or not signed by the key is refused.
    /// </summary>
    public NotarySigning Notarise(List<byte[]> leaves)
    {
        var r = Ask(new JudgeRequest(JudgeRequest.Notary) { Leaves = [.. leaves.Select(Convert.ToHexStringLower)] });
        var key = TreeHeadKey.FromHex(r.NotaryKey ?? throw Missing("notary key"), "the judge's notary key");
        var head = r.TreeHead is { } h ? SignedTreeHead.FromJson(h, "the judge's tree head") : null;
        var last = r.LastSigned is { } l ? SignedTreeHead.FromJson(l, "the judge's last tree head") : null;
        if (head is not null && (!key.Verify(head) || head.Size != leaves.Count
            || head.Root != Convert.ToHexStringLower(Ledger.Merkle.MerkleTree.Root(leaves, leaves.Count))))
            throw new LabException($"the judge's tree head of size {head.Size} is not a signature over the ledger");
        return new NotarySigning(head, last, r.NotaryRefusal, key);
    }

    /// <summary>The decoys of the judge's folder its answers since the last call said were read; empties.
    /// </summary>
    public IReadOnlyList<string> TakeDecoysRead()
    {
        var reads = decoysRead.ToList();
        decoysRead.Clear();
        return reads;
    }

    /// <summary>Where the notary's public key is published: beside the judge's folder.</summary>
    public string PublicKeyFile => JudgeFolder.PublicKey(folder);

    JudgeResponse Ask(JudgeRequest request)
    {
        bool outermost = !waiting.IsRunning; // the open request is asked from inside the first one
        waiting.Start();
        try
        {
            var judge = process ?? Start();
            try
            {
                judge.StandardInput.WriteLine(JsonSerializer.Serialize(request, JudgeJson.Options));
                judge.StandardInput.Flush();
            }
            catch (IOException) { throw Stopped(judge); } // it ended before reading: its last words say why
            string line = judge.StandardOutput.ReadLine() ?? throw Stopped(judge);
            var response = JsonSerializer.Deserialize<JudgeResponse>(line, JudgeJson.Options)
                ?? throw new LabException($"the judge answered {request.Op} with null");
            working += response.Seconds;
            decoysRead.AddRange(response.DecoysRead ?? []);
            return response.Error is { } error ? throw new LabException($"the judge refused {request.Op}: {error}")
                : response;
        }
        finally { if (outermost) waiting.Stop(); }
    }

    Process Start()
    {
        if (launcher.Account is { } account)
        {
            JudgeSecrets.Prepare(folder, account);
            SealedAtRest.Hand(config.Split is { } splitFolder ? Path.GetFullPath(splitFolder) : null, account);
        }
        var start = launcher.For(Verb, [ServeVerb, "--secrets", Path.GetFullPath(folder), "--threads",
            threads.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.StandardInputEncoding = new UTF8Encoding(false);
        var judge = Process.Start(start) ?? throw new LabException("could not start the judge process");
        judge.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) { stderr.Enqueue(e.Data); if (stderr.Count > 20) stderr.Dequeue(); }
        };
        judge.BeginErrorReadLine();
        process = judge;
        var open = config with { Split = config.Split is { } split ? Path.GetFullPath(split) : null };
        Ask(new JudgeRequest(JudgeRequest.Open) { Config = LabConfigJson.Canonical(open) });
        return judge;
    }

    LabException Stopped(Process judge)
    {
        judge.WaitForExit(5000);
        string last;
        lock (stderr) last = stderr.LastOrDefault(l => l.Trim().Length > 0) ?? "(no message)";
        process = null;
        return new LabException($"the judge process stopped" +
            $"{(judge.HasExited ? $" with exit code {judge.ExitCode}" : "")}: {last}");
    }

    static LabException Missing(string what) => new($"the judge's answer has no {what}");

    static string Full(string path) => Path.GetFullPath(path);

    /// <summary>Closes the judge's input, which ends it; kills it if it does not end in a few seconds.</summary>
    public void Dispose()
    {
        if (process is not { } judge) return;
        process = null;
        try { judge.StandardInput.Close(); } catch (IOException) { }
        if (!judge.WaitForExit(5000)) judge.Kill(entireProcessTree: true);
        judge.Dispose();
    }
}
