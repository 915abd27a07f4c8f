#!/usr/bin/env bash
# The self-generated-data channel with and without its filter: the default lab run twice, once keeping only
# answers the exact checker accepts and once keeping every answer, with the kept-label accuracy of every
# generation (the error avalanche shows there), and which successors the Verifier promoted.
#   bench/filters.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${FILTERS_OUT:-/tmp/successor-bench/filters}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores"
for filter in exact none; do
  mkdir -p "$out/$filter" && rm -rf "$out/$filter/.successor"
  echo "{ \"name\": \"filter-$filter\", \"self_generation\": { \"filter\": \"$filter\" } }" > "$out/$filter/lab.json"
  (cd "$out/$filter" && "$root/successor" run > run.log)
  echo "## filter: $filter"
  (cd "$out/$filter" && "$root/successor" status | sed -n '1,/^lab:/p' | grep -v '^lab:')
done
