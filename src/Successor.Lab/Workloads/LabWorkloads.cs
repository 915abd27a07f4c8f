// Which task a lab (or a trial) runs: text when a split folder is given, else the curriculum.
using Successor.Lab.Config;

namespace Successor.Lab.Workloads;

public static class LabWorkloads
{
    public static IWorkload Create(CurriculumConfig curriculum, string? split, ulong evalSeed,
        PromotionConfig promotion, ulong? sealedSeed = null) =>
        split is null ? new CurriculumWorkload(curriculum, evalSeed, promotion, sealedSeed)
            : new TextWorkload(split, promotion);

    /// <summary>The lab's task; `sealedSeed` (the judge's, from its secret) picks the sealed curriculum.</summary>
    public static IWorkload Create(LabConfig config, ulong? sealedSeed = null) =>
        Create(config.Curriculum, config.Split, config.Seed, config.Promotion, sealedSeed);
}
