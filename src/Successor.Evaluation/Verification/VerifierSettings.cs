// What the Verifier measures with, fixed by the operator and never shown to a researcher: the sealed
// curriculum slices, how many items per slice, the seed of the sealed item set, the promotion tolerance.
using Successor.Evaluation.Statistics;

namespace Successor.Evaluation.Verification;

public sealed record VerifierSettings
{
    public string Families { get; init; } = "radd";           // comma-separated, or "all"
    public string Difficulties { get; init; } = "1-10";       // e.g. "1-10" or "3,5,8"
    public int ItemsPerSlice { get; init; } = 200;            // sealed problems per family × difficulty
    public ulong Seed { get; init; } = 0x5EA1ED;              // the bootstrap; the sealed items without SealedSeed
    /// <summary>The sealed item set's seed, derived from a secret only the judge holds: with the public Seed alone
    /// anyone can regenerate the holdout. Null: the public Seed (a library caller without a judge).</summary>
    public ulong? SealedSeed { get; init; }
    public double Tolerance { get; init; } = GenuinelyBetter.DefaultTolerance; // largest allowed slice regression
    /// <summary>The promotion rule also refuses a successor whose 99% horizon is below the champion's
    /// (GenuinelyBetter.Decide).</summary>
    public bool KeepReliableHorizon { get; init; }
    public int Resamples { get; init; } = 2000;               // paired bootstrap resamples
    public int BatchSize { get; init; } = 64;                 // decoder rows
    public int Canaries { get; init; } = 4;                   // curriculum canary problems with secret answers
}
