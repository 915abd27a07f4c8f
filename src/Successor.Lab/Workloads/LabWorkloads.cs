// Which task a lab (or a trial) runs: text when a split folder is given, else the curriculum.
using Successor.Lab.Config;

namespace Successor.Lab.Workloads;

public static class LabWorkloads
{
    public static IWorkload Create(CurriculumConfig curriculum, string? split, ulong evalSeed,
        PromotionConfig promotion) =>
        split is null ? new CurriculumWorkload(curriculum, evalSeed, promotion) : new TextWorkload(split, promotion);

    public static IWorkload Create(LabConfig config) =>
        Create(config.Curriculum, config.Split, config.Seed, config.Promotion);
}
