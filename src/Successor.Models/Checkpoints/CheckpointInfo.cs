// What a model checkpoint says of itself: the model's shape, its tokenizer, the SHA-256 of
// the recipe it was trained with and the step it was saved at.
using Successor.Models.Gpt;

namespace Successor.Models.Checkpoints;

public sealed record CheckpointInfo(ModelConfig Config, string Tokenizer, string RecipeSha256, long Step);
