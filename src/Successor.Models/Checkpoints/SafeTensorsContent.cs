// What a safetensors file holds once read: its tensors and the caller's metadata.
namespace Successor.Models.Checkpoints;

/// <summary>
/// What <see cref="SafeTensorsFile.Read"/> returns: the tensors in the order their data lies in the file
/// (the order they were given to Write) and the caller's metadata (the reserved <c>data_sha256</c> entry
/// is checked and removed).
/// </summary>
public sealed record SafeTensorsContent(IReadOnlyList<SafeTensor> Tensors, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The file the content was read from, for error messages.</summary>
    public string Path { get; init; } = "";

    /// <summary>The tensor named <paramref name="name"/>; throws <see cref="CheckpointFormatException"/> if
    /// absent.</summary>
    public SafeTensor this[string name]
    {
        get
        {
            foreach (var tensor in Tensors)
                if (tensor.Name == name) return tensor;
            const int Listed = 8;
            string present = Tensors.Count == 0 ? "no tensors"
                : string.Join(", ", Tensors.Take(Listed).Select(t => $"'{t.Name}'"))
                    + (Tensors.Count > Listed ? $" and {Tensors.Count - Listed} more" : "");
            throw new CheckpointFormatException(Path, $"no tensor named '{name}'", $"the file holds {present}");
        }
    }
}
