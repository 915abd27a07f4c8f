// One field a gate request would change, with its value now and the value asked for, so a person reviews
// "successor_steps: 100 → 120" instead of finding it by eye in two JSON documents.
namespace Successor.Records;

public sealed record FieldChange(string Field, string From, string To)
{
    public override string ToString() => $"{Field}: {From} → {To}";
}
