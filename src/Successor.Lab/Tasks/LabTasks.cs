// Which task a lab (or a trial) runs: text when a split folder is given, else the curriculum.
using Successor.Lab.Config;

namespace Successor.Lab.Tasks;

public static class LabTasks
{
    public static ILabTask Create(CurriculumConfig curriculum, string? split, ulong evalSeed, PromotionConfig promotion) =>
        split is null ? new CurriculumTask(curriculum, evalSeed, promotion) : new TextTask(split, promotion);

    public static ILabTask Create(LabConfig config) => Create(config.Curriculum, config.Split, config.Seed, config.Promotion);
}
