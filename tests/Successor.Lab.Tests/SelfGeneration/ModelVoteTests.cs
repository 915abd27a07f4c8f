// The vote filter: an answer is kept only when more than half of all the voters gave it with a plausible length;
// the exact checker never decides, it only measures what was kept.
using Successor.Data.Curriculum;
using Successor.Lab.SelfGeneration;
using Successor.Models.Gpt;
using Successor.Tensors.Fast;
using Successor.Training;
using Successor.Training.Recipes;

namespace Successor.Lab.Tests.SelfGeneration;

public sealed class ModelVoteTests
{
    [Fact]
    public void An_answer_most_voters_agree_on_is_kept()
    {
        Assert.Equal(("46", VoteVerdict.Kept), ModelVote.Decide("add 12+34=", ["46", "47", "46"]));
        Assert.Equal(("999", VoteVerdict.Kept), ModelVote.Decide("add 500+499=", ["999", "999", "999"]));
    }

    [Fact]
    public void Without_a_majority_of_all_voters_nothing_is_kept()
    {
        Assert.Equal((null, VoteVerdict.NoMajority), ModelVote.Decide("add 12+34=", ["46", "47", "45"]));
        // two of five agree: the most common answer, but not a majority of the voters
        Assert.Equal((null, VoteVerdict.NoMajority), ModelVote.Decide("add 12+34=", ["46", "46", "47", "48", null]));
        // a voter without an answer counts against every answer
        Assert.Equal((null, VoteVerdict.NoMajority), ModelVote.Decide("add 12+34=", ["46", null, null]));
        Assert.Equal((null, VoteVerdict.NoMajority), ModelVote.Decide("add 12+34=", ["4=6", "4=6", "46"]));
    }

    [Fact]
    public void The_vote_is_not_a_checker_a_wrong_answer_most_voters_give_is_kept()
    {
        Assert.Equal(("47", VoteVerdict.Kept), ModelVote.Decide("add 12+34=", ["47", "46", "47"]));
        var problems = CurriculumGenerator.Set(TaskFamilies.Parse("add"), [2], 2, 9, CurriculumSplit.Train);
        var (kept, result) = SelfGeneratedData.Keep(problems, [problems[0].Answer, "10"], "vote", [2]);
        Assert.Equal(2, kept.Count);
        Assert.Equal((1, 0.5), (result.KeptCorrect, result.KeptLabelAccuracy));
    }

    [Theory]
    [InlineData("add 12+34=", "46", true)]
    [InlineData("add 99+99=", "198", true)]
    [InlineData("add 12+34=", "4600", false)]
    [InlineData("add 12+34=", "6", false)]
    [InlineData("radd 21+43=", "64", true)]
    [InlineData("radd 99999+1=", "000001", true)]
    [InlineData("radd 99999+1=", "0000001", false)]
    [InlineData("mul 123*45=", "5535", true)]
    [InlineData("mul 999*99=", "98901", true)]
    [InlineData("mul 123*45=", "553", false)]
    [InlineData("mul 123*45=", "553500", false)]
    [InlineData("copy abc=", "abc", true)]
    [InlineData("copy abc=", "abcc", false)]
    [InlineData("bal ()=", "yes", true)]
    [InlineData("add 12=", "12", false)]
    public void The_length_filter_admits_only_lengths_a_right_answer_can_have(string prompt, string answer,
        bool plausible) => Assert.Equal(plausible, AnswerLength.Plausible(prompt, answer));

    [Fact]
    public void A_majority_on_an_implausible_length_is_dropped()
    {
        Assert.Equal((null, VoteVerdict.ImplausibleLength), ModelVote.Decide("add 12+34=", ["4600", "4600", "46"]));
        // the implausible votes still count as voters: one plausible answer of three is no majority
        Assert.Equal((null, VoteVerdict.NoMajority), ModelVote.Decide("add 12+34=", ["4600", "460", "46"]));
    }

    [Fact]
    public void Models_vote_with_their_greedy_answers_two_identical_models_outvote_a_third()
    {
        using Trainer a = Trained(1), b = Trained(2);
        // bal has no length rule, so every well-formed answer of these briefly trained models can be voted in
        var problems = CurriculumGenerator.Set(TaskFamilies.Parse("bal"), [1, 2, 3], 10, 3, CurriculumSplit.Train);
        var ofA = Answers(a.Model, problems);
        var ofB = Answers(b.Model, problems);
        Assert.Contains(ofA, x => x is not null);
        Assert.NotEqual(ofA, ofB); // two seeds, two models that disagree somewhere
        Assert.Equal(ofA, Vote([a.Model, b.Model, a.Model], problems).Answers);
        var (answers, verdicts, unanimous) = Vote([a.Model, b.Model, b.Model], problems);
        Assert.Equal(ofB, answers);
        Assert.Equal(answers.Count(x => x is not null), verdicts.Count(v => v == VoteVerdict.Kept));
        // unanimous exactly where the outvoted model gave the kept answer too
        Assert.Equal([.. ofB.Select((x, i) => x is not null && ofA[i] == x)], unanimous);
        Assert.Contains(false, unanimous);
        Assert.Equal([.. ofA.Select(x => x is not null)],
            Vote([a.Model, a.Model, a.Model], problems).Unanimous);
    }

    static (List<string?> Answers, IReadOnlyList<VoteVerdict> Verdicts, IReadOnlyList<bool> Unanimous) Vote(
        IReadOnlyList<GptModel> voters, IReadOnlyList<Problem> problems) =>
        ModelVote.Run(problems, ModelVote.Answers(voters, problems));

    static List<string?> Answers(GptModel model, IReadOnlyList<Problem> problems) =>
        [.. Evaluation.Curriculum.CurriculumEvaluator.Run(model, problems).Select(i => i.Output.Trim())
            .Select(o => o.Length > 0 && !o.Contains('=') && !o.Contains('\n') ? o : null)];

    static Trainer Trained(ulong seed)
    {
        var recipe = new Recipe
        {
            Model = new ModelConfig { Layers = 1, Heads = 2, Embedding = 16, BlockSize = 32 },
            BatchSize = 16, Steps = 40, WarmupSteps = 5, EvalInterval = 0, LearningRate = 1e-2, Seed = seed,
        };
        var trainer = new Trainer(recipe, CurriculumBatchSource.Data([TaskFamilies.Get("bal")], 1, 3),
            new FastKernels());
        trainer.Run();
        return trainer;
    }
}
