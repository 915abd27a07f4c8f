// A model's loss on a set of documents: nats per token, bits per byte, and how many tokens.
namespace Successor.Evaluation.Text;

public sealed record TextScore(double Loss, double BitsPerByte, long Tokens);
