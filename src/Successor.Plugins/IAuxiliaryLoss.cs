// Extension point: a loss on the weights added to the data's loss each step (a regulariser). The plug-in
// returns its value and adds its gradient into `gradients`, which already holds the data loss's gradient;
// both arrays are the model's parameters in its fixed layout.
namespace Successor.Plugins;

public interface IAuxiliaryLoss
{
    double AddLoss(ReadOnlySpan<float> weights, Span<float> gradients);
}
