#!/usr/bin/env bash
# The worker sandbox's cost: the same tiny lab (one generation, 10 trials) with "sandbox": "on" and "off",
# side by side, N repetitions in alternating order; prints each run's wall seconds and its trials' summed
# seconds, each repetition's on/off ratio (the two runs are adjacent in time, so a shared machine's load
# moves both), and the medians. With --main the lab is the main job (the embedded default, as `successor init`
# writes it) instead of the tiny one.
#   bench/sandbox.sh [N] [--main]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
s="$root/successor"
n=${1:-3}
main=${2:-}
"$s" --help > /dev/null # build once, outside the timings
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores (load $(cut -d' ' -f1 /proc/loadavg)), $n repetitions"
one() { # mode → "wall trial_seconds"
    local dir
    dir=$(mktemp -d)
    if [ "$main" = --main ]; then
        (cd "$dir" && "$s" init > /dev/null)
        sed -i "s/\"sandbox\": \"on\"/\"sandbox\": \"$1\"/" "$dir/lab.json"
        grep -q "\"sandbox\": \"$1\"" "$dir/lab.json" || { echo "lab.json: no sandbox key to set" >&2; exit 1; }
    else cat > "$dir/lab.json" <<JSON
{ "name": "cost", "seed": 3, "generations": 1, "sandbox": "$1",
  "curriculum": { "train_difficulties": "1-2", "eval_difficulties": "1-3", "eval_items_per_slice": 20 },
  "budgets": { "trial_steps": 20, "initial_steps": 200, "successor_steps": 100 },
  "research": { "proposals": 2 },
  "self_generation": { "problems_per_difficulty": 40 },
  "promotion": { "difficulties": "1-3", "items_per_slice": 20 } }
JSON
    fi
    local start end trials
    start=$(date +%s.%N)
    (cd "$dir" && "$s" run $([ "$main" = --main ] || echo --threads 1) > run.log 2>&1) || { cat "$dir/run.log" >&2; exit 1; }
    end=$(date +%s.%N)
    trials=$(grep -oE 'tokens, [0-9.]+ s$' "$dir/run.log" | awk '{s += $2} END {printf "%.1f", s}')
    rm -rf "$dir"
    echo "$(echo "$end - $start" | bc) $trials"
}
on=(); off=(); on_t=(); off_t=(); ratios=()
for r in $(seq 1 "$n"); do
    for mode in $( [ $((r % 2)) -eq 1 ] && echo "on off" || echo "off on" ); do
        read -r wall trials < <(one "$mode")
        printf "run %d sandbox %-3s: %6.1f s wall, %6.1f s in trials\n" "$r" "$mode" "$wall" "$trials"
        if [ "$mode" = on ]; then on+=("$wall"); on_t+=("$trials"); else off+=("$wall"); off_t+=("$trials"); fi
    done
    ratios+=("$(echo "scale=3; ${on[-1]} / ${off[-1]}" | bc)")
    echo "run $r on/off wall ratio ${ratios[-1]}"
done
median() {
    printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}
mon=$(median "${on[@]}"); moff=$(median "${off[@]}"); ton=$(median "${on_t[@]}"); toff=$(median "${off_t[@]}")
echo "median wall: on $mon s, off $moff s, ratio of medians $(echo "scale=3; $mon / $moff" | bc)"
echo "median of the paired on/off wall ratios: $(median "${ratios[@]}")"
echo "median trial seconds: on $ton s, off $toff s, ratio $(echo "scale=3; $ton / $toff" | bc)"
