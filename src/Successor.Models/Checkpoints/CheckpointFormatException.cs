// The one error a checkpoint reader raises: a single line naming the file, what is wrong and what would be right.
namespace Successor.Models.Checkpoints;

/// <summary>
/// A checkpoint file that cannot be used. The message is one line:
/// <c>checkpoint &lt;path&gt;: &lt;what is wrong&gt;; &lt;what would be right&gt;</c>.
/// </summary>
public sealed class CheckpointFormatException : Exception
{
    public CheckpointFormatException(string path, string problem, string expected, Exception? inner = null)
        : base(OneLine($"checkpoint {path}: {problem}; {expected}"), inner)
    {
        Path = path;
    }

    /// <summary>The checkpoint file the problem was found in.</summary>
    public string Path { get; }

    // Tensor names and I/O messages come from outside; a newline in them must not split the message.
    static string OneLine(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (int i = 0; i < span.Length; i++) span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        });
}
