// Canaries for a curriculum lab: problems on the sealed side of the partition whose answers no task rule
// produces — digits derived from the sealed secret — so a model that gives one has been trained on the
// canary itself (sealed data leaked into its training), not taught the task. The secret is the only input
// that is not public: whoever holds the sealed seed holds the canaries, and no one else can write them.
using System.Buffers.Binary;
using System.Security.Cryptography;
using Successor.Data.Curriculum;
using Successor.Evaluation.Curriculum;
using Successor.Models.Gpt;
using Successor.Models.Tokenizers;
using Successor.Tensors;

namespace Successor.Evaluation.Verification;

public static class CanaryProblems
{
    /// <summary>Digits in a canary's answer: long enough that no guess or rule hits it (10^-8 a try), short
    /// enough to fit beside a prompt in a small model's context.</summary>
    public const int AnswerDigits = 8;

    const ulong CanaryStream = 0xCA7A;

    /// <summary>`count` canary problems: sealed-side prompts of the families at the difficulties in turn, each
    /// with a secret answer the family's checker rejects.</summary>
    public static IReadOnlyList<Problem> For(ulong secret, IReadOnlyList<ITaskFamily> families,
        IReadOnlyList<int> difficulties, int count)
    {
        var canaries = new List<Problem>(count);
        for (int i = 0; i < count; i++)
        {
            var family = families[i % families.Count];
            int d = difficulties[i % difficulties.Count];
            var problem = CurriculumGenerator.Draw(family, d, CurriculumPartition.Sealed,
                Rng.For(secret, CanaryStream, (ulong)i));
            string answer = SecretAnswer(secret, i, 0);
            for (int attempt = 1; TaskFamilies.Check(problem.Prompt, answer); attempt++)
                answer = SecretAnswer(secret, i, attempt);
            canaries.Add(problem with { Answer = answer });
        }
        return canaries;
    }

    /// <summary>How many of the canaries the model completes exactly when decoding greedily from their
    /// prompts.</summary>
    public static int Completed(GptModel model, IReadOnlyList<Problem> canaries)
    {
        if (canaries.Count == 0) return 0;
        using var decoder = new BatchedGreedyDecoder(model, canaries.Count);
        var outputs = decoder.Decode([.. canaries.Select(c => ByteTokenizer.Encode(c.Prompt))], AnswerDigits + 2);
        return canaries.Zip(outputs).Count(p => ByteTokenizer.Decode(p.Second.ToArray()).Trim() == p.First.Answer);
    }

    /// <summary>AnswerDigits decimal digits of SHA-256(secret ‖ index ‖ attempt).</summary>
    static string SecretAnswer(ulong secret, int index, int attempt)
    {
        Span<byte> input = stackalloc byte[24];
        BinaryPrimitives.WriteUInt64LittleEndian(input, secret);
        BinaryPrimitives.WriteUInt64LittleEndian(input[8..], (ulong)index);
        BinaryPrimitives.WriteUInt64LittleEndian(input[16..], (ulong)attempt);
        ulong h = BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(input));
        return (h % 100_000_000UL).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
