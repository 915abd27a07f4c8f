#!/usr/bin/env bash
# Same seeds, same results: runs the main job (and, with IDENTITY_SELFIMPROVE=1, bench/selfimprove.sh's first
# two generations with the exact filter) at two revisions of this repository, and compares what they print.
# Wall-clock figures (the "[mm:ss]" prefix, "N s", the seconds column) are masked; the order in which
# parallel trials finish is not a result, so progress lines are compared as a multiset. Exit 0 when equal.
#   bench/identity.sh BEFORE [AFTER]        (AFTER defaults to HEAD)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
before=$(git -C "$root" rev-parse --short "${1:?usage: bench/identity.sh BEFORE [AFTER]}")
after=$(git -C "$root" rev-parse --short "${2:-HEAD}")
out=$(mktemp -d)
mask() { sed -E 's/^ *\[[0-9:]+\] //; s/[0-9]+ min [0-9]+ s|[0-9.]+ s\b/T s/g; s/^(.*[0-9,]+  )[0-9]+$/\1T/' "$1" \
    | grep -vE '^lab [^ ]+: |elapsed|pagefaults|^# ' | sort; }
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg): $before vs $after"
status=0
for rev in "$before" "$after"; do
    dir="$out/$rev"
    git clone -q "$root" "$dir" && git -C "$dir" checkout -q "$rev"
    (cd "$dir" && ./successor run > "$dir.main.txt" 2>&1)
    if [ "${IDENTITY_SELFIMPROVE:-0}" = 1 ]; then
        (cd "$dir" && SELFIMPROVE_OUT="$dir.si" SELFIMPROVE_GENERATIONS=2 bash bench/selfimprove.sh exact > "$dir.si.txt" 2>&1)
    fi
done
a="$out/$before"; b="$out/$after"
for kind in main si; do
    [ -f "$a.$kind.txt" ] || continue
    if diff <(mask "$a.$kind.txt") <(mask "$b.$kind.txt") > "$out/$kind.diff"; then
        echo "$kind: identical ($(wc -l < "$a.$kind.txt") lines; wall clock masked)"
    else
        echo "$kind: DIFFERENT, see $out/$kind.diff"; status=1
    fi
done
exit $status
