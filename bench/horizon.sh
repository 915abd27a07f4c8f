#!/usr/bin/env bash
# The short-horizon bias behind bench/efficiency.sh, measured directly on tinyshakespeare (baby model):
#   short — the loop's view: from a 500-step plain champion, 100-step warm-started trials (cosine to a
#           tenth) at learning rate 1e-3 or 3e-3 and warmup 0/10/30/60, each against the plain control;
#   long  — the truth the loop is after: the hand recipe at learning rate 1e-3 and at 3e-3, 6,000 steps
#           from scratch, scored on the sealed holdout.
# If short trials rank 1e-3 first while the long runs rank 3e-3 first, short trials are biased toward
# low learning rates; the trial-length sweep shows how long a trial must be to see the long run's order.
# About 45 minutes on 2 cores.   HORIZON_PARTS="short lengths long" (the default) picks the parts to run.   bench/horizon.sh   (HORIZON_OUT sets the folder)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${HORIZON_OUT:-/tmp/successor-bench/horizon}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version)"
rm -rf "$out" && mkdir -p "$out"
"$root/successor" data split "$root/../shared/data/tinyshakespeare.txt" --out "$out/split" --ratios 0.8,0.1,0.1 > /dev/null
lab() { # name, body
  mkdir -p "$out/$1" && echo "{ \"name\": \"$1\", \"split\": \"$out/split\", \"self_generation\": { \"enabled\": false }, $2 }" > "$out/$1/lab.json"
  (cd "$out/$1" && "$root/successor" run > run.log)
}
parts=" ${HORIZON_PARTS:-short lengths long} "
if [[ $parts == *" short "* ]]; then
lab short '"generations": 1,
  "budgets": { "initial_steps": 500, "trial_steps": 100, "successor_steps": 100, "trial_seconds": 7200 },
  "research": { "strategy": "random", "proposals": 8, "rungs": 1, "workers": 2, "threads_per_worker": 1,
    "search_space": [ { "key": "learning_rate", "scale": "choice", "choices": [0.001, 0.003] }, { "key": "schedule", "scale": "choice", "choices": ["cosine"] },
      { "key": "warmup_steps", "scale": "choice", "choices": [0, 10, 30, 60] } ] },
  "recipe": { "learning_rate": 3e-4, "min_learning_rate": 3e-4, "schedule": "constant", "warmup_steps": 0, "weight_decay": 0, "eval_interval": 0 }'
echo "short: 100-step trials from the 500-step plain champion, public bits/byte (lower is better):"
grep -E ' g1 proposal: ' "$out/short/run.log" | sed -E 's/.*proposal: (p[0-9]+): learning_rate=([0-9.e-]+) min_learning_rate=[0-9.e-]+ schedule=cosine warmup_steps=([0-9]+).*/\1 \2 \3/' > "$out/short/proposals.txt"
grep -E ' g1 trial: g1-r0-' "$out/short/run.log" | sed -E 's/.*g1-r0-([a-z0-9]+): public bits_per_byte ([0-9.]+).*/\1 \2/' | sort > "$out/short/scores.txt"
join <(sort "$out/short/proposals.txt") "$out/short/scores.txt" | awk '{ printf "  learning_rate %s warmup %3s: %s\n", $2, $3, $4 }' | sort -u | sort -k5 -n
awk '$1 == "control" { printf "  control (3e-4 constant): %s\n", $2 }' "$out/short/scores.txt"
fi
# Where the order flips: the same two learning rates (hand's warmup of 100, up to half the trial) in
# warm-started trials of 200, 400 and 800 steps. Each lab stops at its lab_tokens cap once the trials are
# scored, before selection and the successor.
if [[ $parts == *" lengths "* ]]; then
  echo "trial length: warm-started trials from the 500-step plain champion, public bits/byte (lower is better):"
  for t in ${HORIZON_LENGTHS:-200 400 800}; do
    for lr in 0.001 0.003; do
      lab "t$t-$lr" "\"generations\": 1, \"seed\": 1,
        \"budgets\": { \"initial_steps\": 500, \"trial_steps\": $t, \"successor_steps\": 5600, \"lab_tokens\": $(( (500 + 2 * t) * 768 )), \"trial_seconds\": 7200 },
        \"research\": { \"strategy\": \"random\", \"proposals\": 1, \"rungs\": 1, \"scale_trial_schedules\": true, \"workers\": 2, \"threads_per_worker\": 1,
          \"search_space\": [ { \"key\": \"learning_rate\", \"scale\": \"choice\", \"choices\": [$lr] }, { \"key\": \"schedule\", \"scale\": \"choice\", \"choices\": [\"cosine\"] },
            { \"key\": \"warmup_steps\", \"scale\": \"choice\", \"choices\": [100] }, { \"key\": \"weight_decay\", \"scale\": \"choice\", \"choices\": [0.1] } ] },
        \"recipe\": { \"learning_rate\": 3e-4, \"min_learning_rate\": 3e-4, \"schedule\": \"constant\", \"warmup_steps\": 0, \"weight_decay\": 0, \"eval_interval\": 0 }"
      printf "  %4s steps, learning rate %s: %s\n" "$t" "$lr" "$(grep -m1 ' g1 rung: ' "$out/t$t-$lr/run.log" | sed -E 's/.*control ([0-9.]+) \| p1 ([0-9.]+) .*/\2 (control \1)/')"
    done
  done
fi
if [[ $parts == *" long "* ]]; then
  for lr in 1e-3 3e-3; do
    lab "long-$lr" "\"generations\": 0, \"budgets\": { \"initial_steps\": 6000, \"trial_seconds\": 7200 }, \"research\": { \"workers\": 1, \"threads_per_worker\": 2 },
      \"recipe\": { \"learning_rate\": $lr, \"min_learning_rate\": $(awk -v l="$lr" 'BEGIN { print l / 10 }'), \"eval_interval\": 0 }"
    printf "long: learning rate %s, 6,000 steps from scratch: sealed holdout %s bits/byte\n" "$lr" \
      "$(cd "$out/long-$lr" && "$root/successor" status | grep -m1 '^champion_holdout: ' | cut -d' ' -f2)"
  done
fi
