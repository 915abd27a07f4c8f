// A new user's corpus: short documents in many files, the same passages (a licence line, a standard warning, a
// quoted paragraph) repeated across files. A split that places documents by their own hash alone puts
// near-duplicates on both sides and the lab refuses its own training data; `successor data split` (the
// splitter and writer it calls) keeps them together or drops them, and the lab's own check accepts the result.
using Successor.Data.Contamination;
using Successor.Data.Corpora;
using Successor.Lab.Config;
using Successor.Lab.Workloads;

namespace Successor.Lab.Tests.Workloads;

public sealed class SplitAcceptanceTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("successor-hostile-split-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>40 JSONL files of 30 short documents; about one document in three quotes one of 25 shared passages,
    /// some in capitals, which the guard's word 13-grams still match.</summary>
    Corpus Hostile()
    {
        var random = new Random(7);
        var passages = Enumerable.Range(0, 25).Select(p => string.Join(' ', Enumerable.Range(0, 16)
            .Select(w => $"w{p}x{w}{(char)('a' + random.Next(26))}"))).ToList();
        string files = Path.Combine(root, "corpus");
        Directory.CreateDirectory(files);
        for (int f = 0; f < 40; f++)
        {
            var documents = Enumerable.Range(0, 30).Select(d =>
            {
                string own = $"file {f} note {d}: item {random.Next(100000)}";
                if (random.Next(3) != 0) return own;
                string quoted = passages[random.Next(passages.Count)];
                return random.Next(2) == 0 ? $"{own}\n{quoted}" : $"{quoted.ToUpperInvariant()}\n{own}";
            });
            File.WriteAllLines(Path.Combine(files, $"part{f:00}.jsonl"), documents.Select(d =>
                new System.Text.Json.Nodes.JsonObject { ["text"] = d }.ToJsonString()));
        }
        return CorpusReader.Load(files);
    }

    bool LabAccepts(string name, Corpus corpus, CorpusSplit split)
    {
        string folder = Path.Combine(root, name);
        SplitWriter.Write(folder, corpus, split, new SplitRatios(), 1);
        return new TextWorkload(folder, new PromotionConfig()).TrainingContamination()
            .Passed(ContaminationGuard.DefaultThreshold);
    }

    [Fact]
    public void The_lab_accepts_a_split_of_a_hostile_corpus_that_a_split_by_hash_alone_gets_refused()
    {
        var corpus = Hostile();
        Assert.Equal(1200, corpus.Documents.Count);

        var byHash = corpus.Documents.GroupBy(d => CorpusSplitter.Position(1, d.Text) switch
            { < 0.8 => 0, < 0.9 => 1, _ => 2 }).ToDictionary(g => g.Key, g => g.ToList());
        Assert.False(LabAccepts("by-hash", corpus, new CorpusSplit(byHash[0], byHash[1], byHash[2], [])));

        var together = CorpusSplitter.Split(corpus, new SplitRatios(), 1, canaries: 2);
        Assert.True(LabAccepts("together", corpus, together));
        var report = together.NearDuplicates!;
        Assert.Equal(1200, together.Train.Count + together.Validation.Count + together.Holdout.Count);
        Assert.Equal(25, report.Groups);
        Assert.InRange(report.Moved, 50, 400);
        Assert.NotEmpty(together.Holdout);
        Assert.Contains($"moved {report.Moved} of 1200", report.Describe(), StringComparison.Ordinal);

        var dropped = CorpusSplitter.Split(corpus, new SplitRatios(), 1, canaries: 2, NearDuplicates.Drop);
        Assert.True(LabAccepts("drop", corpus, dropped));
        int kept = dropped.Train.Count + dropped.Validation.Count + dropped.Holdout.Count;
        Assert.Equal(1200 - dropped.NearDuplicates!.Dropped, kept);
        Assert.Equal(QuotingDocuments(corpus) - 25, dropped.NearDuplicates.Dropped);
    }

    static int QuotingDocuments(Corpus corpus) => NearDuplicateGroups.Of(corpus.Documents)
        .Select((g, i) => (g, i)).GroupBy(p => p.g).Where(g => g.Count() > 1).Sum(g => g.Count());
}
