#!/usr/bin/env bash
# Successor beside llm.c's CPU trainer (karpathy/llm.c train_gpt2.c, unchanged, built with -Ofast -fopenmp
# -march=native) at the baby and small shapes, in one run: each round runs llm.c, then `successor bench` (which
# also measures the machine's FMA peak and the step's matmul floor against OpenBLAS), so load from other work
# falls on both alike. llm.c runs at every thread count from 1 to the core count and its fastest is compared
# (OpenMP's spinning barriers suffer more than our loops on a busy machine; its best is the fair figure).
#   bench/llmc.sh LLMC [rounds]   LLMC: a checkout of karpathy/llm.c, or a git directory of one (its HEAD is used)
# Environment: LLMC_PRESETS="baby small" (default), LLMC_BUILD=/tmp/successor-llmc (where llm.c is built).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src=${1:?usage: bench/llmc.sh LLMC [rounds]   (LLMC: a checkout of karpathy/llm.c or its git directory)}
rounds=${2:-3}
build=${LLMC_BUILD:-/tmp/successor-llmc}
cores=$(nproc)
mkdir -p "$build"
if [ -f "$src/train_gpt2.c" ]; then
    cp "$src/train_gpt2.c" "$build/" && cp -r "$src/llmc" "$build/"
elif git --git-dir="$src" rev-parse HEAD >/dev/null 2>&1; then
    git --git-dir="$src" archive HEAD train_gpt2.c llmc | tar -x -C "$build"
else
    echo "llmc.sh: $src holds neither train_gpt2.c nor a git repository of llm.c" >&2
    exit 2
fi
gcc -Ofast -fopenmp -march=native -DOMP -I"$build" "$root/bench/llmc/step.c" -lm -o "$build/step" 2>/dev/null
eval "$(bash "$root/bench/openblas.sh")"
"$root/successor" --help >/dev/null    # builds it once, outside the timed runs
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $cores cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    ".NET $(dotnet --version), gcc $(gcc -dumpversion), llm.c $(git --git-dir="$src" rev-parse --short HEAD 2>/dev/null \
    || echo checkout), OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}, load $(cut -d' ' -f1-3 /proc/loadavg)"
for preset in ${LLMC_PRESETS:-baby small}; do
    # L NH C T B, as the presets define them; steps per timed run (each figure is a median over them).
    case $preset in
        baby) shape="4 4 128 64 12"; steps=50 ;;
        small) shape="6 6 384 256 8"; steps=5 ;;
        *) echo "llmc.sh: unknown preset $preset (baby or small)" >&2; exit 2 ;;
    esac
    for round in $(seq 1 "$rounds"); do
        best=0
        for threads in $(seq 1 "$cores"); do
            tps=$(OMP_NUM_THREADS=$threads "$build/step" $shape $steps "$build/$preset.bin" \
                | awk '/^llmc_tokens_per_second:/ {print $2}')
            echo "$preset round $round: llm.c $threads threads $tps tokens/s"
            best=$(awk -v a="$best" -v b="$tps" 'BEGIN {print (b > a) ? b : a}')
        done
        json=$("$root/successor" bench --preset "$preset" --threads "$cores" --steps "$steps" --json)
        echo "$preset round $round: successor $json"
        echo "$json" | jq -r --arg p "$preset" --arg r "$round" --argjson l "$best" \
            --arg load "$(cut -d' ' -f1 /proc/loadavg)" \
            '"\($p) round \($r): successor \(.tokens_per_second) tokens/s = \(.tokens_per_second / $l * 100 | round / 100)x"
            + " llm.c (\($l)); peak_fraction \(.peak_fraction) of \(.peak_gflops) GFLOP/s; floor_fraction"
            + " \(.floor_fraction) (OpenBLAS \(.openblas_core) \(.openblas_matmul_ms) ms, ours \(.matmul_ms) ms,"
            + " step \(.ms_per_step) ms); load \($load)"'
    done
done
