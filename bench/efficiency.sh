#!/usr/bin/env bash
# Research efficiency (in the spirit of PostTrainBench): at one fixed compute budget B (training tokens), the
# uplift in sealed-holdout loss that the loop achieves starting from a plain recipe, divided by the uplift of
# the best hand-written recipe the project knows, both measured against the plain recipe trained on the same
# B tokens. All are labs on the same split, scored by the same Verifier (bits per byte on the sealed
# holdout's documents):
#   plain  — baby's model, learning rate 3e-4 constant, no warmup, no weight decay: one run of B tokens
#   hand   — nanoGPT's baby settings on wsd with a 1 − sqrt cooldown to zero (bench/cooldown.sh: the best
#            hand recipe measured): one run of B tokens
#   cosine — the baby recipe as nanoGPT writes it (cosine to a tenth): the old, unfair baseline
#   loop   — starts from plain; its first champion, trials, selection and successor together use B tokens.
#            It is given nothing hand is not: the schedule, cooldown shape, cooldown length and floor are
#            dimensions it searches, beside learning rate, weight decay, warmup, beta2 and batch size.
# fair ratio = (plain − loop) / (plain − hand); old ratio = (plain − loop) / (plain − cosine); the goal is a
# fair ratio of at least 1. Then time to target: the loop's final recipe (the median seed's) trained from
# scratch on B/4, B/2 and B tokens; the tokens at which it reaches hand's sealed value (interpolated in log
# tokens) against hand's B: the speedup. At B = 8000 steps about 35 minutes for the baselines and 15 for each
# loop on a quiet 2-core machine.
#   bench/efficiency.sh [steps]      (B = steps × 768 tokens; default 8000 steps = 6,144,000 tokens)
#   EFFICIENCY_CORPUS=FILE     the corpus (default ../shared/data/tinyshakespeare.txt); "policy" builds the
#                              Debian Policy Manual corpus with bench/corpus-policy.sh (apt-get installs it)
#   EFFICIENCY_TARGET=0        skips time to target
#   EFFICIENCY_SEEDS="1 2 3"   one loop per lab seed (the search's draws and trial seeds; the first
#                              champion's recipe seed stays 1337), each with its ratio, then the median
#   EFFICIENCY_LABS=loop       re-runs only the loops and reads plain and hand from the last run's
#                              folders (same split, same seeds: same numbers)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
steps=${1:-8000}
tokens=$(( steps * 768 ))
out=${EFFICIENCY_OUT:-/tmp/successor-bench/efficiency}
data=${EFFICIENCY_CORPUS:-$root/../shared/data/tinyshakespeare.txt}
if [ "$data" = policy ]; then data="$out.corpus/policy.txt"; [ -s "$data" ] || "$root/bench/corpus-policy.sh" "$data"; fi
[ -s "$data" ] || { echo "EFFICIENCY_CORPUS: $data is not a non-empty file" >&2; exit 2; }
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version); B = $tokens tokens; corpus $data; load $(cut -d' ' -f1-3 /proc/loadavg)"
labs=${EFFICIENCY_LABS:-plain hand cosine loop}
[ "$labs" = "plain hand cosine loop" ] && rm -rf "$out"
mkdir -p "$out"
[ -d "$out/split" ] || "$root/successor" data split "$data" --out "$out/split" --ratios 0.8,0.1,0.1 | grep near_duplicates
plain='"learning_rate": 3e-4, "min_learning_rate": 3e-4, "schedule": "constant", "warmup_steps": 0, "weight_decay": 0, "eval_interval": 0'
hand='"eval_interval": 0, "schedule": "wsd", "cooldown_shape": "sqrt", "min_learning_rate": 0'
cosine='"eval_interval": 0'
space='[ { "key": "learning_rate", "scale": "log", "low": 1e-4, "high": 1e-2 }, { "key": "schedule", "scale": "choice", "choices": ["cosine", "linear", "constant", "wsd"] },
         { "key": "cooldown_shape", "scale": "choice", "choices": ["linear", "sqrt"] }, { "key": "cooldown_fraction", "scale": "linear", "low": 0.1, "high": 0.5 },
         { "key": "learning_rate_floor", "scale": "linear", "low": 0, "high": 1 },
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
#                              of learning rate (and floor) cools down; the schedule is not searched (the floor, the cooldown's shape and share are).
#   EFFICIENCY_CONTINUE=1 EFFICIENCY_CONTINUE_SUCCESSOR=1   the successor is the last rung's trial of the adopted
#                              change continued from its state before the cooldown (research.continue_successor):
#                              it trains the successor's steps on top of the ones the search already paid for
#   EFFICIENCY_CONTINUE=1 EFFICIENCY_SQRT_TO_ZERO=1   the loop's wsd cools down as 1 − sqrt of the cooldown's progress
#                              (cooldown_shape sqrt) to zero (research.learning_rate_floor 0), as Hägele et al. 2024
#   EFFICIENCY_CONTINUE=1 EFFICIENCY_RUNGS=2 EFFICIENCY_TRIAL_STEPS=200   continued rungs of 200 and 400
#                              steps (3,000 steps in all)
#   EFFICIENCY_MEMORY="DIR/loop-1 DIR/loop-2 …"   the findings of these earlier labs (loop folders of an earlier
#                              run of this bench, on another corpus: nothing of this one) begin each loop's memory
#                              (research.memory_from), so TPE's first batch is already model-based; the search's
#                              budget is unchanged (the earlier labs' compute is not charged to B)
trial=${EFFICIENCY_TRIAL_STEPS:-100}; proposals=${EFFICIENCY_PROPOSALS:-4}; reuse=${EFFICIENCY_REUSE:+1}; finalists=${EFFICIENCY_FINALISTS:-1}
rungs=${EFFICIENCY_RUNGS:-$([ -n "${EFFICIENCY_CONTINUE:-}" ] && echo 3 || echo 2)}
research="\"scale_trial_schedules\": true"
loop_plain=$plain
if [ -n "${EFFICIENCY_CONTINUE:-}" ]; then
  reuse=1
  research="\"continue_trials\": true${EFFICIENCY_CONTINUE_SUCCESSOR:+, \"continue_successor\": true}"
  # every continued trial runs wsd, so the schedule is not searched; plain is written as wsd with its floor at
  # its peak (the same constant 3e-4), and the floor (learning_rate_floor), the cooldown's shape and its share
  # (cooldown_fraction, up to a quarter: a trial of n stable steps cools down over at most n / 3) are searched
  space=$(echo "$space" | sed -e 's/, { "key": "schedule"[^}]*}//' -e 's/"high": 0.5 }/"high": 0.25 }/')
  cool=0.3334
  loop_plain=${plain/\"schedule\": \"constant\"/\"schedule\": \"wsd\"}
  if [ -n "${EFFICIENCY_SQRT_TO_ZERO:-}" ]; then
    loop_plain="$loop_plain, \"cooldown_shape\": \"sqrt\""
    research="$research, \"learning_rate_floor\": 0"
    # the old setting: the loop was given the cooldown's shape, length and floor, not searching them
    space=$(echo "$space" | sed -e 's/, { "key": "cooldown_shape"[^}]*}//' -e 's/, { "key": "cooldown_fraction"[^}]*}//' \
      -e 's/{ "key": "learning_rate_floor"[^}]*},//')
    cool=0.2
  fi
fi
[ -n "$reuse" ] && research="$research, \"reuse_last_rung\": true"
if [ -n "${EFFICIENCY_MEMORY:-}" ]; then
  sources=$(for d in $EFFICIENCY_MEMORY; do
    [ -f "$d/.successor/ledger.db" ] || { echo "EFFICIENCY_MEMORY: $d is not a lab folder with a ledger" >&2; exit 2; }
    printf '{ "ledger": "%s", "lab": "%s" }, ' "$(cd "$d" && pwd)/.successor/ledger.db" "$(basename "$d")"; done)
  research="$research, \"memory_from\": [ ${sources%, } ]"
fi
research="$research, \"rungs\": $rungs, \"finalists\": $finalists"
# The search's steps (successive halving with eta 2, then the selection's fresh seeds at the last rung's
# length, for the control and every finalist), so that the successor gets exactly what is left of B. A
# continued rung pays only its new steps plus a cooldown of 20% of its length.
search=$(awk -v t="$trial" -v p="$proposals" -v r="$rungs" -v f="$finalists" -v c="${EFFICIENCY_CONTINUE:+1}" -v u="${reuse:-0}" -v q="${cool:-0.2}" 'BEGIN {
  alive = p; len = t
  for (k = 0; k < r; k++) {
    paid = (c && k > 0) ? len / 2 : len          # a continued rung trains only the steps past the last one
    if (c) paid += q * len                       # and cools down (20% of its length, or at most a third)
    s += (alive + 1) * paid                      # the survivors and the control
    last = len; len *= 2; alive = int((alive + 1) / 2)
  }
  s += (2 - u) * (1 + f) * (c ? 1 + q : 1) * last  # the selection: fresh seeds of 2, the control and the finalists
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
for run in "plain 0 $steps 1 2 1" "hand 0 $steps 1 2 1" "cosine 0 $steps 1 2 1" $(for s in $seeds; do echo "loop-$s 1 $initial 2 1 $s"; done | tr ' ' '_'); do
  set -- ${run//_/ }
  [[ " $labs " == *" ${1%%-*} "* ]] || { printf "%-8s champion_holdout: %s (from the last run)\n" "$1" "$(value "$1" 2>/dev/null)"; continue; }
  recipe=$plain; [ "$1" = hand ] && recipe=$hand; [ "$1" = cosine ] && recipe=$cosine; [ "${1%%-*}" = loop ] && recipe=$loop_plain
  printf "%-8s %s\n" "$1" "$(lab "$1" "$2" "$3" "$recipe" "$4" "$5" "$6")"
  [ -n "$(value "$1")" ] || { echo "the $1 lab has no champion; see $out/$1/run.log" >&2; exit 1; }
done
p=$(value plain) h=$(value hand) c=$(value cosine) missing=
: > "$out/ratios.txt"
for s in $seeds; do
  l=$(value "loop-$s" 2>/dev/null) || true
  [ -n "$l" ] || { echo "seed $s: no loop lab with a champion in $out/loop-$s" >&2; missing=1; continue; }
  adopted=$(grep -o 'adopted: .*' "$out/loop-$s/run.log" | grep -o '([^()]*=[^()]*)$' | tr -d '()' || true)
  awk -v s="$s" -v p="$p" -v h="$h" -v c="$c" -v l="$l" -v a="${adopted:-none}" 'BEGIN {
    printf "seed %s: loop %.4f bits/byte, fair ratio %.4f, old ratio %.4f; adopted: %s\n", s, l, (p-l)/(p-h), (p-l)/(p-c), a }' | tee -a "$out/ratios.txt"
done
median() { sort -g | awk '{ r[NR] = $1 } END { printf "%.4f", NR % 2 ? r[(NR+1)/2] : (r[NR/2] + r[NR/2+1]) / 2 }'; }
if [ -s "$out/ratios.txt" ]; then
  awk -v p="$p" -v h="$h" -v c="$c" 'BEGIN { printf "plain %.4f, hand (wsd, 1 − sqrt to zero) %.4f, cosine hand %.4f bits/byte\n", p, h, c }'
  # the median with its bootstrap interval over seeds (Successor.Statistics.MedianBootstrap)
  ci() { dotnet run -c Release --project "$root/bench/Successor.Bench" -v q -- median-ci 2>/dev/null || echo "median $(median)"; }
  echo "fair ratio over $(wc -l < "$out/ratios.txt") seed(s): $(grep -o 'fair ratio [-0-9.]*' "$out/ratios.txt" | awk '{ print $3 }' | ci)"
  echo "old ratio (against cosine hand): $(grep -o 'old ratio [-0-9.]*' "$out/ratios.txt" | awk '{ print $3 }' | ci)"
fi
[ -z "$missing" ] || exit 1
[ "${EFFICIENCY_TARGET:-1}" != 0 ] && [ -s "$out/ratios.txt" ] || exit 0
# Time to target: the median seed's final recipe (plain with the overrides its loop adopted), trained from
# scratch on B/4, B/2 and B tokens (its own batch size sets the steps); the tokens at which its sealed value
# reaches hand's, interpolated in log tokens, against hand's B.
row=$(sort -t' ' -k8 -g "$out/ratios.txt" | sed -n "$(( ($(wc -l < "$out/ratios.txt") + 1) / 2 ))p")
seed=$(echo "$row" | cut -d' ' -f2 | tr -d ':'); adopted=$(echo "$row" | sed 's/.*adopted: //')
recipe=$loop_plain
if [ "$adopted" != none ]; then
  for o in $adopted; do
    k=${o%%=*} v=${o#*=}
    [[ "$v" =~ ^[-0-9.eE+]+$ ]] || v="\"$v\""
    recipe=$(echo "$recipe" | sed -E "s/\"$k\": [^,]*(, |$)//")
    recipe="$recipe, \"$k\": $v"
  done
fi
batch=$(echo "$recipe" | grep -o '"batch_size": [0-9]*' | grep -o '[0-9]*$' || echo 12)
echo "time to target: seed $seed's recipe { $recipe }, against hand's $h bits/byte at B = $tokens tokens"
: > "$out/target.txt"
for f in 4 2 1; do
  n=$(( steps * 12 / batch / f ))
  [[ " $labs " == *" target "* ]] || [[ " $labs " == *" loop "* ]] && lab "target-$f" 0 "$n" "$recipe" 1 2 1 > /dev/null
  v=$(value "target-$f") || { echo "the target-$f lab has no champion; see $out/target-$f/run.log" >&2; exit 1; }
  echo "$(( n * batch * 64 )) $v" | tee -a "$out/target.txt"
done
awk -v h="$h" -v b="$tokens" '{ t[NR] = $1; v[NR] = $2 } END {
  if (v[1] <= h) { printf "time-to-target speedup: at least %.2fx (B/4 already reaches hand)\n", b / t[1]; exit }
  for (i = 2; i <= NR; i++) if (v[i] <= h) {
    x = log(t[i-1]) + (v[i-1] - h) / (v[i-1] - v[i]) * (log(t[i]) - log(t[i-1]))
    printf "time-to-target speedup: %.2fx (hand'"'"'s value at %d tokens of %d)\n", b / exp(x), exp(x), b; exit }
  printf "time-to-target speedup: below 1x (the recipe does not reach hand within B: %.4f at B)\n", v[NR] }' "$out/target.txt"
