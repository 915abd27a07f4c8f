// The first line of every sealed holdout file. It lives here, below the data layer, so that the trainer
// itself refuses a sealed file given by path: only the Verifier (Successor.Evaluation) reads past it.
using System.Text;

namespace Successor.Training.Data;

public static class SealedMarker
{
    public const string Header = "{\"successor_sealed_holdout\":1}";

    public static bool IsSealed(ReadOnlySpan<byte> content) => content.StartsWith(Encoding.UTF8.GetBytes(Header));
}
