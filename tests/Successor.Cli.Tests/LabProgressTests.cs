// The live lab view's figures: the stage each progress line puts a generation in, trials done of those started,
// tokens against the cap, and a time-left estimate that is given only once a generation has been measured.
using Successor.Cli.Output;
using Successor.Lab.Config;
using Successor.Lab.Loop;

namespace Successor.Cli.Tests;

public sealed class LabProgressTests
{
    static readonly LabConfig ThreeGenerations = new LabConfig { Generations = 3 } with
    {
        Budgets = new BudgetConfig { GenerationTokens = 1_000_000, GenerationSeconds = 600 },
    };

    static TimeSpan At(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Each_line_moves_its_generation_to_the_stage_it_names_and_counts_its_trials_and_tokens()
    {
        var p = new LabProgress(ThreeGenerations, [], []);
        p.Add(new LabLine(0, "train", "training the first champion"), At(0));
        p.Add(new LabLine(0, "champion", "first champion: ..."), At(20));
        p.Add(new LabLine(1, "start", "generation 1"), At(21));
        p.Add(new LabLine(1, "proposal", "p0"), At(22));
        Assert.Equal("planning", p.Generations(At(22))[1].Stage);
        p.Add(new LabLine(1, "trials", "running 4 trial(s)") { Trials = 4 }, At(23));
        p.Add(new LabLine(1, "trial", "p0 done") { Tokens = 10_000, Seconds = 3 }, At(26));
        p.Add(new LabLine(1, "trial", "control done") { Tokens = 10_000, Seconds = 3 }, At(29));
        var g1 = p.Generations(At(30))[1];
        Assert.Equal(("experiments", 2, 4, 20_000L, 1_000_000L, 600.0), (g1.Stage, g1.TrialsDone, g1.TrialsStarted,
            g1.Tokens, g1.TokenBudget, g1.SecondsBudget));
        Assert.Equal(9, g1.Seconds, 3);
        p.Add(new LabLine(1, "successor", "training the successor"), At(31));
        p.Add(new LabLine(1, "trials", "running 1 trial(s)") { Trials = 1 }, At(31));
        Assert.Equal("training the successor", p.Generations(At(31))[1].Stage); // its trial is not an experiment
        p.Add(new LabLine(1, "promoted", "promoted"), At(40));
        var done = p.Generations(At(50));
        Assert.True(done[0].Finished && done[1].Finished && !done[2].Finished);
        Assert.Equal(("waiting", 0.0), (done[3].Stage, done[3].Seconds));
        Assert.Equal(19, done[1].Seconds, 3); // stopped at its verdict
        Assert.Null(done[0].TokenBudget); // the first champion is not under the generation cap
    }

    [Fact]
    public void Time_left_is_only_estimated_once_a_generation_has_finished()
    {
        var p = new LabProgress(ThreeGenerations, [], []);
        p.Add(new LabLine(1, "start", "generation 1"), At(0));
        Assert.Null(p.SecondsLeft(At(50)));
        Assert.Contains("estimated once generation 1 has finished", p.LeftText(At(50)));
        p.Add(new LabLine(1, "rejected", "not better"), At(100));
        p.Add(new LabLine(2, "start", "generation 2"), At(100));
        // generation 2 is 30 s into a mean of 100 s, and generation 3 has not started: 70 + 100
        Assert.Equal(170, p.SecondsLeft(At(130))!.Value, 6);
        Assert.Equal("about 2 min 50 s left (from 1 finished generation)", p.LeftText(At(130)));
        // a generation running past the mean is not given negative time
        Assert.Equal(100, p.SecondsLeft(At(250))!.Value, 6);
    }

    [Fact]
    public void A_resumed_lab_estimates_from_the_generations_its_ledger_holds()
    {
        var p = new LabProgress(ThreeGenerations, [60, 80], [0, 1, 2]);
        p.Add(new LabLine(3, "start", "generation 3"), At(0));
        Assert.Equal(50, p.SecondsLeft(At(20))!.Value, 6);
        Assert.Equal("done (recorded)", p.Generations(At(20))[2].Stage);
        p.Add(new LabLine(3, "promoted", "promoted"), At(70));
        Assert.Equal("every generation has finished", p.LeftText(At(70)));
    }
}
