// What a person signs: the canonical JSON of an element's id, type and attributes without the signature
// fields (a person's, and the judge side's on a bootstrap). The id and type are inside, so a signature
// cannot be moved to another request or record kind.
using System.Text;
using System.Text.Json.Nodes;
using Successor.Ledger.Canonical;
using Successor.Ledger.Signing;

namespace Successor.Safety.Gates;

public static class RecordSignature
{
    const string Field = "signature", JudgeField = "judge_signature";

    public static string Body(string subject, string type, JsonObject attributes)
    {
        var unsigned = (JsonObject)attributes.DeepClone();
        unsigned.Remove(Field);
        unsigned.Remove(JudgeField);
        return CanonicalJson.Serialize(new JsonObject
        {
            ["attributes"] = unsigned, ["subject"] = subject, ["type"] = type,
        });
    }

    /// <summary>The attributes with the signature of `key` added.</summary>
    public static JsonObject Signed(PersonKey key, string subject, string type, JsonObject attributes)
    {
        var signed = (JsonObject)attributes.DeepClone();
        signed[Field] = key.Sign(Body(subject, type, attributes));
        return signed;
    }

    /// <summary>The attributes with the judge side's countersignature added (the bootstrap record).</summary>
    public static JsonObject Countersigned(TreeHeadSigner judge, string subject, string type, JsonObject attributes)
    {
        var signed = (JsonObject)attributes.DeepClone();
        signed[JudgeField] = judge.Countersign(Body(subject, type, attributes));
        return signed;
    }

    /// <summary>True when the attributes carry the judge side's countersignature, checked with its public
    /// key.</summary>
    public static bool VerifyJudge(TreeHeadKey? judge, string subject, string type, JsonObject attributes) =>
        judge is not null && attributes[JudgeField] is JsonValue v && v.TryGetValue(out string? signature)
        && judge.VerifyCountersignature(Body(subject, type, attributes), signature);

    public static bool Verify(string publicKey, string subject, string type, JsonObject attributes) =>
        attributes[Field] is JsonValue v && v.TryGetValue(out string? signature)
        && Ed25519Keys.VerifyHex(publicKey, Encoding.UTF8.GetBytes(Body(subject, type, attributes)), signature);
}
