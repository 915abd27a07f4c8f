// JSON reading errors as people read them: the line and column, the field path, what was found, what is
// expected and the nearest known key, and never a .NET type name or a byte offset.
using System.Text.Json;

namespace Successor.Models.Tests.Json;

public sealed class JsonProblemTests
{
    public enum Shape { Round, SquareCorner }

    public sealed record Inner(int Steps = 1, double Rate = 0.1, Shape Shape = Shape.Round);

    public sealed record Outer(int Generations = 1, string Name = "x", bool Fast = false, Inner? Budgets = null,
        IReadOnlyList<Inner>? Items = null, int? Limit = null);

    const string AValue = "a value is a number, \"text\", true, false, null, { ... } or [ ... ]";

    static string Problem(string json)
    {
        var e = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Outer>(json, SnakeCaseJson.Options));
        return "f.json" + SnakeCaseJson.Problem(e, json, typeof(Outer));
    }

    [Theory]
    [InlineData("{\n  \"generatons\": 2\n}",
        "f.json, line 2, column 3: unknown key \"generatons\"; did you mean \"generations\"?")]
    [InlineData("{\n  \"generations\": \"two\"\n}",
        "f.json, line 2, column 18: generations is the text \"two\"; expected a whole number")]
    [InlineData("{ \"budgets\": { \"stepz\": 3 } }",
        "f.json, line 1, column 16: unknown key \"stepz\" in budgets; did you mean \"steps\"?")]
    [InlineData("{ \"zzzzzz\": 3 }",
        "f.json, line 1, column 3: unknown key \"zzzzzz\"; the keys here are generations, name, fast, budgets, " +
        "items, limit")]
    [InlineData("{ \"budgets\": { \"shape\": \"oval\" } }",
        "f.json, line 1, column 25: budgets.shape is the text \"oval\"; expected one of round, square_corner")]
    [InlineData("{ \"items\": [ { \"rate\": true } ] }",
        "f.json, line 1, column 24: items[0].rate is true; expected a number")]
    [InlineData("{ \"limit\": \"a\" }",
        "f.json, line 1, column 12: limit is the text \"a\"; expected a whole number or null")]
    [InlineData("{ \"generations\": 1e20 }",
        "f.json, line 1, column 18: generations is 1e20; expected a whole number from -2147483648 to 2147483647")]
    [InlineData("[1, 2]", "f.json, line 1, column 1: the document is a list; expected an object { ... }")]
    [InlineData("{ \"fast\": tru }",
        "f.json, line 1, column 11: not valid JSON: 'tru' is not a value; " + AValue)]
    [InlineData("{ \"fast\": x }", "f.json, line 1, column 11: not valid JSON: 'x' is not a value; " + AValue)]
    [InlineData("{ \"fast\": true",
        "f.json, line 1, column 15: not valid JSON: the text ends before every { and [ is closed")]
    public void A_reading_error_names_the_place_the_field_and_what_is_expected(string json, string expected)
    {
        string message = Problem(json);
        Assert.Equal(expected, message);
        Assert.DoesNotMatch(@"System\.|Successor\.|Exception|BytePosition|LineNumber: ", message);
    }
}
