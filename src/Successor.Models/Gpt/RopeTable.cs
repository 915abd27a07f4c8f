// Rotary position tables (Su et al. 2021): cos (T, HS/2) then sin (T, HS/2), angle = t · theta^(−2i/HS).
using Successor.Tensors;

namespace Successor.Models.Gpt;

public static unsafe class RopeTable
{
    public static FloatArena Create(ModelConfig c)
    {
        int half = c.HeadSize / 2;
        var table = new FloatArena(2L * c.BlockSize * half);
        for (int t = 0; t < c.BlockSize; t++)
        for (int i = 0; i < half; i++)
        {
            double angle = t * Math.Pow(c.RopeTheta, -2.0 * i / c.HeadSize);
            table.Pointer[(long)t * half + i] = (float)Math.Cos(angle);
            table.Pointer[(long)(c.BlockSize + t) * half + i] = (float)Math.Sin(angle);
        }
        return table;
    }

    /// <summary>The cos row of position t.</summary>
    public static float* Cos(FloatArena table, ModelConfig c, int t) => table.Pointer + (long)t * (c.HeadSize / 2);

    /// <summary>The sin row of position t.</summary>
    public static float* Sin(FloatArena table, ModelConfig c, int t) =>
        table.Pointer + (long)(c.BlockSize + t) * (c.HeadSize / 2);
}
