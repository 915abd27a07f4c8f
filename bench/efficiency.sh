#!/usr/bin/env bash
# Research efficiency on tinyshakespeare (in the spirit of PostTrainBench): at one fixed compute budget B
# (training tokens), the uplift in sealed-holdout loss that the loop achieves starting from a plain
# recipe, divided by the uplift of nanoGPT's hand-tuned CPU "baby" recipe, both measured against the
# plain recipe trained on the same B tokens. All three are labs on the same split, scored by the same
# Verifier (bits per byte on the sealed holdout's documents):
#   plain  — baby's model, learning rate 3e-4 constant, no warmup, no weight decay: one run of B tokens
#   hand   — the baby recipe: one run of B tokens
#   loop   — starts from plain; its first champion, trials, selection and successor together use B tokens
# ratio = (plain − loop) / (plain − hand); the goal is at least 1. About 25 minutes for plain and hand
# and 15 for each loop on 2 cores.
#   bench/efficiency.sh [steps]      (B = steps × 768 tokens; default 8000 steps = 6,144,000 tokens)
#   EFFICIENCY_SEEDS="1 2 3"   one loop per lab seed (the search's draws and trial seeds; the first
#                              champion's recipe seed stays 1337), each with its ratio, then the median
#   EFFICIENCY_LABS=loop       re-runs only the loops and reads plain and hand from the last run's
#                              folders (same split, same seeds: same numbers)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
steps=${1:-8000}
tokens=$(( steps * 768 ))
out=${EFFICIENCY_OUT:-/tmp/successor-bench/efficiency}
data="$root/../shared/data/tinyshakespeare.txt"
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version); B = $tokens tokens"
labs=${EFFICIENCY_LABS:-plain hand loop}
[ "$labs" = "plain hand loop" ] && rm -rf "$out"
mkdir -p "$out"
[ -d "$out/split" ] || "$root/successor" data split "$data" --out "$out/split" --ratios 0.8,0.1,0.1 > /dev/null
plain='"learning_rate": 3e-4, "min_learning_rate": 3e-4, "schedule": "constant", "warmup_steps": 0, "weight_decay": 0, "eval_interval": 0'
hand='"eval_interval": 0'
space='[ { "key": "learning_rate", "scale": "log", "low": 1e-4, "high": 1e-2 }, { "key": "schedule", "scale": "choice", "choices": ["cosine", "linear", "constant"] },
         { "key": "weight_decay", "scale": "linear", "low": 0, "high": 0.2 }, { "key": "warmup_steps", "scale": "integer", "low": 0, "high": 200 },
         { "key": "beta2", "scale": "choice", "choices": [0.95, 0.99, 0.999] }, { "key": "batch_size", "scale": "choice", "choices": [3, 6, 12, 24, 48] } ]'
