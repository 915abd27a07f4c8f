#!/usr/bin/env bash
# Training throughput before and after a change, in one run: builds revision BEFORE in a scratch clone, then
# alternates `successor bench` of BEFORE and of this checkout, round by round, so load from other work falls on
# both alike; with AVX-512 (where the CPU has it) and with the engine forced to AVX2 (DOTNET_EnableAVX512=0,
# what an AVX2-only machine runs). Prints each run's tokens/s and, per preset and width, the median ratio.
#   bench/throughput-ab.sh BEFORE [rounds]      e.g. bench/throughput-ab.sh 457cc0e 5
# Environment: AB_PRESETS="baby small" (default), AB_THREADS (default: all cores).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
before=${1:?usage: bench/throughput-ab.sh BEFORE [rounds]}
rounds=${2:-3}
threads=${AB_THREADS:-$(nproc)}
scratch=${AB_SCRATCH:-/tmp/successor-ab-$(git -C "$root" rev-parse --short "$before")}
if [ ! -x "$scratch/src/Successor.Cli/bin/Release/net10.0/successor" ]; then
    rm -rf "$scratch"
    git clone -q "$root" "$scratch"
    git -C "$scratch" checkout -q "$before"
    dotnet build "$scratch/src/Successor.Cli" -c Release -nologo -v q >/dev/null
fi
"$root/successor" --help >/dev/null
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
    "before $(git -C "$scratch" rev-parse --short HEAD), after $(git -C "$root" rev-parse --short HEAD)" \
    "$([ -n "$(git -C "$root" status --porcelain)" ] && echo "(uncommitted changes)"), $threads threads"
widths="avx2"
grep -qw avx512f /proc/cpuinfo && widths="avx512 avx2"
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for preset in ${AB_PRESETS:-baby small}; do
    # Enough steps that the median is past the JIT's warm-up on either side (a revision before 2026-12-05 warms
    # up for 2 steps only; baby's first second is ~50 steps).
    steps=$([ "$preset" = baby ] && echo 200 || echo 20)
    for round in $(seq 1 "$rounds"); do
        for width in $widths; do
            avx512=1
            [ "$width" = avx2 ] && avx512=0
            for side in before after; do
                bin="$root/src/Successor.Cli/bin/Release/net10.0/successor"
                [ "$side" = before ] && bin="$scratch/src/Successor.Cli/bin/Release/net10.0/successor"
                extra=()
                [ "$side" = after ] && extra=(--no-floor)
                tps=$(DOTNET_EnableAVX512=$avx512 "$bin" bench --preset "$preset" --threads "$threads" \
                    --steps "$steps" --peak-gflops 1 "${extra[@]}" --json | jq -r .tokens_per_second)
                echo "$preset $width round $round $side: $tps tokens/s (load $(cut -d' ' -f1 /proc/loadavg))"
                echo "$preset $width $round $side $tps" >> "$results"
            done
        done
    done
done
# Per preset and width: the ratio after/before of each round, and their median.
for key in $(awk '{ print $1 "/" $2 }' "$results" | sort -u); do
    ratios=$(awk -v p="${key%/*}" -v w="${key#*/}" '$1 == p && $2 == w { v[$3, $4] = $5; r[$3] = 1 }
        END { for (i in r) printf "%.3f\n", v[i, "after"] / v[i, "before"] }' "$results" | sort -n)
    n=$(echo "$ratios" | wc -l)
    echo "${key/\// }: after/before per round $(echo $ratios), median $(echo "$ratios" | sed -n "$(( (n + 1) / 2 ))p")"
done
