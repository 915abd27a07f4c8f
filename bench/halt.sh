#!/usr/bin/env bash
# The kill switch: a lab with 4 workers is halted while its trials run; prints how long the
# lab took to stop, checks that no worker survived, then resumes the lab and verifies its ledger.
#   bench/halt.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
s="$root/successor"
dir=$(mktemp -d)
cd "$dir"
cat > lab.json <<'JSON'
{ "name": "drill", "generations": 1,
  "curriculum": { "train_difficulties": "1-2", "eval_difficulties": "1-3", "eval_items_per_slice": 20 },
  "budgets": { "trial_steps": 200, "initial_steps": 120, "successor_steps": 40 },
  "research": { "proposals": 3, "workers": 4 },
  "self_generation": { "problems_per_difficulty": 40 },
  "promotion": { "difficulties": "1-3", "items_per_slice": 20 } }
JSON
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
"$s" person bootstrap ops --key-out "$dir/ops.key" > /dev/null 2>&1
"$s" run > run.log 2>&1 &
until grep -q "g1 trials: running 4 trial(s) on 4 worker(s)" run.log; do sleep 0.2; done
sleep 1
echo "workers before: $(grep -la "[r]uns/drill/" /proc/[0-9]*/cmdline 2>/dev/null | wc -l) trial workers"
SUCCESSOR_KEY="$dir/ops.key" "$s" halt --reason "drill"
wait || true
echo "workers after: $(grep -la "[r]uns/drill/" /proc/[0-9]*/cmdline 2>/dev/null | wc -l) trial workers"
"$s" run > resume.log 2>&1 && echo "resumed: $(tail -n 1 resume.log | cut -c1-60)"
"$s" verify --accept-unwitnessed | tail -n 1
rm -rf "$dir"
