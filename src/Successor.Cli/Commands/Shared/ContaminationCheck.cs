// The rule every training command applies before it trains on outside text: the text must not overlap
// a split's validation set, nor (checked by the Verifier, which alone reads it) its sealed holdout.
using Successor.Data.Contamination;
using Successor.Data.Corpora;
using Successor.Evaluation.Verification;

namespace Successor.Cli.Commands.Shared;

public static class ContaminationCheck
{
    /// <summary>Throws a one-line DataException when any document overlaps the sealed holdout (naming each), or
    /// more than `threshold` of them overlap the validation set.</summary>
    public static void Require(string name, IReadOnlyList<Document> documents, string splitFolder, double threshold)
    {
        var index = new ContaminationIndex();
        var validationSet = CorpusReader.Load(Path.Combine(splitFolder, SplitWriter.ValidationFile));
        index.Add("the validation set", validationSet.Documents);
        ContaminationGuard.Require(name, index.Check(documents), threshold);
        var verifier = new Verifier(new VerifierSettings(), splitFolder);
        ContaminationGuard.Require(name, verifier.Contamination(documents), threshold);
    }
}
