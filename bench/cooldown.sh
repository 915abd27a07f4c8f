#!/usr/bin/env bash
# The wsd cooldown's shape and floor, paired: nanoGPT's hand-tuned baby recipe on tinyshakespeare, B tokens
# from scratch, as written (cosine to a tenth) and as wsd (the peak held, then a cooldown over the last 20%)
# with a linear or a 1 − sqrt cooldown (cooldown_shape), to a tenth of the peak or to zero. Every wsd run is
# the same run until its cooldown starts (same seed, same batches), so their differences are the cooldown's
# alone. Scored like bench/efficiency.sh: sealed-holdout bits per byte of a 0-generation lab on one split.
# About 12 minutes on 2 cores.   bench/cooldown.sh [steps]   (default 8000 steps = 6,144,000 tokens; COOLDOWN_OUT sets the folder)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
steps=${1:-8000}
out=${COOLDOWN_OUT:-/tmp/successor-bench/cooldown}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version); $steps steps of the baby recipe"
rm -rf "$out" && mkdir -p "$out"
"$root/successor" data split "$root/../shared/data/tinyshakespeare.txt" --out "$out/split" --ratios 0.8,0.1,0.1 > /dev/null
run() { # name, recipe fields besides eval_interval
  mkdir -p "$out/$1"
  cat > "$out/$1/lab.json" <<JSON
{ "name": "$1", "generations": 0, "split": "$out/split", "self_generation": { "enabled": false },
  "budgets": { "initial_steps": $steps, "trial_seconds": 7200 }, "research": { "workers": 1, "threads_per_worker": 2 },
  "recipe": { "eval_interval": 0$2 } }
JSON
  (cd "$out/$1" && "$root/successor" run > run.log)
  printf "%-14s %s\n" "$1" "$(cd "$out/$1" && "$root/successor" status | grep -m1 '^champion_holdout: ' | cut -d' ' -f2)"
}
echo "recipe         sealed bits/byte"
run cosine ''
run wsd-linear ', "schedule": "wsd"'
run wsd-sqrt ', "schedule": "wsd", "cooldown_shape": "sqrt"'
run wsd-linear-0 ', "schedule": "wsd", "min_learning_rate": 0'
run wsd-sqrt-0 ', "schedule": "wsd", "cooldown_shape": "sqrt", "min_learning_rate": 0'
