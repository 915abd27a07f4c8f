#!/usr/bin/env bash
# The self-generated-data channel with and without its filter: the default lab run three times — keeping
# only answers the exact checker accepts; keeping every answer with the default kept-label gate (0.9);
# keeping every answer with the gate off — with the kept-label accuracy of every generation (the error
# avalanche shows there) and which successors were promoted.
#   bench/filters.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${FILTERS_OUT:-/tmp/successor-bench/filters}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores"
for run in "exact 0.9" "none 0.9" "none 0"; do
  set -- $run
  dir="$out/$1-gate-$2"
  mkdir -p "$dir" && rm -rf "$dir/.successor"
  echo "{ \"name\": \"filter-$1\", \"self_generation\": { \"filter\": \"$1\" }, \"promotion\": { \"min_kept_label_accuracy\": $2 } }" > "$dir/lab.json"
  (cd "$dir" && "$root/successor" run > run.log)
  echo "## filter: $1, kept-label gate: $2"
  (cd "$dir" && "$root/successor" status | sed -n '1,/^lab:/p' | grep -v '^lab:')
done
