// One request from the lab to the judge, one JSON line on the judge's stdin. Models are named by path: the
// judge loads them itself. Nothing the lab sends can make the judge answer with sealed items.

namespace Successor.Lab.Judge;

public sealed record JudgeRequest(string Op)
{
    public const string Open = "open", Score = "score", Compare = "compare", Replay = "replay",
        Canaries = "canaries", Contamination = "contamination", Reevaluate = "reevaluate", Notary = "notary";

    /// <summary>open: the lab's config, canonical JSON with absolute paths.</summary>
    public string? Config { get; init; }
    /// <summary>score, canaries: the model's checkpoint.</summary>
    public string? Model { get; init; }
    /// <summary>compare: the champion's and the successor's checkpoints; replay: the champion's.</summary>
    public string? Champion { get; init; }
    public string? Successor { get; init; }
    /// <summary>compare: the evaluator fingerprints the lab recorded around the generation's trials.</summary>
    public IReadOnlyList<string> Expected { get; init; } = [];
    /// <summary>replay (with Champion): the seed of the perturbed copy and the cases drawn, and how many of each
    /// kind (PromotionReplay).</summary>
    public ulong Seed { get; init; }
    public int Variants { get; init; }
    /// <summary>reevaluate: the generation's finished trials as their workers reported them, and the one
    /// selected as the candidate (always re-evaluated).</summary>
    public IReadOnlyList<ReportedTrial> Trials { get; init; } = [];
    public string? Selected { get; init; }
    /// <summary>notary: the ledger's leaf hashes (hex), for the notary's key to sign a head over.</summary>
    public IReadOnlyList<string> Leaves { get; init; } = [];
}
