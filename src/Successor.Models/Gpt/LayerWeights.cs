// Pointers to one transformer block's tensors inside an arena laid out by ParameterLayout:
// the same struct addresses parameters or their gradients. Absent tensors (no bias) are null.
using Successor.Tensors;

namespace Successor.Models.Gpt;

public readonly unsafe struct LayerWeights
{
    public readonly float* Ln1W, Ln1B, QkvW, QkvB, ProjW, ProjB, Ln2W, Ln2B, FcW, FcB, FcProjW, FcProjB;

    public LayerWeights(ParameterLayout layout, FloatArena arena, int layer)
    {
        string p = $"blocks.{layer}.";
        Ln1W = At(layout, arena, p + "ln1.weight"); Ln1B = At(layout, arena, p + "ln1.bias");
        QkvW = At(layout, arena, p + "attn.qkv.weight"); QkvB = At(layout, arena, p + "attn.qkv.bias");
        ProjW = At(layout, arena, p + "attn.proj.weight"); ProjB = At(layout, arena, p + "attn.proj.bias");
        Ln2W = At(layout, arena, p + "ln2.weight"); Ln2B = At(layout, arena, p + "ln2.bias");
        FcW = At(layout, arena, p + "mlp.fc.weight"); FcB = At(layout, arena, p + "mlp.fc.bias");
        FcProjW = At(layout, arena, p + "mlp.proj.weight"); FcProjB = At(layout, arena, p + "mlp.proj.bias");
    }

    /// <summary>The tensor's address in the arena, or null when the layout does not have it.</summary>
    public static float* At(ParameterLayout layout, FloatArena arena, string name) =>
        layout.Contains(name) ? arena.Pointer + layout[name].Offset : null;
}
