// An in-toto Statement (v1) with a SLSA Provenance (v1) predicate for a promoted model: the
// subject is the weights' digest; resolved dependencies are the parent checkpoint, the data and
// the recipe. See https://github.com/in-toto/attestation and https://slsa.dev/spec/v1.0/provenance.
using System.Globalization;
using System.Text.Json.Nodes;
using Successor.Ledger.Canonical;

namespace Successor.Ledger.Attestations;

public sealed record InTotoStatement(
    string SubjectName,
    string WeightsDigest,
    string BuilderId,
    string InvocationId,
    IReadOnlyList<ResolvedDependency> Dependencies,
    DateTimeOffset StartedOn,
    DateTimeOffset FinishedOn)
{
    public const string StatementType = "https://in-toto.io/Statement/v1";
    public const string PredicateType = "https://slsa.dev/provenance/v1";
    public const string BuildType = "urn:successor:build-type:training-run:v1";

    public JsonObject ToJson()
    {
        var deps = new JsonArray();
        foreach (var d in Dependencies)
            deps.Add(new JsonObject
            {
                ["name"] = d.Name,
                ["digest"] = new JsonObject { ["sha256"] = Digests.Normalize(d.Digest) },
            });
        return new JsonObject
        {
            ["_type"] = StatementType,
            ["subject"] = new JsonArray(new JsonObject
            {
                ["name"] = SubjectName,
                ["digest"] = new JsonObject { ["sha256"] = Digests.Normalize(WeightsDigest) },
            }),
            ["predicateType"] = PredicateType,
            ["predicate"] = new JsonObject
            {
                ["buildDefinition"] = new JsonObject
                {
                    ["buildType"] = BuildType,
                    ["externalParameters"] = new JsonObject { ["invocation"] = InvocationId },
                    ["resolvedDependencies"] = deps,
                },
                ["runDetails"] = new JsonObject
                {
                    ["builder"] = new JsonObject { ["id"] = BuilderId },
                    ["metadata"] = new JsonObject
                    {
                        ["invocationId"] = InvocationId,
                        ["startedOn"] = Rfc3339(StartedOn),
                        ["finishedOn"] = Rfc3339(FinishedOn),
                    },
                },
            },
        };
    }

    /// <summary>The statement as canonical JSON — the bytes to store and hash.</summary>
    public string ToCanonicalJson() => CanonicalJson.Serialize(ToJson());

    private static string Rfc3339(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
