// Checks a written inclusion proof the way a third party would: against a published root and
// size (or, without them, the tree head inside the proof), and the head's signature when the
// notary's public key is at hand.
using Successor.Ledger.Signing;

namespace Successor.Ledger.Proofs;

/// <param name="SignatureValid">Null when no key was at hand to check the signature with.</param>
public sealed record ProofCheck(long Record, long TreeSize, string Root, bool Included, bool? SignatureValid)
{
    /// <summary>Included, and the signature is not known to be wrong.</summary>
    public bool Ok => Included && SignatureValid != false;

    /// <param name="file">A proof document written by `successor prove --output`.</param>
    /// <param name="root">The published root (hex); give it together with <paramref name="size"/> or not at
    /// all.</param>
    /// <param name="publicKeyFile">The notary's public key; when the file is absent the signature goes
    /// unchecked (and <see cref="SignatureValid"/> says so).</param>
    public static ProofCheck Run(string file, string? root, long? size, string publicKeyFile)
    {
        if (!File.Exists(file))
            throw new LedgerException(
                $"proof {file}: file not found; write one with `successor prove <id> --output {file}`");
        if ((root is null) != (size is null))
            throw new LedgerException(
                "prove --check: give both --root and --size of the published tree head, or neither");
        var proof = InclusionProof.FromJson(File.ReadAllText(file), $"proof {file}");
        string againstRoot = root?.ToLowerInvariant() ?? proof.TreeHead.Root;
        long againstSize = size ?? proof.TreeHead.Size;
        bool included = proof.Check(againstRoot, againstSize);
        var key = TreeHeadKey.FromFileIfPresent(publicKeyFile);
        bool? signatureOk = key?.Verify(proof.TreeHead);
        return new ProofCheck(proof.LeafIndex, againstSize, againstRoot, included, signatureOk);
    }
}
