// Absent values are absent attributes, never nulls; attributes that do not fit their record's shape fail
// with one RecordException naming the record type, not a cast error somewhere in a reader.
using System.Text.Json.Nodes;

namespace Successor.Records.Tests;

public sealed class NullAndMalformedTests
{
    [Fact]
    public void Null_fields_are_left_out()
    {
        var first = new GenerationRecord
        {
            Lab = "lab", Generation = 0, ChampionCheckpoint = "sha256:aa", ChampionRecipe = "{}", Promoted = true,
            Reason = "the first champion",
        }.ToAttributes();
        foreach (string key in new[] { "approved_by", "improvement", "improvement_p_value", "horizons", "divergence_z",
            "kept", "kept_label_accuracy", "genuinely_better", "verdict" })
            Assert.False(first.ContainsKey(key), key);
        Assert.DoesNotContain(first, p => p.Value is null);
        Assert.Equal(0, (int)first["generation"]!);

        var checkpoint = new CheckpointRecord() { Lab = "lab" }.ToAttributes();
        Assert.Equal(["lab"], checkpoint.Select(p => p.Key));
        Assert.False(new HaltRequestRecord(By: "user:ada", Reason: "r").ToAttributes().ContainsKey("lab"));
        var person = new PersonRecord(Role: "viewer", PublicKey: "5e", AddedBy: "user:ada").ToAttributes();
        Assert.False(person.ContainsKey("lab"));
    }

    [Fact]
    public void Nulls_inside_nested_entries_are_left_out_too()
    {
        var selection = new SelectionRecord(Generation: 0, Candidate: [], Adopted: [], Effect: null, Low: null,
            High: null, Seeds: 0, ReusedTrials: [], Finalists: [new("p0", "a", [], 0.1, 0,
            0.2)], Reason: "").ToAttributes();
        var finalist = selection["finalists"]![0]!.AsObject();
        Assert.False(finalist.ContainsKey("fresh_effect"));
        Assert.False(selection.ContainsKey("effect"));
        var horizon = new GenerationRecord { Horizons = [new("rmul", null, null, null, "above")] }.ToAttributes();
        Assert.Equal(["family", "status"], horizon["horizons"]![0]!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public void Absent_optional_fields_read_as_null_and_absent_lists_as_empty()
    {
        var g = GenerationRecord.From(new JsonObject { ["lab"] = "lab", ["generation"] = 3, ["promoted"] = false });
        Assert.Equal(("lab", 3, false), (g.Lab, g.Generation, g.Promoted));
        Assert.Null(g.Improvement);
        Assert.Null(g.Horizons);
        Assert.Empty(g.SelfGenerated);
        Assert.Empty(AuditRecord.From(new JsonObject { ["generation"] = 1 }).Checks);
    }

    [Fact]
    public void A_malformed_record_names_its_type()
    {
        var e = Assert.Throws<RecordException>(() => CurationRecord.From(new JsonObject { ["kept"] = "many" }));
        Assert.Contains(nameof(CurationRecord), e.Message, StringComparison.Ordinal);
        Assert.Contains("kept", e.Message, StringComparison.Ordinal);

        Assert.Contains(nameof(TrialRecord), Assert.Throws<RecordException>(
            () => TrialRecord.From(new JsonObject { ["steps"] = new JsonArray(1, 2) })).Message,
                StringComparison.Ordinal);
        Assert.Contains(nameof(GenerationRecord), Assert.Throws<RecordException>(
            () => GenerationRecord.From(new JsonObject { ["promoted"] = "yes" })).Message, StringComparison.Ordinal);
        Assert.Contains(nameof(AuditRecord), Assert.Throws<RecordException>(
            () => AuditRecord.From(new JsonObject { ["checks"] = "all" })).Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DecisionRecord), Assert.Throws<RecordException>(
            () => DecisionRecord.From(new JsonObject { ["approved"] = 1 })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_written_as_a_string_still_reads()
    {
        Assert.Equal(37, CurationRecord.From(new JsonObject { ["kept"] = "37" }).Kept);
    }

    [Fact]
    public void The_lab_of_any_element_reads_without_its_type()
    {
        Assert.Equal("lab", RecordJson.LabOf(new JsonObject { ["lab"] = "lab", ["anything"] = new JsonArray() }));
        Assert.Equal("lab", RecordJson.LabOf(Samples.ThroughLedger(new TrialRecord { Lab = "lab" }.ToAttributes())));
        Assert.Null(RecordJson.LabOf(new JsonObject { ["role"] = "admin" }));
        Assert.Null(RecordJson.LabOf(new JsonObject { ["lab"] = 3 }));
        Assert.Null(RecordJson.LabOf(new JsonObject { ["lab"] = null }));
    }
}
