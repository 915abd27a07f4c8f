// The embedded default text: seeded lines of decimal addition ("317+2048=2365"), generated on the
// spot so the main job needs no download. Exactly checkable, and learnable by a small model.
using System.Globalization;
using System.Text;
using Successor.Tensors;

namespace Successor.Training.Data;

public static class BuiltInText
{
    public const string Name = "builtin:addition";

    public static byte[] Addition(ulong seed, int bytes, int maxDigits = 4)
    {
        var rng = Rng.For(seed, 0xADD);
        var text = new StringBuilder(bytes + 32);
        while (text.Length < bytes)
        {
            long a = Number(rng, maxDigits), b = Number(rng, maxDigits);
            text.Append(CultureInfo.InvariantCulture, $"{a}+{b}={a + b}\n");
        }
        return Encoding.ASCII.GetBytes(text.ToString(0, bytes));
    }

    static long Number(Rng rng, int maxDigits)
    {
        int digits = 1 + rng.NextInt(maxDigits);
        return rng.NextInt((int)Math.Pow(10, digits));
    }
}
