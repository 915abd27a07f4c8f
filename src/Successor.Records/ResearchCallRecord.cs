namespace Successor.Records;

/// <summary>`research-call:LAB/gN-cK`: one call a language-model researcher made in generation N — which model,
/// what for ("propose", "repair p1"), what came back ("ok", "malformed", "gaming", "rate-limited", …), the tokens
/// its server billed and their cost, and how long it took. Never the key, never the prompt.</summary>
public sealed record ResearchCallRecord(int Generation, string Researcher, int Call, string Purpose, string Outcome,
    long InputTokens, long OutputTokens, double Cost, double Seconds, string Detail)
    : LabRecord<ResearchCallRecord>
{
    public const string Type = "research-call";
}
