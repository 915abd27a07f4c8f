// Answer perplexity against a plain twin: token by token through the KV-cache decoder, a log-softmax in
// doubles over the answer tokens and the closing newline only.
using Successor.Data.Curriculum;
using Successor.Evaluation.Curriculum;
using Successor.Models.Generation;
using Successor.Models.Gpt;
using Successor.Models.Tokenizers;
using Successor.Tensors.Fast;

namespace Successor.Evaluation.Tests.Curriculum;

public sealed class AnswerPerplexityTests
{
    static unsafe double Reference(GptModel model, IReadOnlyList<Problem> problems)
    {
        double sum = 0;
        int count = 0, V = model.Config.VocabSize;
        using var decoder = new KvCacheDecoder(model);
        foreach (var p in problems)
        {
            decoder.Reset();
            var line = ByteTokenizer.Encode(p.Line);
            int prompt = ByteTokenizer.Encode(p.Prompt).Length;
            for (int t = 0; t + 1 < line.Length; t++)
            {
                decoder.Push(line[t]);
                if (t + 1 < prompt) continue;
                double max = double.NegativeInfinity, z = 0;
                for (int v = 0; v < V; v++) max = Math.Max(max, decoder.Logits[v]);
                for (int v = 0; v < V; v++) z += Math.Exp(decoder.Logits[v] - max);
                sum += max + Math.Log(z) - decoder.Logits[line[t + 1]];
                count++;
            }
        }
        return Math.Exp(sum / count);
    }

    [Fact]
    public void Matches_a_token_by_token_log_softmax_over_the_answers()
    {
        using var model =
            new GptModel(new ModelConfig { Layers = 1, Heads = 2, Embedding = 16, BlockSize = 32 }, new FastKernels());
        model.Initialize(3);
        var problems = CurriculumGenerator.Set([TaskFamilies.Get("radd")], [1, 3, 5], 7, 2, CurriculumSplit.Train);
        double fast = AnswerPerplexity.Of(model, problems, batchSize: 4);
        Assert.Equal(Math.Log(Reference(model, problems)), Math.Log(fast), 1e-4);
        Assert.InRange(fast, 200, 320); // an untrained model is close to uniform over 256 bytes
        Assert.True(double.IsNaN(AnswerPerplexity.Of(model, [])));
    }
}
