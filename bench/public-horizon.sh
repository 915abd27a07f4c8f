#!/usr/bin/env bash
# Every model a self-improvement lab trained as a champion candidate — the first champion's runs and each
# generation's successor — answers public reversed-addition problems of each length, and the 99% horizon (the
# largest d such that every length up to d is answered at least 99% right) is read off those. The judge's sealed
# slices hold 200 problems each, where three slips at 3 digits take a 99% horizon from 7 to 2
# (docs/journal/2026-12-06-vote.md); 500 public problems per length say more about where a model stands.
#   bench/public-horizon.sh LAB_FOLDER [DIFFICULTIES (1-12)] [COUNT (500)]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=$1 difficulties=${2:-1-12} count=${3:-500}

horizon99() { # `successor eval` output → the largest d with every length up to d at ≥ 99%
  awk -F'[ :/=]+' '/^radd d=/ { d = $3; ok = ($4 * 100 >= 99 * $5); if (ok && d == h + 1) h = d } END { print h + 0 }'
}

echo "| generation | model | $difficulties digits correct (of $count each) | 99% horizon |"
echo "| ---: | --- | --- | ---: |"
for model in $(ls -d "$dir"/.successor/runs/*/g0/g0-initial* "$dir"/.successor/runs/*/g*/g*-successor | sort -V); do
  [ -f "$model/model.safetensors" ] || continue
  result=$("$root/successor" eval --checkpoint "$model" --curriculum radd --difficulties "$difficulties" \
    --count "$count" --seed 7 --threads 2)
  row=$(echo "$result" | awk -F'[ :/=]+' '/^radd d=/ { printf "%s%s", sep, $4; sep = " " }')
  g=$(basename "$(dirname "$model")")
  echo "| ${g#g} | $(basename "$model") | $row | $(echo "$result" | horizon99) |"
done
