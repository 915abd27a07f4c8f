// Recipes: strict parsing, overrides, canonical form and hash, presets.
using Successor.Models.Gpt;
using Successor.Training.Recipes;

namespace Successor.Training.Tests.Recipes;

public sealed class RecipeJsonTests
{
    [Fact]
    public void The_baby_preset_has_nanoGPTs_shakespeare_settings()
    {
        var r = RecipePresets.Get("baby");
        Assert.Equal((4, 4, 128, 64), (r.Model.Layers, r.Model.Heads, r.Model.Embedding, r.Model.BlockSize));
        Assert.Equal((12, 2000, 1e-3, 1e-4, 100, 0.1, 0.9, 0.99),
            (r.BatchSize, r.Steps, r.LearningRate, r.MinLearningRate, r.WarmupSteps, r.WeightDecay, r.Beta1, r.Beta2));
        Assert.Equal(0f, r.Model.Dropout);
        var s = RecipePresets.Get("small");
        Assert.Equal((6, 6, 384, 256, 8, 256),
            (s.Model.Layers, s.Model.Heads, s.Model.Embedding, s.Model.BlockSize, s.BatchSize, s.Model.VocabSize));
    }

    [Fact]
    public void Serialised_recipes_parse_back_to_equal_recipes_with_equal_hashes()
    {
        var r = RecipePresets.Small with { Model = RecipePresets.Small.Model with { Activation = Activation.SwiGlu,
            Positions = Positions.Rope } };
        var back = RecipeJson.Parse(RecipeJson.Serialize(r), "test");
        Assert.Equal(r, back with { });
        Assert.Equal(RecipeJson.Sha256(r), RecipeJson.Sha256(back));
        Assert.Contains("\"activation\":\"swiglu\"", RecipeJson.Canonical(r));
        Assert.NotEqual(RecipeJson.Sha256(r), RecipeJson.Sha256(r with { Seed = 2 }));
    }

    [Fact]
    public void A_linear_cooldown_is_left_out_so_recipes_written_before_cooldown_shape_keep_their_hashes()
    {
        var wsd = RecipePresets.Baby with { Schedule = Schedule.Wsd };
        Assert.DoesNotContain("cooldown_shape", RecipeJson.Canonical(wsd));
        var sqrt = wsd with { CooldownShape = CooldownShape.Sqrt };
        Assert.Contains("\"cooldown_shape\":\"sqrt\"", RecipeJson.Canonical(sqrt));
        Assert.Equal(sqrt, RecipeJson.Parse(RecipeJson.Serialize(sqrt), "test"));
        Assert.Equal(CooldownShape.Sqrt, RecipeJson.Override(wsd, ["cooldown_shape=sqrt"]).CooldownShape);
    }

    [Fact]
    public void The_canonical_form_sorts_keys_and_has_no_whitespace()
    {
        string c = RecipeJson.Canonical(RecipePresets.Baby);
        Assert.DoesNotContain(" ", c);
        Assert.DoesNotContain("\n", c);
        Assert.True(
            c.IndexOf("\"batch_size\"", StringComparison.Ordinal) < c.IndexOf("\"beta1\"", StringComparison.Ordinal));
        Assert.Equal(64, RecipeJson.Sha256(RecipePresets.Baby).Length);
    }

    [Fact]
    public void Overrides_accept_full_paths_and_unique_leaf_names()
    {
        var r = RecipeJson.Override(RecipePresets.Baby,
            ["model.layers=2", "learning_rate=3e-4", "activation=relu_squared", "tie_weights=false"]);
        Assert.Equal(2, r.Model.Layers);
        Assert.Equal(3e-4, r.LearningRate);
        Assert.Equal(Activation.ReluSquared, r.Model.Activation);
        Assert.False(r.Model.TieWeights);
    }

    [Theory]
    [InlineData("layerz=3", "override 'layerz=3': unknown key 'layerz'; did you mean 'layers'?")]
    [InlineData("lerning_rate=1e-3", "override 'lerning_rate=1e-3': unknown key 'lerning_rate'; " +
        "did you mean 'learning_rate'?")]
    [InlineData("zzzz=3", "unknown key 'zzzz'; known keys: ")]
    [InlineData("layers=three", "override 'layers=three': model.layers is the text \"three\"; expected a whole number")]
    [InlineData("layers=1.5", "override 'layers=1.5': model.layers is 1.5; expected a whole number")]
    [InlineData("learning_rate", "expected key=value")]
    [InlineData("activation=tanh", "activation")]
    [InlineData("embedding=130", "embedding is 130; it must be a positive multiple of heads (4)")]
    [InlineData("batch_size=0", "batch_size is 0; it must be at least 1")]
    public void Bad_overrides_are_refused_with_one_line_naming_the_key(string assignment, string expected)
    {
        var e = Assert.Throws<RecipeException>(() => RecipeJson.Override(RecipePresets.Baby, [assignment]));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Theory]
    [InlineData("{\"batch_size\": 4, \"bogus\": 1}", "bogus")]
    [InlineData("{\"batch_size\": \"4\"}", "batch_size")]
    [InlineData("{\"model\": {\"layers\": 0}}", "layers is 0")]
    [InlineData("[1, 2]", "recipe r.json")]
    [InlineData("{\"steps\": 10", "recipe r.json")]
    public void Malformed_recipe_files_are_refused_with_the_file_and_the_field(string json, string expected)
    {
        var e = Assert.Throws<RecipeException>(() => RecipeJson.Parse(json, "r.json"));
        Assert.StartsWith("recipe r.json", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void An_unknown_preset_lists_the_known_ones()
    {
        var e = Assert.Throws<RecipeException>(() => RecipePresets.Get("huge"));
        Assert.Contains("baby, small", e.Message);
    }
}
