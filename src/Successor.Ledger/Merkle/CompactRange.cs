// The RFC 6962 root of a growing list of leaves in O(log n) memory: the tree of n leaves is the
// perfect subtrees given by the binary digits of n, largest on the left, folded from the right.
// Lets verify compute the root at every signed tree head in one pass over the log.
namespace Successor.Ledger.Merkle;

public sealed class CompactRange
{
    private readonly List<(int Height, byte[] Hash)> _stack = [];

    public long Size { get; private set; }

    public void Append(byte[] leafHash)
    {
        var node = (Height: 0, Hash: leafHash);
        while (_stack.Count > 0 && _stack[^1].Height == node.Height)
        {
            node = (node.Height + 1, MerkleTree.NodeHash(_stack[^1].Hash, node.Hash));
            _stack.RemoveAt(_stack.Count - 1);
        }
        _stack.Add(node);
        Size++;
    }

    public byte[] Root()
    {
        if (_stack.Count == 0) return MerkleTree.Root([], 0);
        byte[] r = _stack[^1].Hash;
        for (int i = _stack.Count - 2; i >= 0; i--) r = MerkleTree.NodeHash(_stack[i].Hash, r);
        return r;
    }
}
