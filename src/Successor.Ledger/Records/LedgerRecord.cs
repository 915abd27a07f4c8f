// One stored row of the log, as read back — possibly tampered with, which is what verify checks.
// Hash = SHA-256(PreviousHash ‖ UTF-8 entry); the first record's PreviousHash is 32 zero bytes.
using System.Security.Cryptography;
using System.Text;
using Successor.Ledger.Merkle;

namespace Successor.Ledger.Records;

public sealed record LedgerRecord(long Seq, string Entry, byte[] PreviousHash, byte[] Hash)
{
    public static readonly byte[] GenesisHash = new byte[32];

    public static byte[] ChainHash(ReadOnlySpan<byte> previousHash, string entry)
    {
        int n = Encoding.UTF8.GetByteCount(entry);
        var buffer = new byte[32 + n];
        previousHash.CopyTo(buffer);
        Encoding.UTF8.GetBytes(entry, buffer.AsSpan(32));
        return SHA256.HashData(buffer);
    }

    public byte[] LeafHash() => MerkleTree.LeafHash(Encoding.UTF8.GetBytes(Entry));

    public LedgerEntry Parse() => LedgerEntry.Parse(Entry, $"record {Seq}");
}
