// One tensor of a Hugging Face GPT-2 checkpoint and the Successor tensor it holds.
namespace Successor.Models.Interop;

/// <summary>`Successor` names a tensor of the parameter layout, `HuggingFace` its name in GPT2LMHeadModel's
/// state dict. Transposed tensors are GPT-2's Conv1D weights, stored (inputs, outputs) where Successor stores
/// (outputs, inputs) as nn.Linear does.</summary>
public sealed record HfGpt2Tensor(string Successor, string HuggingFace, bool Transposed);
