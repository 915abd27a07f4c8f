// The comment `successor init` writes above each field of lab.json.
namespace Successor.Lab.Config;

static class LabConfigComments
{
    static readonly Dictionary<string, string> Comments = new(StringComparer.Ordinal)
    {
        ["name"] = "Shown in status lines and recorded in the ledger.",
        ["seed"] = "Every trial, proposal and sampled problem derives from it: the same seed gives the same lab.",
        ["generations"] = "Successors to attempt after the first champion.",
        ["curriculum"] = "Built-in task families (radd, add, mul, copy, rev, sort, kv, bal) and difficulty ranges.",
        ["curriculum.train_difficulties"] = "The first champion's supervised training range.",
        ["curriculum.eval_difficulties"] = "Public validation slices: weakness analysis and trial scores.",
        ["split"] =
            "A folder written by successor data split: train on its text instead of the curriculum (null: curriculum).",
        ["budgets"] = "Compute caps. A trial that outlives trial_seconds is killed and recorded as failed.",
        ["budgets.trial_steps"] = "Steps at the first rung of successive halving; each later rung multiplies by eta. " +
            "Steps of the lab's recipe: a trial with another batch size trains on as many tokens.",
        ["budgets.initial_steps"] = "Steps of the first champion's training run.",
        ["budgets.generation_seconds"] =
            "Checked before each batch of trials; a generation past it stops the lab (resumable with a larger cap).",
        ["budgets.last_successor_takes_rest"] =
            "true: the last generation's successor trains on every token lab_tokens has left, " +
            "instead of successor_steps.",
        ["budgets.successor_steps"] = "Steps of each successor's full run, warm-started from the champion. Steps of " +
            "the lab's recipe: a successor with another batch size trains on as many tokens.",
        ["research"] = "The researcher proposes recipe changes; trials run them in worker processes.",
        ["research.strategy"] =
            "random (uniform search) or tpe (tree-structured Parzen estimator over the lab's findings).",
        ["research.workers"] = "Trials in parallel, each its own process; keep workers x threads_per_worker <= cores.",
        ["research.selection_seeds"] = "Seeds the winning change is re-run with before it counts (at least 2).",
        ["research.continue_trials"] = "true: trials run the wsd schedule (peak held, then a cooldown) and a " +
            "promoted trial continues from its last rung's state before the cooldown, paying only new steps.",
        ["research.continue_successor"] = "With continue_trials, true: the successor continues the last rung's trial " +
            "of the adopted recipe from its state before the cooldown, paying only its new steps.",
        ["research.trial_cooldown"] =
            "With continue_trials: the share of each trial's stable steps spent cooling down before it is scored.",
        ["research.reuse_last_rung"] = "true: the selection's first seed is the last rung's own pair; the other, " +
            "fresh seeds must confirm the effect on their own.",
        ["research.finalists"] = "Up to this many last-rung winners whose CIs overlap the best one's race in the " +
            "selection on fresh seeds against a shared control (1: the best alone).",
        ["research.scale_trial_schedules"] = "true: each trial runs the successor's decay shrunk to its own length, " +
            "the warmup kept up to half the trial (a fairer proxy for the long run).",
        ["research.learning_rate_floor"] =
            "The floor a searched learning_rate decays to, as a share of it (0.1 as nanoGPT; 0 cools down to zero).",
        ["research.search_space"] =
            "What proposals may change: recipe keys with a scale (linear, log, integer, choice).",
        ["self_generation"] = "The champion answers harder problems; a filter keeps some; kept data is mixed into, " +
            "never substituted for, the original data.",
        ["self_generation.filter"] = "exact (the family's checker), majority (agreement across samples) or none.",
        ["self_generation.mastery_accuracy"] =
            "A difficulty counts as learned once public accuracy there reaches this.",
        ["promotion"] =
            "A successor is promoted only when the Verifier finds it genuinely better on the sealed holdout.",
        ["promotion.tolerance"] = "Largest accuracy loss allowed on any sealed slice.",
        ["promotion.min_kept_label_accuracy"] = "Gate: share of kept self-generated labels that must be correct.",
        ["gates"] = "Stages that wait for a named person (successor approve|reject); " +
            "the loop and researchers can never decide.",
        ["gates.promotion"] = "A person approves every promotion the Verifier accepts.",
        ["gates.incidents"] =
            "A critical incident pauses the loop until a person approves going on (a rejection halts the lab).",
        ["gates.budget_increase"] = "Raising a budget on resume waits for a person.",
        ["gates.data_mix_change"] =
            "A change of the self-generated share larger than this waits for a person (1: never).",
        ["safety"] = "Monitors for gaming, collapse and compounding error; their alarms are incidents in the ledger.",
        ["safety.holdout_feedback"] =
            "none (default: the researcher never sees holdout numbers) or thresholdout (Dwork et al. 2015).",
        ["safety.divergence_z"] =
            "Alarm when public-validation gain exceeds sealed-holdout gain by this many standard errors.",
        ["safety.reliability_horizon"] =
            "Generations ahead over which the checks' compounded reliability is projected.",
        ["safety.min_projected_reliability"] = "The lab halts when that projection falls below this.",
        ["safety.anomaly_severity"] = "Trial outliers, loss change points and throughput drops: " +
            "warning (recorded) or critical (fail closed, wait for a person).",
        ["recipe"] = "The first champion's recipe (see docs/recipe.schema.json).",
        ["sandbox"] = "on: every worker runs in a bubblewrap sandbox (no network, only its own folder writable, " +
            "no sealed data, resource limits); off: plain child processes, recorded in the ledger and the audit.",
    };

    public static string? For(string path) => Comments.GetValueOrDefault(path);
}
