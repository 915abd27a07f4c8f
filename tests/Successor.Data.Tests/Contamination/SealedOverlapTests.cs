// Any overlap with the sealed holdout is refused, however small a share of the training data it is:
// five sealed documents hidden among tinyshakespeare's training documents are each listed.
using Successor.Data.Contamination;
using Successor.Data.Corpora;
using Successor.Training.Data;

namespace Successor.Data.Tests.Contamination;

public sealed class SealedOverlapTests
{
    static string Shakespeare()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "shared", "data", "tinyshakespeare.txt");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("shared/data/tinyshakespeare.txt not found above the test folder");
    }

    [Fact]
    public void Five_sealed_documents_among_tinyshakespeares_training_documents_are_refused()
    {
        var split = CorpusSplitter.Split(CorpusReader.Load(Shakespeare()), new SplitRatios(), 1);
        var train = split.Train.ToList();
        var copied = split.Holdout.Where(d => d.Text.Length >= 200).Take(5).ToList();
        for (int i = 0; i < copied.Count; i++)
            train.Insert(i * 1000, copied[i] with { Id = $"copied{i}" });
        var index = new ContaminationIndex();
        index.Add("the sealed holdout", split.Holdout, sealedSide: true);
        var report = index.Check(train);
        Assert.Equal(5, report.Flagged);
        Assert.True(report.Rate < ContaminationGuard.DefaultThreshold, $"rate {report.Rate}");
        var e = Assert.Throws<DataException>(() => ContaminationGuard.Require("train", report));
        Assert.StartsWith($"data train: 5 of {train.Count} documents overlap the sealed holdout", e.Message);
        Assert.Equal([.. Enumerable.Range(0, 5).Select(i => $"copied{i}")],
            report.SealedHits.Select(h => h.TrainingDocument));
        foreach (var (hit, source) in report.SealedHits.Zip(copied))
        {
            Assert.Contains($"{hit.TrainingDocument} line {hit.Line} (", e.Message);
            Assert.True(hit.ShortExcerpt.Length <= 43, hit.ShortExcerpt);
            Assert.DoesNotContain(source.Text, e.Message);
        }
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void Public_validation_overlap_below_the_threshold_still_passes_and_a_line_is_reported()
    {
        var index = new ContaminationIndex();
        index.Add("the validation set", [new Document("v", "a quotation anyone may use\nthen the line that " +
            "is shared with the validation set word for word and far too long to be chance")]);
        var training = Enumerable.Range(0, 2000).Select(i => new Document($"t{i}", $"clean text {i}")).ToList();
        training[7] = new Document("t7", "first line\nsecond line\nthen the line that is shared with the " +
            "validation set word for word and far too long to be chance");
        var report = index.Check(training);
        Assert.Equal((1, 0), (report.Flagged, report.SealedFlagged));
        Assert.Equal(3, report.Examples.Single().Line);
        ContaminationGuard.Require("train", report);
    }

    [Fact]
    public void A_gram_shared_by_public_and_sealed_references_counts_as_sealed()
    {
        const string shared = "these thirteen words appear in both the validation set and the sealed holdout too";
        var index = new ContaminationIndex();
        index.Add("the validation set", [new Document("v", shared)]);
        index.Add("the sealed holdout", [new Document("h", shared)], sealedSide: true);
        var report = index.Check([new Document("t", shared)]);
        Assert.Equal("the sealed holdout", report.SealedHits.Single().Reference);
    }
}
