// The judge: the process that alone reads the sealed holdout and the judge's secrets, and answers the lab
// with verdicts and statistics. Which account it runs as, and how many trial models it re-evaluates.

namespace Successor.Lab.Config;

public sealed record JudgeConfig
{
    /// <summary>The account the judge runs as (null: the lab's own). A lab running as root starts it with setpriv;
    /// any other lab through `sudo -n -u ACCOUNT` (docs/SAFETY.md gives the sudoers rule).</summary>
    [TemplateComment("Run the judge as this account (null: the lab's own); the lab then cannot read its secrets.")]
    public string? Account { get; init; }
    /// <summary>Trial models per generation the judge scores itself on public validation, against what their
    /// workers reported: the selected candidate's always, the rest drawn with the judge's secret.</summary>
    [TemplateComment("Trial models per generation the judge re-scores on public validation against what their " +
        "workers reported: the selected candidate's always, the rest drawn with the judge's secret.")]
    public int Reevaluate { get; init; } = 2;
}
