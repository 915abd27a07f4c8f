// The matmuls `successor bench` times as the step's floor: the linear layers account for 6 FLOPs per weight per
// token (forward, input gradient, weight gradient), attention for the causal share of six T×T×HS products per
// head, and every shape is what Gemm is asked for in a step.
using Successor.Cli.Commands.Bench;
using Successor.Models.Gpt;

namespace Successor.Cli.Tests;

public sealed class StepMatmulTests
{
    [Theory]
    [InlineData(4, 4, 128, 64, 12)]
    [InlineData(6, 6, 384, 256, 8)]
    public void The_step_matmuls_add_up_to_six_flops_per_weight_per_token_plus_causal_attention(int L, int NH, int C,
        int T, int B)
    {
        var m = new ModelConfig { Layers = L, Heads = NH, Embedding = C, BlockSize = T };
        var matmuls = StepMatmul.Of(m, B);
        double tokens = (double)B * T, H = m.Hidden;
        double weights = L * (3.0 * C * C + C * C + C * H + H * C) + (double)C * m.VocabSize;
        Assert.Equal(6 * weights * tokens, matmuls.Where(x => !x.PerHead).Sum(x => x.FlopsPerStep), 1e-6 * weights);
        double attention = 6 * 2.0 * T * T * (C / NH) * (T + 1) / (2.0 * T) * B * NH * L;
        Assert.Equal(attention, matmuls.Where(x => x.PerHead).Sum(x => x.FlopsPerStep), 1e-6 * attention);
        Assert.Equal(5 * 3 + 6, matmuls.Count);
    }

    [Fact]
    public void SwiGlu_doubles_the_up_projection()
    {
        var gelu = StepMatmul.Of(new ModelConfig(), 2).Single(x => x.Name == "fc.forward");
        var swiglu = StepMatmul.Of(new ModelConfig { Activation = Activation.SwiGlu }, 2)
            .Single(x => x.Name == "fc.forward");
        Assert.Equal(2 * gelu.N, swiglu.N);
    }
}
