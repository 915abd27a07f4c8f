#!/usr/bin/env bash
# A plug-in measured like any change: a curriculum lab of one generation whose proposals are the researcher's
# (TPE, one proposal) and a learning-rate schedule plug-in people wrote (PLUGINS_FILE, by default
# bench/plugins/gentle-restart.cs: the recipe's schedule capped at twice its floor, for warm-started runs). The
# lab compiles it in a sandboxed worker, trains it against the control at equal steps, re-runs the winner on 2
# fresh seeds and adopts it only if the paired 95% CI excludes zero; the judge then decides on the successor on
# the sealed holdout. Prints, per lab seed, the rung's effects and CIs, the selection, the verdict and the
# seconds taken.
# Do not rebuild the program while it runs: the judge fingerprints the evaluator's assemblies and fails the
# candidate closed (evaluator-changed) when they change under it.
#   bench/plugins.sh [seeds]          (PLUGINS_OUT: folder, /tmp/successor-bench/plugins; PLUGINS_FILE,
#   PLUGINS_POINT: learning_rate_schedule; bench/plugins/long-problems.cs is a data_filter)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seeds=${1:-1}
out=${PLUGINS_OUT:-/tmp/successor-bench/plugins}
plugin=$(realpath "${PLUGINS_FILE:-$root/bench/plugins/gentle-restart.cs}")
point=${PLUGINS_POINT:-learning_rate_schedule}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores (load $(cut -d' ' -f1 /proc/loadavg)): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version)"
for seed in $(seq 1 "$seeds"); do
  dir="$out/seed-$seed"
  rm -rf "$dir" && mkdir -p "$dir"
  cat > "$dir/lab.json" <<JSON
{
  "name": "plugins-$seed", "seed": $seed, "generations": 1,
  "budgets": { "trial_steps": 150, "initial_steps": 1500, "successor_steps": 300 },
  "research": { "strategy": "tpe", "proposals": 1, "rungs": 1,
    "plugins": [ { "point": "$point", "source": "$plugin" } ] },
  "self_generation": { "enabled": false },
  "gates": { "incidents": false }
}
JSON
  start=$(date +%s)
  (cd "$dir" && "$root/successor" run > run.log 2>&1) || echo "lab $seed exited $?; see $dir/run.log"
  seconds=$(( $(date +%s) - start ))
  echo "## seed $seed ($seconds s)"
  grep -E "plug-in|rung|select|verify|promoted|rejected" "$dir/run.log" | sed 's/^/  /' || true
done
