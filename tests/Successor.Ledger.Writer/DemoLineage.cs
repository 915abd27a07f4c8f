// Two generations of a lab, recorded the way the loop records them: seed data → g1 → data the
// model generated → g2 → evaluation → promotion approved by a human. Used by the tests and by
// `Successor.Ledger.Writer demo` to make a ledger to try the CLI on.
using System.Text;
using System.Text.Json.Nodes;
using Successor.Ledger.Artifacts;
using Successor.Ledger.Statements;
using Successor.Ledger.Attestations;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Writer;

public static class DemoLineage
{
    /// <summary>Seed data → g1 → model-generated data → g2 → evaluation → human-approved promotion.</summary>
    public static void Record(ILedger ledger, ArtifactStore artifacts)
    {
        string D(string text) => artifacts.Put(Encoding.UTF8.GetBytes(text));
        string seed = D("seed data"), recipe = D("{\"lr\":0.001}"), w1 = D("weights g1");
        string synth = D("synthetic data"), w2 = D("weights g2"), report = D("{\"accuracy\":0.91}");
        ledger.AppendBatch("lab",
        [
            ProvStatement.Agent("researcher:grid", "researcher-strategy"),
            ProvStatement.Agent("human:alice", "human-approver"),
            ProvStatement.Artifact("dataset:seed", "dataset", seed),
            ProvStatement.Artifact("recipe:r1", "recipe", recipe),
            ProvStatement.Activity("train:g1", "training-run"),
            ProvStatement.Used("train:g1", "dataset:seed"),
            ProvStatement.Used("train:g1", "recipe:r1"),
            ProvStatement.WasAssociatedWith("train:g1", "researcher:grid", "planner"),
            ProvStatement.Artifact("checkpoint:g1", "checkpoint", w1),
            ProvStatement.WasGeneratedBy("checkpoint:g1", "train:g1"),
        ]);
        ledger.AppendBatch("lab",
        [
            ProvStatement.Agent("model:g1", "model"),
            ProvStatement.Activity("gen:g1", "data-generation"),
            ProvStatement.Used("gen:g1", "checkpoint:g1"),
            ProvStatement.WasAssociatedWith("gen:g1", "model:g1", "generator"),
            ProvStatement.Artifact("dataset:synth-g1", "dataset", synth, new JsonObject { ["verified"] = true }),
            ProvStatement.WasGeneratedBy("dataset:synth-g1", "gen:g1"),
            ProvStatement.WasDerivedFrom("dataset:synth-g1", "checkpoint:g1"),
            ProvStatement.Activity("train:g2", "training-run"),
            ProvStatement.Used("train:g2", "dataset:synth-g1"),
            ProvStatement.Used("train:g2", "recipe:r1"),
            ProvStatement.Used("train:g2", "checkpoint:g1"),
            ProvStatement.WasAssociatedWith("train:g2", "researcher:grid", "planner"),
            ProvStatement.Artifact("checkpoint:g2", "checkpoint", w2),
            ProvStatement.WasGeneratedBy("checkpoint:g2", "train:g2"),
            ProvStatement.WasDerivedFrom("checkpoint:g2", "checkpoint:g1"),
            ProvStatement.Activity("eval:g2", "evaluation"),
            ProvStatement.Used("eval:g2", "checkpoint:g2"),
            ProvStatement.Artifact("report:g2", "evaluation-report", report, new JsonObject { ["accuracy"] = 0.91 }),
            ProvStatement.WasGeneratedBy("report:g2", "eval:g2"),
        ]);
        var t = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var statement = new InTotoStatement("checkpoint:g2", w2, "urn:successor:lab", "train:g2",
            [new("checkpoint:g1", w1), new("dataset:synth-g1", synth), new("recipe:r1", recipe)], t, t.AddMinutes(5));
        PromotionRecorder.Record(
            ledger, artifacts, "human:alice", "checkpoint:g2", "promote:g2", "human:alice", statement);
    }
}
