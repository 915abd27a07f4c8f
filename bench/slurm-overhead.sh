#!/usr/bin/env bash
# Per-trial scheduling overhead of the Slurm executor against the local pool, in one run: the same tiny trial
# (the first champion's of a one-generation curriculum lab, 20 steps), N times each way, alternating:
#   local  `successor trial-node` started directly on this machine: the local pool's own path (the sandbox,
#          the system-call guard, the watch, the worker), plus the supervisor's start, which the lab's
#          in-process pool does not pay (printed apart as "supervisor start": `successor trial-node --help`)
#   slurm  the same command as the job script of an sbatch job, timed from sbatch until its verdict file
#          appears (looked for every 0.1 s; the lab looks every executor.poll_seconds)
# and prints each pair, the medians and the difference: what a trial pays for going through the queue.
# Needs the cluster of .ci/slurm-up (started here when it is not up).
#   bench/slurm-overhead.sh [N]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
s="$root/successor"
n=${1:-5}
partition=$(bash "$root/.ci/slurm-up")
"$s" --help > /dev/null # build once, outside the timings
bin="$root/src/Successor.Cli/bin/Release/net10.0"
dir=$(mktemp -d /var/tmp/successor-overhead-XXXX)
trap 'rm -rf "$dir"' EXIT
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores (load $(cut -d' ' -f1 /proc/loadavg)), partition $partition, $n pairs"
# one trial's spec.json: the first champion's of a lab with no successor
cat > "$dir/lab.json" <<JSON
{ "name": "overhead", "generations": 0,
  "curriculum": { "train_difficulties": "1-2", "eval_difficulties": "1-3", "eval_items_per_slice": 20 },
  "budgets": { "initial_steps": 20 } }
JSON
(cd "$dir" && "$s" run --threads 1 > seed.log 2>&1) || { cat "$dir/seed.log" >&2; exit 1; }
spec="$dir/.successor/runs/overhead/g0/g0-initial/spec.json"
[ -f "$spec" ] || { echo "no spec.json at $spec" >&2; exit 1; }
fresh() { # name → a trial folder holding only the spec, and its job folder
    mkdir -p "$dir/t/$1" "$dir/j/$1"
    cp "$spec" "$dir/t/$1/spec.json"
}
now() { date +%s.%N; }
node_args() { echo "$dir/t/$1" --job "$dir/j/$1" --seconds 240 --threads 1 --sandbox on; }
local_one() {
    fresh "$1"
    local start end
    start=$(now)
    # shellcheck disable=SC2046
    "$bin/successor" trial-node $(node_args "$1") > /dev/null
    end=$(now)
    [ -f "$dir/j/$1/result.json" ] || { echo "local trial $1 wrote no verdict" >&2; exit 1; }
    echo "$end - $start" | bc
}
slurm_one() {
    fresh "$1"
    printf '#!/bin/sh\nexec %s trial-node %s\n' "$bin/successor" "$(node_args "$1")" > "$dir/j/$1/job.sh"
    local start end
    start=$(now)
    sbatch --parsable --requeue --job-name "successor.overhead.$1" --partition "$partition" \
        --output "$dir/j/$1/out.log" --chdir "$dir/j/$1" --cpus-per-task 1 --export PATH "$dir/j/$1/job.sh" > /dev/null
    while [ ! -f "$dir/j/$1/result.json" ]; do sleep 0.1; done
    end=$(now)
    echo "$end - $start" | bc
}
starts=()
for _ in 1 2 3; do
    a=$(now); "$bin/successor" trial-node --help > /dev/null; b=$(now); starts+=("$(echo "$b - $a" | bc)")
done
loc=(); slu=()
for r in $(seq 1 "$n"); do
    for mode in $( [ $((r % 2)) -eq 1 ] && echo "local slurm" || echo "slurm local" ); do
        t=$("${mode}_one" "$mode-$r")
        if [ "$mode" = local ]; then loc+=("$t"); else slu+=("$t"); fi
    done
    printf "pair %d: local %6.2f s, slurm %6.2f s\n" "$r" "${loc[-1]}" "${slu[-1]}"
done
median() {
    printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}
ml=$(median "${loc[@]}"); ms=$(median "${slu[@]}"); st=$(median "${starts[@]}")
printf "supervisor start: %.2f s (median of 3)\n" "$st"
printf "local: %.2f s, slurm: %.2f s (medians of %d)\n" "$ml" "$ms" "$n"
printf "slurm overhead per trial: %.2f s (slurm - local)\n" "$(echo "$ms - $ml" | bc)"
# what one lab's poll loop and submissions cost the controller: 20 held jobs submitted one after another, one
# squeue of their 20 names (as the executor polls), then cancelled
names=(); ids=()
a=$(now)
for i in $(seq 1 20); do
    ids+=("$(sbatch --parsable --hold --job-name "successor.overhead.held-$i" --partition "$partition" \
        --output /dev/null --wrap true)")
    names+=("successor.overhead.held-$i")
done
b=$(now)
squeue --noheader --states=all --name "$(IFS=,; echo "${names[*]}")" --Format=JobID:\|,Name:\|,State:\| > /dev/null
c=$(now)
scancel "${ids[@]}"
printf "sbatch: %.0f ms per submission (20 in a row); squeue of 20 names: %.0f ms\n" \
    "$(echo "($b - $a) * 1000 / 20" | bc -l)" "$(echo "($c - $b) * 1000" | bc -l)"
echo "# load after: $(cut -d' ' -f1 /proc/loadavg)"
