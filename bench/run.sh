#!/usr/bin/env bash
# Reproduces the figures in docs/BENCHMARKS.md. Run on a quiet machine; each throughput figure is
# the median of the timed steps, and the whole script can be repeated to see the spread.
#   bench/run.sh [throughput|gemm|shakespeare|all]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
what=${1:-all}
data=${SHAKESPEARE:-$root/../shared/data/tinyshakespeare.txt}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version)"
if [[ $what == throughput || $what == all ]]; then
    for preset in baby small; do
        steps=$([[ $preset == baby ]] && echo 30 || echo 5)
        for threads in 2 1; do ./successor bench --preset "$preset" --threads "$threads" --steps "$steps" --json; done
    done
fi
if [[ $what == gemm || $what == all ]]; then
    dotnet run -c Release --project bench/Successor.Bench -- gemm --threads 2
fi
if [[ $what == shakespeare || $what == all ]]; then
    for seed in 1337 1 2; do
        ./successor train --data "$data" --preset baby --set seed="$seed" --threads 2 --out "/tmp/successor-bench/baby-$seed" --log-interval 500 \
            | grep -E '^(val_loss|val_bits_per_byte|tokens_per_second|train_seconds):' | sed "s/^/seed $seed /"
    done
fi
