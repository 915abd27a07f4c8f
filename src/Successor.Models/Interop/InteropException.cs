// The one error export and import raise: a single line naming the input, what is wrong and what would be right.
namespace Successor.Models.Interop;

public sealed class InteropException(string message) : Exception(message.ReplaceLineEndings(" "));
