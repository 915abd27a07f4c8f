// research.language_model.lab_cap: a paid researcher that has spent the lab's cap waits for a person, who may
// allow it as much again (approve) or send the rest of the lab to TPE (reject). The researcher can never raise
// its own cap.
using System.Globalization;

namespace Successor.Safety.Gates;

public sealed class ResearchSpendGate : IGate<ResearchSpend>
{
    public string Name => "research-spend";

    public GateQuestion? Ask(ResearchSpend s)
    {
        if (!(s.Cap > 0) || s.Spent < s.Cap * s.Step) return null;
        string Money(double x) => x.ToString("0.0000", CultureInfo.InvariantCulture);
        return new($"research-spend-{s.Step}", $"researcher {s.Researcher} has spent {Money(s.Spent)} of the lab's " +
            $"research cap {Money(s.Cap * s.Step)}; approve to allow {Money(s.Cap)} more, reject to go on with TPE");
    }
}
