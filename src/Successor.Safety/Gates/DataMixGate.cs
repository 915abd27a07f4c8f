// gates.data_mix_change: a successor whose self-generated share moves further than the bound from its
// champion's needs a person's approval (the model-collapse literature's lever: Gerstgrasser et al. 2024).
namespace Successor.Safety.Gates;

public sealed class DataMixGate(double bound) : IGate<DataMixChange>
{
    public string Name => "data-mix-change";

    public GateQuestion? Ask(DataMixChange c)
    {
        double moves = Math.Abs(c.To - c.From);
        return moves > bound
            ? new($"g{c.Generation}-data-mix",
                $"the self-generated share moves by {moves:0.00} ({c.From:0.00} → {c.To:0.00}), "
                + $"beyond gates.data_mix_change {bound:0.00}")
            {
                Changes = [new("recipe.self_generated_fraction", $"{c.From:0.00}", $"{c.To:0.00}")],
            }
            : null;
    }
}
