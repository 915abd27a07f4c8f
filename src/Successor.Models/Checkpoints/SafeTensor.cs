// The data a safetensors checkpoint holds: named F32 tensors and string metadata.
namespace Successor.Models.Checkpoints;

/// <summary>
/// One named F32 tensor, row-major. <c>Data.Length</c> must equal the product of <c>Shape</c>
/// (1 for a scalar, <c>Shape = []</c>). Write reads <c>Data</c> in place and Read fills a fresh
/// array straight from the file, so no extra copy of the values is made either way.
/// </summary>
public sealed record SafeTensor(string Name, int[] Shape, float[] Data);
