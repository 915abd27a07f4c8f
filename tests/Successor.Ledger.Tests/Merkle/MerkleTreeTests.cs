// The Merkle tree against the Certificate Transparency test vectors (RFC 6962 trees over eight
// fixed entries) and against an independent transcription of RFC 6962's definitions; proofs must
// verify, and must stop verifying when any one byte of leaf, path or root changes.
using Successor.Ledger.Merkle;

namespace Successor.Ledger.Tests.Merkle;

public sealed class MerkleTreeTests
{
    // Inputs and expected roots of the certificate-transparency reference tests (sizes 0..8).
    private static readonly byte[][] Entries =
        new[] { "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f" }
            .Select(Convert.FromHexString).ToArray();

    private static readonly string[] Roots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    private static List<byte[]> Leaves(IEnumerable<byte[]> entries) =>
        entries.Select(e => MerkleTree.LeafHash(e)).ToList();

    private static string Hex(byte[] b) => Convert.ToHexStringLower(b);

    [Fact]
    public void Roots_of_the_reference_trees_match_the_published_values_and_the_reference()
    {
        var leaves = Leaves(Entries);
        for (int n = 0; n <= 8; n++)
        {
            Assert.Equal(Roots[n], Hex(MerkleTree.Root(leaves, n)));
            Assert.Equal(Roots[n], Hex(Rfc6962Reference.Mth(Entries.Take(n).ToList())));
        }
    }

    [Theory]
    [InlineData(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7,"
        + "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e,"
        + "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")]
    [InlineData(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b,"
        + "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0,"
        + "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [InlineData(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]
    [InlineData(0, 1, "")]
    public void Inclusion_proofs_match_the_published_vectors_and_verify(int index, int size, string expected)
    {
        var leaves = Leaves(Entries);
        var proof = MerkleTree.InclusionProof(leaves, index, size);
        Assert.Equal(expected, string.Join(",", proof.Select(Hex)));
        Assert.True(MerkleVerifier.VerifyInclusion(
            leaves[index], index, size, proof, Convert.FromHexString(Roots[size])));
    }

    [Theory]
    [InlineData(1, 1, "")]
    [InlineData(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7,"
        + "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e,"
        + "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")]
    [InlineData(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a,"
        + "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0,"
        + "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [InlineData(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e,"
        + "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")]
    public void Consistency_proofs_match_the_published_vectors_and_verify(int oldSize, int newSize, string expected)
    {
        var leaves = Leaves(Entries);
        var proof = MerkleTree.ConsistencyProof(leaves, oldSize, newSize);
        Assert.Equal(expected, string.Join(",", proof.Select(Hex)));
        Assert.True(MerkleVerifier.VerifyConsistency(oldSize, newSize,
            Convert.FromHexString(Roots[oldSize]), Convert.FromHexString(Roots[newSize]), proof));
    }

    [Fact]
    public void Every_inclusion_proof_up_to_40_leaves_equals_the_reference_and_fails_when_one_byte_changes()
    {
        var rng = new Random(6962);
        for (int n = 1; n <= 40; n++)
        {
            var entries = RandomEntries(rng, n);
            var leaves = Leaves(entries);
            byte[] root = MerkleTree.Root(leaves, n);
            Assert.Equal(Hex(Rfc6962Reference.Mth(entries)), Hex(root));
            for (int m = 0; m < n; m++)
            {
                var proof = MerkleTree.InclusionProof(leaves, m, n);
                Assert.Equal(Rfc6962Reference.Path(m, entries).Select(Hex), proof.Select(Hex));
                Assert.True(MerkleVerifier.VerifyInclusion(leaves[m], m, n, proof, root));

                Assert.False(MerkleVerifier.VerifyInclusion(Flip(leaves[m], rng), m, n, proof, root));
                Assert.False(MerkleVerifier.VerifyInclusion(leaves[m], m, n, proof, Flip(root, rng)));
                if (proof.Count > 0)
                {
                    var bad = proof.ToList();
                    int i = rng.Next(bad.Count);
                    bad[i] = Flip(bad[i], rng);
                    Assert.False(MerkleVerifier.VerifyInclusion(leaves[m], m, n, bad, root));
                }
                if (n > 1) Assert.False(MerkleVerifier.VerifyInclusion(leaves[m], (m + 1) % n, n, proof, root));
            }
        }
    }

    [Fact]
    public void Every_consistency_proof_up_to_24_leaves_equals_the_reference_and_fails_when_one_byte_changes()
    {
        var rng = new Random(9162);
        for (int n = 1; n <= 24; n++)
        {
            var entries = RandomEntries(rng, n);
            var leaves = Leaves(entries);
            byte[] newRoot = MerkleTree.Root(leaves, n);
            for (int m = 1; m <= n; m++)
            {
                byte[] oldRoot = MerkleTree.Root(leaves, m);
                var proof = MerkleTree.ConsistencyProof(leaves, m, n);
                Assert.Equal(Rfc6962Reference.Proof(m, entries).Select(Hex), proof.Select(Hex));
                Assert.True(MerkleVerifier.VerifyConsistency(m, n, oldRoot, newRoot, proof));

                Assert.False(MerkleVerifier.VerifyConsistency(m, n, Flip(oldRoot, rng), newRoot, proof));
                Assert.False(MerkleVerifier.VerifyConsistency(m, n, oldRoot, Flip(newRoot, rng), proof));
                if (proof.Count > 0)
                {
                    var bad = proof.ToList();
                    int i = rng.Next(bad.Count);
                    bad[i] = Flip(bad[i], rng);
                    Assert.False(MerkleVerifier.VerifyConsistency(m, n, oldRoot, newRoot, bad));
                }
            }
        }
    }

    [Fact]
    public void A_compact_range_gives_the_same_root_at_every_size()
    {
        var rng = new Random(3);
        var leaves = Leaves(RandomEntries(rng, 70));
        var range = new CompactRange();
        Assert.Equal(Roots[0], Hex(range.Root()));
        for (int n = 1; n <= leaves.Count; n++)
        {
            range.Append(leaves[n - 1]);
            Assert.Equal(Hex(MerkleTree.Root(leaves, n)), Hex(range.Root()));
        }
    }

    private static List<byte[]> RandomEntries(Random rng, int n) =>
        Enumerable.Range(0, n).Select(_ =>
        {
            var b = new byte[rng.Next(0, 40)];
            rng.NextBytes(b);
            return b;
        }).ToList();

    private static byte[] Flip(byte[] b, Random rng)
    {
        var c = (byte[])b.Clone();
        c[rng.Next(c.Length)] ^= (byte)(1 << rng.Next(8));
        return c;
    }
}
