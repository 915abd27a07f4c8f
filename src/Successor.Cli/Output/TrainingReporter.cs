// Renders training events: a Spectre progress bar on a terminal, plain lines when redirected,
// JSON lines with --json.
using Spectre.Console;
using Successor.Training;

namespace Successor.Cli.Output;

public sealed class TrainingReporter(Printer printer, int logInterval)
{
    /// <summary>Runs `train` with a live progress bar when interactive, else with line output.</summary>
    public void Run(int startStep, int totalSteps, Action<Action<TrainingEvent>> train)
    {
        if (!printer.Interactive)
        {
            train(Plain);
            return;
        }
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(),
                new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("training", maxValue: totalSteps);
                task.Value = startStep;
                train(e =>
                {
                    if (e is StepEvent s)
                    {
                        task.Value = s.Step;
                        task.Description =
                            $"step {s.Step}/{s.TotalSteps}  loss {s.Loss:0.0000}  {s.TokensPerSecond:N0} tok/s";
                    }
                    else if (e is EvalEvent v)
                        AnsiConsole.MarkupLine($"step {v.Step}: [green]val loss {v.ValidationLoss:0.0000}[/]");
                    else if (e is CheckpointEvent c)
                        AnsiConsole.MarkupLine($"step {c.Step}: checkpoint {Markup.Escape(c.Directory)}");
                });
            });
    }

    void Plain(TrainingEvent e)
    {
        switch (e)
        {
            case StepEvent s when s.Step % logInterval == 0 || s.Step == s.TotalSteps || s.Step == 1:
                var eta = TimeSpan.FromSeconds(s.Elapsed.TotalSeconds / s.Step * (s.TotalSteps - s.Step));
                printer.Line($"step {s.Step}/{s.TotalSteps}: loss {s.Loss:0.0000}, lr {s.LearningRate:0.###e0}, "
                    + $"grad norm {s.GradNorm:0.###}, {s.TokensPerSecond:N0} tok/s, eta {eta:hh\\:mm\\:ss}");
                printer.Event("step", [("step", s.Step), ("loss", s.Loss), ("lr", s.LearningRate),
                    ("grad_norm", s.GradNorm), ("tokens_per_second", Math.Round(s.TokensPerSecond, 1)),
                    ("elapsed_seconds", Math.Round(s.Elapsed.TotalSeconds, 3))]);
                break;
            case EvalEvent v:
                printer.Line($"step {v.Step}: val loss {v.ValidationLoss:0.0000}");
                printer.Event("eval", [("step", v.Step), ("val_loss", v.ValidationLoss)]);
                break;
            case CheckpointEvent c:
                printer.Line($"step {c.Step}: checkpoint {c.Directory}");
                printer.Event("checkpoint", [("step", c.Step), ("directory", c.Directory)]);
                break;
        }
    }
}
