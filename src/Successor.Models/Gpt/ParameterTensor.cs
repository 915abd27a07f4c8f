// One named tensor in a model's parameter arena: its shape, where it starts, and whether the
// optimizer treats it as a matrix or an embedding.
namespace Successor.Models.Gpt;

public sealed record ParameterTensor(string Name, int[] Shape, long Offset, bool IsMatrix, bool IsEmbedding)
{
    public int Count => Shape.Aggregate(1, (a, b) => a * b);
}
