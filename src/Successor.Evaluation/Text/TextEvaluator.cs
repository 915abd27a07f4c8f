// Text loss: mean next-token cross-entropy in nats over every position of each document, and bits per
// byte (tokens are bytes, so bits per byte = nats per token / ln 2). Per-document losses feed paired
// comparisons.
using Successor.Data.Corpora;
using Successor.Models.Gpt;
using Successor.Models.Tokenizers;
using Successor.Training;
using Successor.Training.Data;

namespace Successor.Evaluation.Text;

public static class TextEvaluator
{
    public static TextScore Score(GptModel model, IReadOnlyList<Document> documents, int batchSize = 8) =>
        Summarize(PerDocument(model, documents, batchSize));

    /// <summary>Per-document losses → the token-weighted loss and bits per byte.</summary>
    public static TextScore Summarize(IReadOnlyList<(double Loss, long Tokens)> losses)
    {
        long tokens = losses.Sum(l => l.Tokens);
        if (tokens == 0)
            throw new DataException(
                "text evaluation: the documents have no predictable tokens; give documents of at least 2 bytes");
        double loss = losses.Sum(l => l.Loss * l.Tokens) / tokens;
        return new TextScore(loss, loss / Math.Log(2), tokens);
    }

    /// <summary>Each document's mean loss (nats per token) and its predicted-token count (documents of
    /// under 2 bytes have none and score 0).</summary>
    public static List<(double Loss, long Tokens)> PerDocument(GptModel model,
        IReadOnlyList<Document> documents, int batchSize = 8)
    {
        var result = new List<(double, long)>(documents.Count);
        foreach (var d in documents)
        {
            var tokens = ByteTokenizer.Encode(d.Text);
            result.Add(tokens.Length < 2 ? (0, 0)
                : (Trainer.FullLoss(model, new TokenStream(tokens), batchSize), tokens.Length - 1));
        }
        return result;
    }
}
