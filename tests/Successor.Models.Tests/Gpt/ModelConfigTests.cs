// ModelConfig validation of the digit position fields, and their JSON: left out at their defaults, so
// configs without digit positions keep the bytes (and recipe hashes) they had before the fields existed.
using System.Text.Json;
using Successor.Models.Gpt;

namespace Successor.Models.Tests.Gpt;

public sealed class ModelConfigTests
{
    static readonly ModelConfig Digits = new() { BlockSize = 48, Positions = Positions.Digits };

    public static TheoryData<ModelConfig, string> Invalid => new()
    {
        { Digits with { DigitOffset = -1 }, "digit_offset is -1; it must be 0 (off) or positive" },
        { new ModelConfig { DigitOffset = 3 },
            "digit_offset is 3 with positions learned; it applies only to positions digits, else it must be 0" },
        { new ModelConfig { Positions = Positions.Rope, MaxDigitPosition = 80 },
            "max_digit_position is 80 with positions rope; it applies only to positions digits, else leave it out" },
        { Digits with { DigitOffset = 20, MaxDigitPosition = 67 }, "max_digit_position is 67; " +
            "it must be at least block_size + digit_offset (68) so that every run of digits has an id" },
        { Digits with { VocabSize = 57 },
            "vocab_size is 57; positions digits reads the byte tokens '0'..'9' (48..57), so it must be at least 58" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_digit_position_fields_are_refused_in_one_line(ModelConfig config, string error) =>
        Assert.Equal(error, config.Validate());

    [Fact]
    public void The_digit_table_covers_a_block_of_digits_plus_the_offset_unless_set_larger()
    {
        Assert.Null((Digits with { DigitOffset = 20, MaxDigitPosition = 68 }).Validate());
        Assert.Equal(48 + 20 + 1, (Digits with { DigitOffset = 20 }).DigitPositionRows);
        Assert.Equal(101, (Digits with { MaxDigitPosition = 100 }).DigitPositionRows);
        var layout = new ParameterLayout(Digits with { DigitOffset = 3, Embedding = 16 });
        Assert.Equal([52, 16], layout["wpe"].Shape);
    }

    [Fact]
    public void The_digit_fields_are_written_only_when_set_and_every_key_lists_them()
    {
        string learned = JsonSerializer.Serialize(new ModelConfig(), SnakeCaseJson.Compact);
        Assert.DoesNotContain("digit", learned);
        string set =
            JsonSerializer.Serialize(Digits with { DigitOffset = 3, MaxDigitPosition = 60 }, SnakeCaseJson.Compact);
        Assert.Contains("\"max_digit_position\":60", set);
        Assert.Contains("\"digit_offset\":3", set);
        Assert.Equal(Digits with { DigitOffset = 3, MaxDigitPosition = 60 },
            JsonSerializer.Deserialize<ModelConfig>(set, SnakeCaseJson.Options));
        var every = JsonSerializer.SerializeToNode(new ModelConfig(), SnakeCaseJson.EveryKey)!.AsObject();
        Assert.True(every.ContainsKey("max_digit_position") && every.ContainsKey("digit_offset"));
        Assert.False(every.ContainsKey("head_size"));
        Assert.Equal(new ModelConfig(), every.Deserialize<ModelConfig>(SnakeCaseJson.Options));
    }
}
