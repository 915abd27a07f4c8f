// The split is document-level, deterministic, order-independent, hashed, and plants canaries only in the holdout.
using Successor.Data.Corpora;

namespace Successor.Data.Tests.Corpora;

public sealed class CorpusSplitterTests
{
    static Corpus Make(int n, int offset = 0) =>
        new("test", [.. Enumerable.Range(offset, n)
            .Select(i => new Document($"d{i}", $"document number {i} says {i * 7919 % 1000}"))]);

    [Fact]
    public void The_split_is_deterministic_and_close_to_the_ratios()
    {
        var corpus = Make(5000);
        var a = CorpusSplitter.Split(corpus, new SplitRatios(0.8, 0.1, 0.1), seed: 3);
        var b = CorpusSplitter.Split(corpus, new SplitRatios(0.8, 0.1, 0.1), seed: 3);
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Holdout, b.Holdout);
        Assert.Equal(5000, a.Train.Count + a.Validation.Count + a.Holdout.Count);
        Assert.InRange(a.Train.Count, 3850, 4150);
        Assert.InRange(a.Holdout.Count, 420, 580);
        Assert.NotEqual(a.Holdout, CorpusSplitter.Split(corpus, new SplitRatios(0.8, 0.1, 0.1), seed: 4).Holdout);
    }

    [Fact]
    public void A_documents_split_does_not_depend_on_order_or_on_other_documents()
    {
        var small = CorpusSplitter.Split(Make(300), new SplitRatios(), 9);
        var shuffled = new Corpus("x", [.. Make(600).Documents.Reverse()]);
        var big = CorpusSplitter.Split(shuffled, new SplitRatios(), 9);
        Assert.All(small.Holdout, d => Assert.Contains(d, big.Holdout));
        Assert.All(small.Train, d => Assert.Contains(d, big.Train));
    }

    [Fact]
    public void Exact_duplicates_always_land_in_the_same_split()
    {
        var docs = Make(200).Documents.Concat(Make(200).Documents.Select(d => d with { Id = d.Id + "-copy" })).ToList();
        var split = CorpusSplitter.Split(new Corpus("dups", docs), new SplitRatios(0.5, 0.25, 0.25), 1);
        var trainTexts = split.Train.Select(d => d.Text).ToHashSet();
        Assert.DoesNotContain(split.Holdout, d => trainTexts.Contains(d.Text));
        Assert.DoesNotContain(split.Validation, d => trainTexts.Contains(d.Text));
    }

    [Fact]
    public void Canaries_are_planted_only_in_the_holdout_and_are_unique()
    {
        var split = CorpusSplitter.Split(Make(400), new SplitRatios(), 1, canaries: 3);
        Assert.Equal(3, split.Canaries.Select(c => c.Text).Distinct().Count());
        foreach (var c in split.Canaries)
        {
            Assert.Contains(split.Holdout, d => d.Text.Contains(c.Text));
            Assert.DoesNotContain(split.Train.Concat(split.Validation), d => d.Text.Contains(c.Secret));
        }
    }

    [Fact]
    public void The_writer_hashes_each_split_and_seals_the_holdout()
    {
        string folder = Directory.CreateTempSubdirectory("successor-split-").FullName;
        try
        {
            var corpus = Make(300);
            var split = CorpusSplitter.Split(corpus, new SplitRatios(), 1, canaries: 1);
            var manifest = SplitWriter.Write(folder, corpus, split, new SplitRatios(), 1);
            Assert.Equal(Corpus.ContentHash(split.Holdout), manifest["holdout"]!["sha256"]!.ToString());
            Assert.Equal(split.Train.Select(d => d.Text),
                CorpusReader.Load(Path.Combine(folder, SplitWriter.TrainFile)).Documents.Select(d => d.Text));
            Assert.StartsWith(SealedFormat.Header,
                File.ReadAllText(Path.Combine(folder, "sealed", SealedFormat.HoldoutFile)));
            Assert.Throws<Successor.Training.Data.DataException>(() =>
                CorpusReader.Load(Path.Combine(folder, "sealed", SealedFormat.HoldoutFile)));
        }
        finally { Directory.Delete(folder, true); }
    }

    [Theory]
    [InlineData("0.8,0.1")]
    [InlineData("0.8,0.1,0.2")]
    [InlineData("a,b,c")]
    [InlineData("0,0.5,0.5")]
    public void Bad_ratios_are_one_line_errors(string text) =>
        Assert.StartsWith("--ratios", Assert.Throws<ArgumentException>(() => SplitRatios.Parse(text)).Message);
}
