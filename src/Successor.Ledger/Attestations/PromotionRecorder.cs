// Records a promotion: stores the in-toto statement as an artifact and appends, in one batch,
// the statement entity, its derivation from the weights, and the promotion activity with the
// approving human — so `successor lineage` shows who approved which model.
using System.Text;
using System.Text.Json.Nodes;
using Successor.Ledger.Artifacts;
using Successor.Ledger.Statements;
using Successor.Ledger.Records;
using Successor.Ledger.Storage;

namespace Successor.Ledger.Attestations;

public static class PromotionRecorder
{
    public static IReadOnlyList<LedgerRecord> Record(
        ILedger ledger, ArtifactStore artifacts, string actor, string checkpointId, string promotionId,
        string approverId, InTotoStatement statement)
    {
        string digest = artifacts.Put(Encoding.UTF8.GetBytes(statement.ToCanonicalJson()));
        string statementId = $"attestation:{Digests.Normalize(digest)[..16]}";
        return ledger.AppendBatch(actor,
        [
            ProvStatement.Activity(promotionId, "promotion"),
            ProvStatement.Used(promotionId, checkpointId),
            ProvStatement.WasAssociatedWith(promotionId, approverId, "approver"),
            ProvStatement.Artifact(statementId, "in-toto-statement", digest,
                new JsonObject { ["predicateType"] = InTotoStatement.PredicateType }),
            ProvStatement.WasGeneratedBy(statementId, promotionId),
            ProvStatement.WasDerivedFrom(statementId, checkpointId),
        ]);
    }
}
