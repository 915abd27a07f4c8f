#!/usr/bin/env bash
# The curriculum benchmark: a model trained by the project's trainer on reversed addition up
# to 5 digits, evaluated by exact match on held-out problems (the public validation side of the
# curriculum partition, never trained on) from 1 to 10 digits, with the capability horizon and its
# bootstrap CI. Target: at least 99% exact match at 5 digits. About 30 minutes on 2 quiet cores.
#   [MIN_LR=1e-4] bench/curriculum.sh [steps]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
steps=${1:-24000}
min_lr=${MIN_LR:-1e-4}
out=${CURRICULUM_OUT:-/tmp/successor-bench/radd}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version)"
./successor curriculum train --families radd --difficulties 1-5 --steps "$steps" --threads 2 --out "$out" --log-interval 1000 \
    --set layers=2 --set embedding=128 --set heads=4 --set block_size=40 --set batch_size=64 \
    --set learning_rate=3e-3 --set min_learning_rate="$min_lr" --set warmup_steps=100 --set eval_interval=0 \
    | grep -E '^(step [0-9]+/|steps|train_loss|val_loss|train_seconds|parameters|recipe_sha256|data_sha256):'
report=$(./successor eval --checkpoint "$out" --curriculum radd --difficulties 1-10 --count 500 --seed 7 --threads 2)
grep -vE '^weak ' <<<"$report"
grep -E '^weak ' <<<"$report" | head -6 || true
