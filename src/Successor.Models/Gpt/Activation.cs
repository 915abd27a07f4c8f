// The activation function of a GPT block's MLP. Enums are written in snake_case by the recipe's JSON
// options ("gelu", "relu_squared", "swiglu", ...).
using System.Text.Json.Serialization;

namespace Successor.Models.Gpt;

public enum Activation { Gelu, ReluSquared, [JsonStringEnumMemberName("swiglu")] SwiGlu }
