// The researcher a lab's config names. A language-model researcher gets its backend now, so a missing key is one
// clear line at the start rather than a failure in the first generation.
using Successor.Lab.Config;
using Successor.Research;
using Successor.Research.LanguageModels;

namespace Successor.Lab.Loop;

static class LabResearchers
{
    public static IResearcher Create(LabConfig config, IReadOnlyList<PluginPoint> points)
    {
        var space = new SearchSpace(config.Research.SearchSpace, config.Research.LearningRateFloor);
        if (config.Research.Strategy != Researchers.LanguageModel)
            return Researchers.Create(config.Research.Strategy, space);
        var settings = config.Research.LanguageModel!.Settings();
        return new LanguageModelResearcher(settings, settings.Chat.Connect(), space, points);
    }
}
