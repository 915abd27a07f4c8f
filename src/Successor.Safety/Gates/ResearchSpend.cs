// What a paid researcher has spent in a lab against the lab's cap, and which multiple of the cap it reached.
namespace Successor.Safety.Gates;

public sealed record ResearchSpend(string Researcher, double Spent, double Cap, int Step);
