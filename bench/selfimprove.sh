#!/usr/bin/env bash
# Self-improvement beyond the training range (after Lee et al., ICML 2025): a lab starts from supervised
# reversed addition up to 5 digits (digit positions, McLeish et al. 2024, with a training offset of 32, so ids far
# past the trained lengths are trained too and the model answers well past its range; 4 layers × 128, because a
# 2-layer model's answers ran on past the answer lengths it was taught: docs/journal/2026-12-05-long-run.md),
# then each generation the champion answers problems at each of the next 18 lengths past its frontier, the filter
# keeps some answers, and a warm-started successor trains on the original data plus everything kept, drawn a
# length at a time (curriculum.kept_by_length). The lab's own budget caps its wall clock (two hours by default).
# The judge's sealed holdout moves with the frontier (promotion.difficulties_past_horizon), so the lab never runs
# out of room below its block (112 tokens: 34 digits, 3d + 9 tokens a problem), and each promoted generation's
# 99% horizon on it (the largest d such that every length up to d is answered at least 99% right) is printed
# against the lab's clock, written to horizon.csv and drawn in horizon.png (bench/horizon-plot.sh).
# SELFIMPROVE_EVAL=1 also evaluates every generation's model on public problems of 1–12 digits
# (bench/public-horizon.sh), as the first version of this bench did.
#   bench/selfimprove.sh [exact|none|none-ungated|majority ...]     (default: exact none, one after the other)
# none keeps every answer with the kept-label gate off, so the compounding-error monitor is what stops it;
# none-ungated also sets that monitor's floor to 0, so its successors are promoted whenever the sealed
# holdout says they are better, and the error avalanche of Lee et al. can show.
# Environment: SELFIMPROVE_OUT (folder), SELFIMPROVE_SECONDS (lab budget, 7200), SELFIMPROVE_GENERATIONS (60),
#   SELFIMPROVE_INITIAL_STEPS (3000), SELFIMPROVE_SUCCESSOR_STEPS (800), SELFIMPROVE_AHEAD (lengths curated past the
#   frontier, 18), SELFIMPROVE_BLOCK (block size, 112: room for 34 digits), SELFIMPROVE_LAYERS (4), SELFIMPROVE_EVAL (0),
#   SELFIMPROVE_COUNT (eval problems per length, 500), SELFIMPROVE_PROBLEMS (self-generated problems per curated length,
#   1000; Lee et al. label 50k a round), SELFIMPROVE_OFFSET (digit_offset, 32), SELFIMPROVE_SEED (the lab's seed and
#   its recipe's, unset: 1 and 1337), SELFIMPROVE_CANDIDATES (first champions trained from other seeds, the best
#   on public problems kept: budgets.initial_candidates, 1)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${SELFIMPROVE_OUT:-/tmp/successor-bench/selfimprove}
seconds=${SELFIMPROVE_SECONDS:-7200}
generations=${SELFIMPROVE_GENERATIONS:-60}
initial=${SELFIMPROVE_INITIAL_STEPS:-3000}
successor=${SELFIMPROVE_SUCCESSOR_STEPS:-800}
ahead=${SELFIMPROVE_AHEAD:-18}
layers=${SELFIMPROVE_LAYERS:-4}
block=${SELFIMPROVE_BLOCK:-112}
count=${SELFIMPROVE_COUNT:-500}
problems=${SELFIMPROVE_PROBLEMS:-1000}
offset=${SELFIMPROVE_OFFSET:-32}
candidates=${SELFIMPROVE_CANDIDATES:-1}
seed_lab="" seed_recipe=""
if [ -n "${SELFIMPROVE_SEED:-}" ]; then
  seed_lab="\"seed\": $SELFIMPROVE_SEED," seed_recipe="\"seed\": $SELFIMPROVE_SEED,"
fi
filters=("$@")
[ ${#filters[@]} -gt 0 ] || filters=(exact none)

lab() { # variant → lab.json
  local gate=0.9 floor=0.5 filter=${1%-ungated}
  [ "$filter" = exact ] || gate=0
  [ "$1" = "$filter" ] || floor=0
  cat <<EOF
{
  "name": "selfimprove-$1", $seed_lab
  "generations": $generations,
  "curriculum": { "families": "radd", "train_difficulties": "1-5", "eval_difficulties": "1-12", "eval_items_per_slice": 50,
                  "kept_by_length": true },
  "budgets": { "trial_steps": 100, "initial_steps": $initial, "successor_steps": $successor, "lab_seconds": $seconds, "trial_seconds": 1200,
               "initial_candidates": $candidates },
  "research": { "proposals": 2, "rungs": 1, "workers": 2 },
  "self_generation": { "filter": "$filter", "problems_per_difficulty": $problems, "difficulties_ahead": $ahead },
  "promotion": { "difficulties": "1-8", "items_per_slice": 200, "difficulties_past_horizon": 3,
                 "min_kept_label_accuracy": $gate },
  "gates": { "incidents": false },
  "safety": { "min_projected_reliability": $floor },
  "recipe": {
    "model": { "layers": $layers, "heads": 4, "embedding": 128, "block_size": $block, "positions": "digits", "digit_offset": $offset },
    $seed_recipe "batch_size": 32, "learning_rate": 0.003, "min_learning_rate": 0.0003, "warmup_steps": 100, "eval_interval": 0,
    "self_generated_fraction": 0.5
  }
}
EOF
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for filter in "${filters[@]}"; do
  dir="$out/$filter"
  rm -rf "$dir" && mkdir -p "$dir"
  lab "$filter" > "$dir/lab.json"
  start=$(date +%s)
  (cd "$dir" && "$root/successor" run > run.log 2>&1) || echo "(successor run exited $?; see $dir/run.log)"
  echo "## filter: $filter — lab wall clock $(( $(date +%s) - start )) s"
  (cd "$dir" && "$root/successor" status | sed -n '1,/^lab:/p' | grep -v '^lab:')
  grep -E "curation:" "$dir/run.log" | sed 's/^/    /'
  # the champion's 99% horizon on the sealed side against the lab's clock: generation 0, then each promotion
  awk '/ g0 champion: / { t = $1; gsub(/[][]/, "", t); match($0, /99% horizon [0-9]+/); print t ",0," substr($0, RSTART + 12, RLENGTH - 12) }
       / verify: successor: / { match($0, /99% horizon [0-9]+/); h[$2] = substr($0, RSTART + 12, RLENGTH - 12) }
       / promoted: promoted/ { t = $1; gsub(/[][]/, "", t); g = $2; sub(/^g/, "", g); print t "," g "," h[$2] }' \
    "$dir/run.log" > "$dir/horizon.csv"
  echo "| lab clock | champion from generation | 99% horizon (sealed) |"
  echo "| ---: | ---: | ---: |"
  awk -F, '{ print "| " $1 " | " $2 " | " $3 " |" }' "$dir/horizon.csv"
  "$root/bench/horizon-plot.sh" "$dir/horizon.csv" "$dir/horizon.png" \
    "99% horizon (sealed) against the lab's clock, filter $filter" || true
  [ "${SELFIMPROVE_EVAL:-0}" = 1 ] || continue
  "$root/bench/public-horizon.sh" "$dir" 1-12 "$count"
done
