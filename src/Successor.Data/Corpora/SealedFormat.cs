// The marker that makes a file a sealed holdout. The split writer puts it on the first line of the
// holdout file; every public reader refuses such a file, and only the Verifier (Successor.Evaluation)
// reads past it.
namespace Successor.Data.Corpora;

public static class SealedFormat
{
    public const string Header = Successor.Training.Data.SealedMarker.Header;
    public const string FolderName = "sealed";
    public const string HoldoutFile = "holdout.jsonl";
    public const string CanaryFile = "canaries.jsonl";
}
