#!/usr/bin/env bash
# Crash recovery of the main job: start the default lab, kill -9 it at a random moment, run it again, and
# check that it completes, that every trial is recorded exactly once, and that `successor verify` passes.
#   bench/kill9.sh [seed]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seed=${1:-$RANDOM}
out=${KILL9_OUT:-/tmp/successor-bench/kill9}
rm -rf "$out" && mkdir -p "$out" && cd "$out"
"$root/successor" --help > /dev/null   # build first, so the kill lands in the lab, not in the compiler
delay=$(( 20 + seed % 240 ))
echo "# $(date -u +%Y-%m-%dT%H:%MZ): kill -9 after $delay s (seed $seed)"
"$root/successor" run > first.log 2>&1 &
lab=$!
sleep "$delay"
kill -9 "$lab" 2>/dev/null && echo "killed the lab at: $(tail -1 first.log | cut -c1-120)" || echo "the lab had already finished"
sleep 1
"$root/successor" run > second.log 2>&1
echo "second run: exit $?, $(grep -c ' trial: ' second.log) trial(s) run after the restart"
"$root/successor" log | grep -E ' activity trial:[^ ]+ \[trial\]$' | awk '{print $5}' | sort | uniq -d > repeated.txt || true
trials=$("$root/successor" status | grep '^trials: ' | cut -d' ' -f2)
echo "trials recorded: $trials, recorded twice: $(wc -l < repeated.txt)"
"$root/successor" verify --accept-unwitnessed | tail -1
tail -5 second.log
