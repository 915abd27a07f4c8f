// What a provider charges, per million tokens in and out; a local server costs nothing.
namespace Successor.Research.LanguageModels;

public sealed record Pricing(double InputPerMillion = 0, double OutputPerMillion = 0)
{
    public double Cost(long inputTokens, long outputTokens) =>
        (inputTokens * InputPerMillion + outputTokens * OutputPerMillion) / 1e6;
}
