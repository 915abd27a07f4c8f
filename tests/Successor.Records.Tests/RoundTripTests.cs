// Every typed record reads back exactly as it was written, straight from its attributes and after the
// ledger's canonical JSON; every record type of the library has a sample here, a Type and a From.
using System.Reflection;
using System.Text.Json.Nodes;
using Successor.Ledger.Canonical;

namespace Successor.Records.Tests;

public sealed class RoundTripTests
{
    public static TheoryData<string> Types() => [.. Samples.All().Select(s => s.Record.GetType().Name)];

    static (LabRecord Record, Func<JsonObject, LabRecord> Read) Sample(string type) =>
        Samples.All().Single(s => s.Record.GetType().Name == type);

    [Theory]
    [MemberData(nameof(Types))]
    public void A_record_reads_back_as_written(string type)
    {
        var (record, read) = Sample(type);
        Assert.Equivalent(record, read(record.ToAttributes()), strict: true);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void A_record_reads_back_as_written_after_the_ledger_canonicalises_it(string type)
    {
        var (record, read) = Sample(type);
        var back = read(Samples.ThroughLedger(record.ToAttributes()));
        Assert.Equivalent(record, back, strict: true);
        Assert.Equal(CanonicalJson.Serialize(record.ToAttributes()), CanonicalJson.Serialize(back.ToAttributes()));
    }

    [Fact]
    public void Every_record_type_has_a_sample_a_type_name_and_a_reader()
    {
        var types = typeof(LabRecord).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(LabRecord)) && !t.IsAbstract).OrderBy(t => t.Name).ToList();
        Assert.Equal(27, types.Count);
        Assert.Equal(types.Select(t => t.Name), Samples.All().Select(s => s.Record.GetType().Name).Order());
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in types)
        {
            var field = t.GetField("Type", BindingFlags.Public | BindingFlags.Static);
            Assert.True(field is { IsLiteral: true }, $"{t.Name} has no const Type");
            Assert.True(names.Add((string)field!.GetRawConstantValue()!), $"{t.Name}'s Type is another record's");
            var from = t.GetMethod("From", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy,
                [typeof(JsonObject)]);
            Assert.True(from is not null && from.ReturnType == t, $"{t.Name} has no static From(JsonObject)");
        }
    }

    [Fact]
    public void The_type_names_are_the_ledger_s()
    {
        Assert.Equal("generation", GenerationRecord.Type);
        Assert.Equal("trial", TrialRecord.Type);
        Assert.Equal("curation", CurationRecord.Type);
        Assert.Equal("approval-request", ApprovalRequestRecord.Type);
        Assert.Equal("gate-decision", DecisionRecord.Type);
        Assert.Equal("person", PersonRecord.Type);
        Assert.Equal("token-revocation", RevocationRecord.Type);
        Assert.Equal("incident", IncidentRecord.Type);
        Assert.Equal("halt-request", HaltRequestRecord.Type);
        Assert.Equal("halt", BudgetHaltRecord.Type);
        Assert.Equal("safety-audit", AuditRecord.Type);
        Assert.Equal("lab-config", LabConfigRecord.Type);
        Assert.Equal("origin", OriginRecord.Type);
        Assert.Equal("budget-change", BudgetChangeRecord.Type);
        Assert.Equal("judge-reevaluation", ReevaluationRecord.Type);
    }
}
