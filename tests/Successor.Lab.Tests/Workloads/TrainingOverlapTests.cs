// A text lab refuses its training data on any sealed overlap, and on public validation overlap only above
// the guard's threshold: one sealed document among thousands is refused, a shared quotation with public
// validation is not.
using Successor.Data.Contamination;
using Successor.Data.Corpora;
using Successor.Lab.Workloads;

namespace Successor.Lab.Tests.Workloads;

public sealed class TrainingOverlapTests
{
    const string Sealed = "a sealed document that nobody may train on, long enough for thirteen words and fifty bytes";
    const string Quoted = "to be or not to be that is the question whether tis nobler in the mind to suffer";

    static ContaminationReport Scan(string reference, string text, bool sealedSide, List<Document> training)
    {
        var index = new ContaminationIndex();
        index.Add(reference, [new Document("ref", text)], sealedSide);
        return index.Check(training);
    }

    [Fact]
    public void One_sealed_document_among_thousands_is_refused_and_a_public_quotation_is_not()
    {
        var training = Enumerable.Range(0, 3000).Select(i => new Document($"t{i}", $"clean line {i}")).ToList();
        training[10] = new Document("t10", "the play opens\n" + Quoted);
        var validation = Scan("public validation", Quoted, sealedSide: false, training);
        var clean = new TrainingOverlap(validation, Scan("the sealed holdout", Sealed, sealedSide: true, training));
        Assert.True(clean.Passed(ContaminationGuard.DefaultThreshold));

        training[2000] = new Document("t2000", Sealed);
        var leaked = new TrainingOverlap(validation, Scan("the sealed holdout", Sealed, sealedSide: true, training));
        Assert.True(leaked.Sealed.Rate < ContaminationGuard.DefaultThreshold);
        Assert.False(leaked.Passed(ContaminationGuard.DefaultThreshold));
        Assert.Equal("t2000", leaked.Sealed.SealedHits.Single().TrainingDocument);
        Assert.Equal(2, validation.Examples.Single().Line);
    }
}
