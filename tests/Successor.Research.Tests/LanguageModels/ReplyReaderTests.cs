// A reply read against the published schema: good replies give proposals, garbage gives problems that name the
// field, and every reply that reaches for a protected surface is refused whole and names what it reached for.
using System.Text.Json.Nodes;
using Successor.Research.LanguageModels;
using Successor.Research.Tests.Fakes;
using Successor.Training.Recipes;

namespace Successor.Research.Tests.LanguageModels;

public sealed class ReplyReaderTests
{
    static readonly ReplyReader Reader = new(new Recipe(), Lab.Points, "radd d=4 (public accuracy 0.25)");

    public static TheoryData<string, string, string> Hostile
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var (kind, reply, surface) in ModelScripts.Hostile) data.Add(kind, reply, surface);
            return data;
        }
    }

    [Fact]
    public void A_good_reply_in_a_code_fence_gives_its_proposals()
    {
        var reading = Reader.Read("Here you are:\n```json\n" + ModelScripts.Good + "\n```", 2);
        Assert.Empty(reading.Problems);
        Assert.Empty(reading.Gaming);
        Assert.Equal(["learning_rate=0.002", "min_learning_rate=0.0002"], reading.Proposals[0].Overrides);
        Assert.Equal(["warmup_steps=40", "weight_decay=0.05"], reading.Proposals[1].Overrides);
        Assert.Equal("radd d=4", reading.Proposals[0].Targets);
    }

    [Fact]
    public void A_plugin_at_a_known_point_is_read_with_its_source()
    {
        var reading = Reader.Read(ModelScripts.Reply(ModelScripts.WithPlugin(ModelScripts.RepairedPlugin)), 2);
        var plugin = Assert.Single(Assert.Single(reading.Proposals).Plugins);
        Assert.Equal(new PluginProposal(ModelScripts.Point, ModelScripts.RepairedPlugin), plugin);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_reply_that_reaches_for_a_protected_surface_is_refused_whole_and_names_it(string kind, string reply,
        string surface)
    {
        var reading = Reader.Read(reply, 2);
        Assert.Empty(reading.Proposals);
        Assert.NotEmpty(reading.Gaming);
        Assert.True(reading.Gaming.Any(g => g.Surface.Contains(surface, StringComparison.Ordinal)),
            $"{kind}: {string.Join("; ", reading.Gaming)}");
    }

    [Fact]
    public void There_are_at_least_ten_kinds_of_hostile_reply() =>
        Assert.True(ModelScripts.Hostile.Select(h => h.Kind).Distinct().Count() >= 10);

    [Theory]
    [InlineData("I think you should raise the learning rate.", "no JSON object")]
    [InlineData("{\"proposals\": [{\"overrides\": [\"learning_rate=0.002\"", "no JSON object")]
    [InlineData("{\"proposals\": \"raise it\"}", "proposals: missing or not an array")]
    [InlineData("{\"proposals\": [{\"overrides\": [\"learning_rate\"], \"rationale\": \"x\"}]}", "is not key=value")]
    [InlineData("{\"proposals\": [{\"overrides\": [\"learning_rate=banana\"], \"rationale\": \"x\"}]}",
        "proposals[1].overrides")]
    [InlineData("{\"proposals\": [{\"overrides\": [\"no_such_key=1\"], \"rationale\": \"x\"}]}",
        "proposals[1].overrides")]
    [InlineData("{\"proposals\": [{\"overrides\": [\"learning_rate=0.002\"]}]}", "proposals[1].rationale: missing")]
    [InlineData("{\"proposals\": [{\"rationale\": \"x\"}]}", "changes nothing")]
    [InlineData("{\"proposals\": [{\"overrides\": [\"learning_rate=0.002\"], \"rationale\": \"x\", \"mood\": 1}]}",
        "unknown field \"mood\"")]
    [InlineData(
        "{\"proposals\": [{\"plugins\": [{\"point\": \"optimizer\", \"source\": \"x;\"}], \"rationale\": \"x\"}]}",
        "not an extension point")]
    public void Garbage_gives_a_problem_that_names_what_is_wrong(string reply, string problem)
    {
        var reading = Reader.Read(reply, 2);
        Assert.Empty(reading.Proposals);
        Assert.Empty(reading.Gaming);
        Assert.Contains(reading.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void The_published_schema_is_the_one_the_reader_enforces()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Successor.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        string published = File.ReadAllText(Path.Combine(root!.FullName, "docs", "researcher-proposal.schema.json"));
        Assert.Equal(ProposalSchema.Text.Trim(), published.Trim());
        var item = JsonNode.Parse(published)!["properties"]!["proposals"]!["items"]!;
        Assert.Equal(["overrides", "plugins", "targets", "rationale"],
            item["properties"]!.AsObject().Select(p => p.Key));
        // a field the schema does not name is refused
        Assert.NotEmpty(Reader.Read("{\"proposals\": [], \"extra\": 1}", 2).Problems);
    }

    [Fact]
    public void The_search_space_keys_are_changes_a_researcher_may_make()
    {
        foreach (var d in SearchSpace.Default.Dimensions) Assert.Null(ReplyScreen.Override(d.Key, "1"));
        Assert.Null(ReplyScreen.Override("min_learning_rate", "0.0001"));
        Assert.Empty(ReplyScreen.Source(ModelScripts.RepairedPlugin));
    }

    [Fact]
    public void A_plug_in_class_declared_sealed_passes_the_screen_and_one_naming_the_sealed_side_does_not()
    {
        Assert.Empty(ReplyScreen.Source("public sealed class Decay : ILearningRateSchedule { }"));
        foreach (string reach in new[] { "var s = SealedSide.Read();", "string p = \"split/sealed/x\";",
            "var x = sealed_items[0];", "var y = Sealed.Items;" })
            Assert.Contains(ReplyScreen.Source(reach),
                a => a.Surface.EndsWith("sealed side or ledger", StringComparison.Ordinal));
    }
}
