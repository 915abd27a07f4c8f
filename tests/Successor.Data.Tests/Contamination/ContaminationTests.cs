// Contamination detection finds every planted overlap (13-gram or 50-byte) and flags nothing on clean splits.
using Successor.Data.Contamination;
using Successor.Data.Corpora;
using Successor.Tensors;
using Successor.Training.Data;

namespace Successor.Data.Tests.Contamination;

public sealed class ContaminationTests
{
    static readonly string[] Words =
        [.. ("the a of to in is was he she it that for on with as his her they at by this had not are but " +
            "from or have an which one you were all we when there can been has more if no out so said what " +
            "up its about into than them only could new some time these two may then do first any like my " +
            "now over such our man me even most made after also did many before must through back years " +
            "where much your way well down should because each just those people how too little state good " +
            "very make world still own see men work long get here between both life being under never day " +
            "same another know while last might us great old year off come since against go came right used " +
            "take three").Split(' ')];

    static Document Sentence(Rng rng, string id, int words) =>
        new(id, string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[rng.NextInt(Words.Length)])) + ".");

    [Fact]
    public void Every_planted_overlap_is_found_and_nothing_else_is_flagged()
    {
        var rng = new Rng(11);
        var reference = Enumerable.Range(0, 200).Select(i => Sentence(rng, $"ref{i}", 60)).ToList();
        var training = Enumerable.Range(0, 1000).Select(i => Sentence(rng, $"train{i}", 60)).ToList();
        var planted = new HashSet<string>();
        for (int i = 0; i < 1000; i += 50)
        {
            var source = reference[rng.NextInt(reference.Count)].Text;
            // Alternate: a 13-word span (word detector) and a 55-byte span without word boundaries intact.
            string piece = i % 100 == 0
                ? string.Join(' ', source.Split(' ').Skip(20).Take(13))
                : source.Substring(7, 55);
            training[i] = training[i] with { Text = training[i].Text + " " + piece.ToUpperInvariant().ToLowerInvariant()
                + " tail" };
            planted.Add(training[i].Id);
        }
        var index = new ContaminationIndex();
        index.Add("validation", reference);
        var report = index.Check(training, examples: 100);
        Assert.Equal(planted.Count, report.Flagged);
        Assert.Equal(planted, report.Examples.Select(e => e.TrainingDocument).ToHashSet());
        Assert.Equal(planted.Count / 1000.0, report.Rate, 6);
    }

    [Fact]
    public void A_clean_split_flags_nothing()
    {
        var rng = new Rng(12);
        var docs = Enumerable.Range(0, 600).Select(i => Sentence(rng, $"d{i}", 80)).ToList();
        var split = CorpusSplitter.Split(new Corpus("clean", docs), new SplitRatios(), 1);
        var index = new ContaminationIndex();
        index.Add("validation", split.Validation);
        index.Add("holdout", split.Holdout);
        var report = index.Check(split.Train);
        Assert.Equal(0, report.Flagged);
        Assert.True(report.WordGrams > 10_000 && report.ByteWindows > 100_000);
    }

    [Fact]
    public void The_guard_refuses_a_mixture_above_the_threshold_with_one_line()
    {
        var index = new ContaminationIndex();
        var secret = new Document("v",
            "this sentence is in the validation set and must never be trained on by anyone at all ever");
        index.Add("the validation set", [secret]);
        var report = index.Check([secret with { Id = "gen:1" }, new Document("gen:2", "clean text")]);
        var e = Assert.Throws<DataException>(() => ContaminationGuard.Require("mix.jsonl", report));
        Assert.Contains("1 of 2 documents (50.00%) overlap the validation set", e.Message);
        Assert.DoesNotContain("\n", e.Message);
        ContaminationGuard.Require("mix.jsonl", report, threshold: 0.5);
    }
}
