#!/usr/bin/env bash
# The room above the hand-tuned recipe at bench/efficiency.sh's budget B (8,000 baby steps = 6,144,000
# tokens): one long run per variant of hand's recipe, from scratch on the same split, each on exactly B
# tokens (a smaller batch takes proportionally more steps), scored by the Verifier on the sealed holdout
# in bits per byte. hand itself scored 2.1025 there. A variant that beats hand by more than the price of
# a search is what a loop has to find. About 12 minutes per variant on 1 core.
#   bench/room.sh ["batch lr" ...]      default: "6 1e-3" "4 1e-3" "6 2e-3"   (ROOM_OUT sets the folder)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${ROOM_OUT:-/tmp/successor-bench/room}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version)"
mkdir -p "$out"
[ -d "$out/split" ] || "$root/successor" data split "$root/../shared/data/tinyshakespeare.txt" --out "$out/split" --ratios 0.8,0.1,0.1 > /dev/null
[ $# -gt 0 ] || set -- "6 1e-3" "4 1e-3" "6 2e-3"
for variant in "$@"; do
  read -r batch lr <<< "$variant"
  name="batch$batch-lr$lr"; rm -rf "$out/$name" && mkdir -p "$out/$name"
  cat > "$out/$name/lab.json" <<JSON
{ "name": "$name", "split": "$out/split", "self_generation": { "enabled": false }, "generations": 0,
  "budgets": { "initial_steps": $(( 8000 * 12 / batch )), "trial_seconds": 14400 }, "research": { "workers": 1, "threads_per_worker": 1 },
  "recipe": { "batch_size": $batch, "learning_rate": $lr, "min_learning_rate": $(awk -v l="$lr" 'BEGIN { print l / 10 }'), "eval_interval": 0 } }
JSON
  (cd "$out/$name" && "$root/successor" run > run.log)
  printf "batch %2s, learning rate %s, %s steps: sealed holdout %s bits/byte\n" "$batch" "$lr" "$(( 8000 * 12 / batch ))" \
    "$(cd "$out/$name" && "$root/successor" status | grep -m1 '^champion_holdout: ' | cut -d' ' -f2)"
done
