// The judge's answer to one request, one JSON line on its stdout: verdicts and statistics, never sealed items.
// Error is set (and nothing else) when the request could not be answered.
using Successor.Evaluation.Statistics;
using Successor.Evaluation.Verification;
using Successor.Lab.Workloads;

namespace Successor.Lab.Judge;

public sealed record JudgeResponse
{
    public string? Error { get; init; }
    public Verdict? Verdict { get; init; }
    public HoldoutSummary? Standing { get; init; }
    public IReadOnlyList<KnownCase>? Cases { get; init; }
    public CanaryResult? Canaries { get; init; }
    public TrainingOverlap? Contamination { get; init; }
    public IReadOnlyList<TrialCheck>? Reevaluated { get; init; }
    /// <summary>The evaluator's fingerprint when the judge answered (TrialChecks.EvaluatorFingerprint).</summary>
    public string? EvaluatorSha256 { get; init; }
    /// <summary>Why the evaluator differs from the one the judge started under or the lab's trials ran under;
    /// null when it does not.</summary>
    public string? EvaluatorChanged { get; init; }
    /// <summary>notary: the head signed (null when refused), the head signed before, the notary's public key
    /// (hex) and why it refused.</summary>
    public System.Text.Json.Nodes.JsonObject? TreeHead { get; init; }
    public System.Text.Json.Nodes.JsonObject? LastSigned { get; init; }
    public string? NotaryKey { get; init; }
    public string? NotaryRefusal { get; init; }
    /// <summary>The decoys at the well-known names of the judge's folder read since the judge last looked, each
    /// with when ("secret at 2026-12-05T10:14:05.123Z"); null when none was.</summary>
    public IReadOnlyList<string>? DecoysRead { get; init; }
    /// <summary>The judge's own time on the request.</summary>
    public double Seconds { get; init; }
}
