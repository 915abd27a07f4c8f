// Effects and their CIs are printed with a sign. One format for all: a single-section "+0.000" writes -0.081
// as "-+0.081", and "+0.000;-0.000" writes a negative that rounds to zero as "-+0.000"; the third section
// gives a rounded zero the plus sign.
using System.Globalization;

namespace Successor.Lab.Loop;

static class Signed
{
    public static string S(double? x, int decimals = 3) =>
        x is { } v ? v.ToString(decimals == 4 ? "+0.0000;-0.0000;+0.0000" : "+0.000;-0.000;+0.000",
            CultureInfo.InvariantCulture) : "-";
}
