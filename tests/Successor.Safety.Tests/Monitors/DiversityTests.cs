// Diversity measures against values worked out by hand, including the edges: n-grams never cross
// texts, surrogate pairs are single characters, ties stay together in the tail.
using Successor.Safety.Monitors;

namespace Successor.Safety.Tests.Monitors;

public sealed class DiversityTests
{
    [Fact]
    public void Distinct_character_bigrams_count_repeats_once()
    {
        // "abab": ab, ba, ab → 2 distinct of 3.
        Assert.Equal(2.0 / 3, Diversity.DistinctCharacterNGrams(["abab"], 2), 12);
        // "aaaa": a × 4 → 1 of 4.
        Assert.Equal(0.25, Diversity.DistinctCharacterNGrams(["aaaa"], 1), 12);
    }

    [Fact]
    public void Character_ngrams_never_cross_from_one_text_to_the_next()
    {
        // "ab" and "cd" give ab and cd only, never "bc".
        Assert.Equal(1.0, Diversity.DistinctCharacterNGrams(["ab", "cd"], 2), 12);
        Assert.Equal(0.5, Diversity.DistinctCharacterNGrams(["ab", "ab"], 2), 12);
        Assert.Equal(0, Diversity.DistinctCharacterNGrams(["a", "b"], 2));
    }

    [Fact]
    public void A_surrogate_pair_counts_as_one_character()
    {
        // Three emoji: 2 bigrams, 1 distinct. Counting UTF-16 units would give 5 bigrams, 2 distinct.
        Assert.Equal(0.5, Diversity.DistinctCharacterNGrams(["😀😀😀"], 2), 12);
    }

    [Fact]
    public void Distinct_token_ngrams_split_on_whitespace_within_each_text()
    {
        string[] texts = ["the cat  the cat", "the\tdog"];
        // unigrams: the cat the cat the dog → 3 of 6.
        Assert.Equal(0.5, Diversity.DistinctTokenNGrams(texts, 1), 12);
        // bigrams: "the cat", "cat the", "the cat", "the dog" → 3 of 4.
        Assert.Equal(0.75, Diversity.DistinctTokenNGrams(texts, 2), 12);
        Assert.Equal(0, Diversity.DistinctTokenNGrams(["one", "two"], 2));
    }

    [Fact]
    public void Repetitive_generations_score_lower_than_varied_ones()
    {
        string[] collapsed = ["the answer is 4", "the answer is 4", "the answer is 4"];
        string[] varied = ["the answer is 4", "seven times six is 42", "a prime above ten is 11"];
        Assert.True(Diversity.DistinctTokenNGrams(collapsed, 2) < Diversity.DistinctTokenNGrams(varied, 2));
        Assert.True(Diversity.TokenEntropyBits(collapsed) < Diversity.TokenEntropyBits(varied));
    }

    [Fact]
    public void Entropy_in_bits_matches_hand_computed_values()
    {
        Assert.Equal(1.0, Diversity.TokenEntropyBits(["a a", "b b"]), 12);
        Assert.Equal(2.0, Diversity.TokenEntropyBits(["a b c d"]), 12);
        Assert.Equal(3.0, Diversity.EntropyBits(Enumerable.Range(0, 8)), 12);
        // p = 3/4, 1/4: −(0.75 log2 0.75 + 0.25 log2 0.25) = 0.811278…
        Assert.Equal(0.8112781245, Diversity.TokenEntropyBits(["a a a b"]), 9);
        Assert.Equal(0, Diversity.TokenEntropyBits(["same same same"]));
        Assert.Equal(0, Diversity.EntropyBits(Array.Empty<int>()));
    }

    [Fact]
    public void Tail_coverage_is_the_share_of_rare_reference_items_that_were_generated()
    {
        // Counts: a 4, b 3, c 2, d 1, e 1. Sorted 1 1 2 3 4.
        var reference = Diversity.Tokens(["a a a a b b b c c d e"]);
        // q = 0.4: the 2nd smallest count is 1, so the tail is {d, e}; only d is generated.
        Assert.Equal(0.5, Diversity.TailCoverage(reference, Diversity.Tokens(["a d x"]), 0.4), 12);
        // q = 0.5: the 3rd smallest count is 2, so the tail is {c, d, e}; c and d are generated.
        Assert.Equal(2.0 / 3, Diversity.TailCoverage(reference, Diversity.Tokens(["c d a"]), 0.5), 12);
        // q = 0.2: the 1st smallest count is 1; e ties with d and stays in the tail.
        Assert.Equal(0.5, Diversity.TailCoverage(reference, Diversity.Tokens(["e"]), 0.2), 12);
        Assert.Equal(0, Diversity.TailCoverage(reference, Diversity.Tokens(["a b a b"]), 0.4));
        Assert.Equal(1.0, Diversity.TailCoverage(reference, reference, 1.0));
    }

    [Fact]
    public void Tail_coverage_works_on_token_ids_as_well_as_words()
    {
        int[] reference = [1, 1, 1, 2, 2, 3, 4, 5];
        Assert.Equal(1.0 / 3, Diversity.TailCoverage(reference, [1, 2, 5], 0.5), 12);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Diversity.DistinctCharacterNGrams(["abc"], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Diversity.DistinctTokenNGrams(["abc"], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Diversity.TailCoverage(["a"], ["a"], 0));
        Assert.Throws<ArgumentException>(() => Diversity.TailCoverage(Array.Empty<string>(), ["a"], 0.5));
    }
}
