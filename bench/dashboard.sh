#!/usr/bin/env bash
# The dashboard's server time on a 10-generation lab (target: under 1 second): records a tiny
# 10-generation lab (incidents are recorded but do not pause it: this measures the page, not the loop),
# starts `successor serve` on it, reads the lab's snapshot 20 times, and prints the server time each
# answer reports (server_ms, also in the Server-Timing header) and their median.
#   bench/dashboard.sh [generations]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
s="$root/successor"
gens=${1:-10}
dir=$(mktemp -d)
server=
trap '[ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), a $gens-generation lab"
cat > "$dir/lab.json" <<JSON
{ "name": "ten", "generations": $gens,
  "curriculum": { "train_difficulties": "1-2", "eval_difficulties": "1-3", "eval_items_per_slice": 20 },
  "budgets": { "trial_steps": 20, "initial_steps": 120, "successor_steps": 40 },
  "research": { "proposals": 2 },
  "self_generation": { "problems_per_difficulty": 40 },
  "promotion": { "difficulties": "1-3", "items_per_slice": 20 },
  "gates": { "incidents": false } }
JSON
clock=$(date +%s)
(cd "$dir" && "$s" run --threads 1 > run.log 2>&1) || { tail -5 "$dir/run.log"; exit 1; }
echo "recorded in $(( $(date +%s) - clock )) s: $(cd "$dir" && "$s" status --json | grep -oE '"(generations_done|trials)": *[0-9]+' | tr '\n' ' ')"
port=$(shuf -i 20000-40000 -n 1)
(cd "$dir" && exec "$s" serve --urls "http://127.0.0.1:$port" > serve.log 2>&1) &
server=$!
for _ in $(seq 100); do grep -q "^serving" "$dir/serve.log" 2>/dev/null && break; kill -0 "$server" 2>/dev/null || { cat "$dir/serve.log"; exit 1; }; sleep 0.2; done
echo "ledger records: $(cd "$dir" && "$s" log | wc -l)"
times=()
for _ in $(seq 20); do
    times+=("$(curl -sf "http://127.0.0.1:$port/api/labs/ten" | grep -oE '"server_ms":[0-9.]+' | cut -d: -f2)")
done
echo "server_ms: ${times[*]}"
printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print "median server_ms: " a[int((NR+1)/2)]}'