# The loop: one generation — first champion (1/16 of B), a search of 4 proposals (TPE's first batch: a
# Latin hypercube over learning rate, schedule, weight decay, warmup, beta2 and batch size by factors of 2
# around baby's 12; every budget is in tokens, so a smaller batch trains more steps) and a control under
# successive halving (100 then 200 steps) and a 2-seed selection (1,900 steps in all), then a successor
# on whatever is left of B. Each trial runs the successor's decay shrunk to its length, its warmup kept
# (research.scale_trial_schedules), so a short trial is a proxy for the long run, not its first steps.
#   EFFICIENCY_TRIAL_STEPS=50 EFFICIENCY_INITIAL_SHARE=32   a leaner search: 50/100-step rungs (950
#                              steps) and a first champion of 1/32 of B
#   EFFICIENCY_PROPOSALS=8 EFFICIENCY_RUNGS=3   more proposals (TPE's first batch is a Latin hypercube of
#                              that size) and more rungs, each twice as long as the one before
#   EFFICIENCY_REUSE=1         the last rung's pair is the selection's seed 0 (research.reuse_last_rung);
#                              one fresh seed must confirm on its own
#   EFFICIENCY_FINALISTS=2     the last rung's changes whose CIs overlap the best one's (up to 2) race in the
#                              selection on the same fresh seeds against one control (research.finalists);
#                              the search is charged for all of them, raced or not
#   EFFICIENCY_TAKE_REST=1     the successor trains on every token of B the first champion and the search left
#                              (budgets.last_successor_takes_rest), so finalists that do not race cost nothing
#   EFFICIENCY_CONTINUE=1      successive halving on the wsd schedule (research.continue_trials): rungs of
#                              100, 200 and 400 steps at the peak, each scored after a cooldown of 20%; a
#                              promoted trial continues its last rung's stable state, paying only new steps;
#                              the last rung's pair is the selection's seed 0 (reuse_last_rung) and one fresh
#                              seed must confirm (2,540 steps in all). The loop's recipe is plain written as
#                              wsd with its floor at its peak (the same constant 3e-4), so an adopted change
#                              of learning rate (and floor) cools down; the schedule is not searched.
#   EFFICIENCY_CONTINUE=1 EFFICIENCY_CONTINUE_SUCCESSOR=1   the successor is the last rung's trial of the adopted
#                              change continued from its state before the cooldown (research.continue_successor):
#                              it trains the successor's steps on top of the ones the search already paid for
#   EFFICIENCY_CONTINUE=1 EFFICIENCY_SQRT_TO_ZERO=1   the loop's wsd cools down as 1 − sqrt of the cooldown's progress
#                              (cooldown_shape sqrt) to zero (research.learning_rate_floor 0), as Hägele et al. 2024
#   EFFICIENCY_CONTINUE=1 EFFICIENCY_RUNGS=2 EFFICIENCY_TRIAL_STEPS=200   continued rungs of 200 and 400
#                              steps (3,000 steps in all)
trial=${EFFICIENCY_TRIAL_STEPS:-100}; proposals=${EFFICIENCY_PROPOSALS:-4}; reuse=${EFFICIENCY_REUSE:+1}; finalists=${EFFICIENCY_FINALISTS:-1}
rungs=${EFFICIENCY_RUNGS:-$([ -n "${EFFICIENCY_CONTINUE:-}" ] && echo 3 || echo 2)}
research="\"scale_trial_schedules\": true"
loop_plain=$plain
if [ -n "${EFFICIENCY_CONTINUE:-}" ]; then
  reuse=1
  research="\"continue_trials\": true${EFFICIENCY_CONTINUE_SUCCESSOR:+, \"continue_successor\": true}"
  space=$(echo "$space" | sed 's/, { "key": "schedule"[^}]*}//')
  loop_plain=${plain/\"schedule\": \"constant\"/\"schedule\": \"wsd\"}
  if [ -n "${EFFICIENCY_SQRT_TO_ZERO:-}" ]; then
    loop_plain="$loop_plain, \"cooldown_shape\": \"sqrt\""
    research="$research, \"learning_rate_floor\": 0"
  fi
fi
[ -n "$reuse" ] && research="$research, \"reuse_last_rung\": true"
research="$research, \"rungs\": $rungs, \"finalists\": $finalists"
# The search's steps (successive halving with eta 2, then the selection's fresh seeds at the last rung's
# length, for the control and every finalist), so that the successor gets exactly what is left of B. A
# continued rung pays only its new steps plus a cooldown of 20% of its length.
search=$(awk -v t="$trial" -v p="$proposals" -v r="$rungs" -v f="$finalists" -v c="${EFFICIENCY_CONTINUE:+1}" -v u="${reuse:-0}" 'BEGIN {
  alive = p; len = t
  for (k = 0; k < r; k++) {
    paid = (c && k > 0) ? len / 2 : len          # a continued rung trains only the steps past the last one
    if (c) paid += 0.2 * len                     # and cools down over 20% of its length
    s += (alive + 1) * paid                      # the survivors and the control
    last = len; len *= 2; alive = int((alive + 1) / 2)
  }
  s += (2 - u) * (1 + f) * (c ? 1.2 : 1) * last  # the selection: fresh seeds of 2, the control and the finalists
  printf "%d", s }')
rest=${EFFICIENCY_TAKE_REST:+, \"last_successor_takes_rest\": true}
initial=$(( steps / ${EFFICIENCY_INITIAL_SHARE:-16} )); successor=$(( steps - initial - search ))
[ "$successor" -ge 500 ] || { echo "steps $steps leave the successor $successor steps after the first champion and the search; it needs 500" >&2; exit 2; }
lab() { # name, generations, initial steps, recipe, workers, threads per worker, lab seed
  rm -rf "$out/$1" && mkdir -p "$out/$1"
  cat > "$out/$1/lab.json" <<JSON
{ "name": "$1", "seed": $7, "generations": $2, "split": "$out/split", "self_generation": { "enabled": false },
  "budgets": { "initial_steps": $3, "trial_steps": $trial, "successor_steps": $successor, "lab_tokens": $tokens, "trial_seconds": 7200$rest },
  "research": { "strategy": "tpe", "proposals": $proposals, $research, "workers": $5, "threads_per_worker": $6, "search_space": $space },
  "recipe": { $4 } }
JSON
  (cd "$out/$1" && "$root/successor" run > run.log)
  (cd "$out/$1" && "$root/successor" status | grep -E '^(champion_holdout|tokens):' | tr '\n' ' ')
}
value() { grep -m1 '^champion_holdout: ' <(cd "$out/$1" && "$root/successor" status) | cut -d' ' -f2; }
seeds=${EFFICIENCY_SEEDS:-1}
for run in "plain 0 $steps 1 2 1" "hand 0 $steps 1 2 1" $(for s in $seeds; do echo "loop-$s 1 $initial 2 1 $s"; done | tr ' ' '_'); do
  set -- ${run//_/ }
  [[ " $labs " == *" ${1%%-*} "* ]] || { printf "%-8s champion_holdout: %s (from the last run)\n" "$1" "$(value "$1")"; continue; }
  recipe=$plain; [ "$1" = hand ] && recipe=$hand; [ "${1%%-*}" = loop ] && recipe=$loop_plain
  printf "%-8s %s\n" "$1" "$(lab "$1" "$2" "$3" "$recipe" "$4" "$5" "$6")"
  [ -n "$(value "$1")" ] || { echo "the $1 lab has no champion; see $out/$1/run.log" >&2; exit 1; }
done
p=$(value plain) h=$(value hand) missing=
: > "$out/ratios.txt"
for s in $seeds; do
  l=$(value "loop-$s") || true
  [ -n "$l" ] || { echo "seed $s: no loop lab with a champion in $out/loop-$s" >&2; missing=1; continue; }
  awk -v s="$s" -v p="$p" -v h="$h" -v l="$l" 'BEGIN { printf "seed %s: uplift hand %.4f bits/byte, loop %.4f bits/byte, ratio %.4f\n", s, p-h, p-l, (p-l)/(p-h) }' | tee -a "$out/ratios.txt"
done
[ -s "$out/ratios.txt" ] && awk '{ print $NF }' "$out/ratios.txt" | sort -g | awk '{ r[NR] = $1 } END { printf "median ratio over %d seed(s): %.4f\n", NR, NR % 2 ? r[(NR+1)/2] : (r[NR/2] + r[NR/2+1]) / 2 }'
[ -z "$missing" ] || exit 1
