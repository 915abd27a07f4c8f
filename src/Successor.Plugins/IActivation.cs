// Extension point: the elementwise activation of every block's MLP, in place of the model config's gelu or
// relu_squared (not swiglu, which is not elementwise). Forward writes each output; Backward adds
// f'(input) · outputGradient into inputGradient (the caller zeroed it).
namespace Successor.Plugins;

public interface IActivation
{
    void Forward(ReadOnlySpan<float> input, Span<float> output);

    void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, Span<float> inputGradient);
}
