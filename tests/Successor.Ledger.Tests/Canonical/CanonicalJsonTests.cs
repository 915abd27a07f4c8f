// Canonical JSON against RFC 8785's rules: sorted keys, no whitespace, ECMAScript numbers,
// minimal string escapes.
using Successor.Ledger.Canonical;

namespace Successor.Ledger.Tests.Canonical;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Keys_are_sorted_by_code_unit_and_whitespace_is_removed()
    {
        Assert.Equal("""{"a":[1,{"x":null,"y":true}],"b":"c","€":1,"😀":2}""",
            CanonicalJson.Canonicalize("""{ "😀": 2, "b" : "c", "€": 1, "a": [ 1, { "y": true, "x": null } ] }"""));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("1.0", "1")]
    [InlineData("4.50", "4.5")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("123456789012345680000", "123456789012345680000")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("-1.5e-10", "-1.5e-10")]
    [InlineData("333333333.3333333", "333333333.3333333")]
    [InlineData("5e-324", "5e-324")]
    [InlineData("1.7976931348623157e308", "1.7976931348623157e+308")]
    public void Numbers_are_written_as_ECMAScript_writes_them(string input, string expected)
    {
        Assert.Equal(expected, CanonicalJson.Canonicalize(input));
    }

    [Fact]
    public void Strings_keep_unicode_and_escape_only_what_JSON_requires()
    {
        Assert.Equal("\"\\u000f\\n\\\"\\\\/é<>\"", CanonicalJson.Canonicalize("\"\\u000F\\n\\\"\\\\\\/\\u00e9<>\""));
    }

    [Fact]
    public void A_duplicate_key_is_an_error_that_names_the_key()
    {
        var e = Assert.Throws<LedgerException>(() => CanonicalJson.Canonicalize("""{"a":1,"a":2}"""));
        Assert.Contains("\"a\"", e.Message);
    }

    [Fact]
    public void Invalid_json_is_a_one_line_error()
    {
        var e = Assert.Throws<LedgerException>(() => CanonicalJson.Canonicalize("{"));
        Assert.DoesNotContain('\n', e.Message);
    }
}
