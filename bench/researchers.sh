#!/usr/bin/env bash
# Model-based research (TPE) against random search at equal budget: the same lab — five generations of
# four proposals each against a control, no halving, so both strategies run exactly the same trials and
# steps — with 3 lab seeds per strategy. Reports, per lab, the mean and best effect of proposals over
# the control (public validation, paired), how many changes were adopted after the 2-seed re-run, and
# the final champion's sealed holdout accuracy, and how many incidents the safety monitors raised (recorded
# without pausing: the incidents gate is off, so a flagged lab still finishes and is compared). About 5
# minutes per lab on 2 cores.
#   bench/researchers.sh [seeds]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seeds=${1:-3}
out=${RESEARCHERS_OUT:-/tmp/successor-bench/researchers}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version)"
printf "%-8s %-5s %-9s %-12s %-12s %-8s %-9s %-9s %s\n" strategy seed findings mean_effect best_effect adopted holdout incidents seconds
for strategy in random tpe; do
  for seed in $(seq 1 "$seeds"); do
    dir="$out/$strategy-$seed"
    rm -rf "$dir" && mkdir -p "$dir"
    cat > "$dir/lab.json" <<JSON
{
  "name": "$strategy-$seed", "seed": $seed, "generations": 5,
  "budgets": { "trial_steps": 150, "initial_steps": 1500, "successor_steps": 300 },
  "research": { "strategy": "$strategy", "proposals": 4, "rungs": 1 },
  "self_generation": { "enabled": false },
  "gates": { "incidents": false }
}
JSON
    start=$(date +%s)
    (cd "$dir" && "$root/successor" run > run.log)
    seconds=$(( $(date +%s) - start ))
    status=$(cd "$dir" && "$root/successor" status)
    value() { grep -m1 "^$1: " <<<"$status" | cut -d' ' -f2; }
    printf "%-8s %-5s %-9s %-12s %-12s %-8s %-9s %-9s %s\n" "$strategy" "$seed" "$(value findings)" "$(value mean_effect)" \
      "$(value best_effect)" "$(value changes_adopted)" "$(value champion_holdout)" "$(grep -c ' incident: ' "$dir/run.log" || true)" "$seconds"
  done
done
