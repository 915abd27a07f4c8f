#!/usr/bin/env bash
# Self-improvement with a filter that is not an exact checker (after Lee et al., ICML 2025, who need it for
# multiplication and forward addition): two labs side by side, the same family, seed and budgets, differing only
# in the filter. "vote": the champion and two siblings trained beside it from other seeds answer each problem
# past the frontier; an answer is kept when a majority gives it and its length is plausible for the operands.
# "none": every well-formed answer of the champion is kept. Both run with the kept-label and reliability gates
# off, so the exact checker decides nothing in either (it only measures the kept labels), under one of two
# protocols (VOTE_PROTOCOL):
#   lee (the default): Lee et al.'s own. Every generation curates the next length, learned or not
#     (self_generation.advance schedule), and every successor that trains becomes the champion whatever the judge
#     finds (promotion.adopt_every_successor, an ablation: the judge still scores each one and the table says what
#     it found). Nothing but the filter stands between a lab and its own errors, so the unfiltered lab is free to
#     collapse, as Lee et al.'s unfiltered runs do.
#   judged: the lab's own rules. The judge decides, and a curated length moves the frontier when all three models
#     agree on 99% of it; the unfiltered lab's siblings train as the vote lab's do and only witness
#     (self_generation.witnesses), so the labs differ in what they keep, not in how they advance or what they
#     spend. Here the judge holds the unfiltered lab's champion (docs/BENCHMARKS.md).
# Per generation: the champion's 99% horizon on the sealed side, what the judge found, kept counts, kept-label
# accuracy, the kept-label accuracy compounded over generations, and the lab's compounded reliability (kept-label
# accuracy and the promotion rule's bound, as docs/SAFETY.md describes).
#   bench/selfimprove-vote.sh [family]      (default radd; add and mul are accepted — see the journal,
#                                            docs/journal/2026-12-06-vote.md, for why radd)
# The recipe is the long bench's (bench/selfimprove.sh): 4 layers × 128, digit positions with a training offset of 4,
# kept problems drawn a length at a time; a 2-layer lab's voters, once they shared the kept data, agreed on wrong
# answers one length out and its vote gained one length (docs/journal/2026-12-06-vote.md).
# Environment: VOTE_OUT (folder), VOTE_PROTOCOL (lee or judged), VOTE_SECONDS (each lab's budget, 6600:
#   generation 0 trains six models in the vote lab), VOTE_GENERATIONS (12), VOTE_VOTERS (3),
#   VOTE_TRAIN (training lengths, 1-5), VOTE_INITIAL_STEPS (3000), VOTE_SUCCESSOR_STEPS (800), VOTE_LAYERS (4),
#   VOTE_CANDIDATES (runs of each model trained from scratch, the best kept: 2; a 4-layer run on 1-5 learns at all
#   in about 3 of 5 seeds, and this lab's first try had both siblings fail),
#   VOTE_AHEAD (lengths curated past the frontier, 1: two lengths out, the voters agree on the same wrong answers:
#   docs/journal/2026-12-06-vote.md), VOTE_EVAL (1: also every champion candidate's 99% horizon on 500 public
#   problems per length, bench/public-horizon.sh, since the sealed slices' 200 read short horizons for a few slips)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
family=${1:-radd}
out=${VOTE_OUT:-/tmp/successor-bench/selfimprove-vote}
seconds=${VOTE_SECONDS:-6600}
generations=${VOTE_GENERATIONS:-12}
voters=${VOTE_VOTERS:-3}
train=${VOTE_TRAIN:-1-5}
initial=${VOTE_INITIAL_STEPS:-3000}
successor=${VOTE_SUCCESSOR_STEPS:-800}
layers=${VOTE_LAYERS:-4}
candidates=${VOTE_CANDIDATES:-2}
ahead=${VOTE_AHEAD:-1}
protocol=${VOTE_PROTOCOL:-lee}
case $protocol in
  lee) advance=schedule adopt=true ;;
  judged) advance=mastery adopt=false ;;
  *) echo "VOTE_PROTOCOL is \"$protocol\"; use lee or judged" >&2; exit 2 ;;
esac

lab() { # filter → lab.json
  cat <<JSON
{
  "name": "vote-$1",
  "generations": $generations,
  "curriculum": { "families": "$family", "train_difficulties": "$train", "eval_difficulties": "1-10",
                  "kept_by_length": true },
  "budgets": { "trial_steps": 100, "initial_steps": $initial, "successor_steps": $successor,
               "initial_candidates": $candidates,
               "lab_seconds": $seconds, "trial_seconds": 1800 },
  "research": { "proposals": 1, "workers": 2 },
  "self_generation": { "filter": "$1", "voters": $voters, "difficulties_ahead": $ahead, "advance": "$advance",
                       "witnesses": $([ "$1" = none ] && [ "$protocol" = judged ] && echo true || echo false) },
  "promotion": { "difficulties": "1-8", "min_kept_label_accuracy": 0, "adopt_every_successor": $adopt },
  "gates": { "incidents": false },
  "safety": { "min_projected_reliability": 0 },
  "recipe": {
    "model": { "layers": $layers, "heads": 4, "embedding": 128, "block_size": 64, "positions": "digits", "digit_offset": 4 },
    "batch_size": 32, "learning_rate": 0.003, "min_learning_rate": 0.0003, "warmup_steps": 100, "eval_interval": 0,
    "self_generated_fraction": 0.5
  }
}
JSON
}

# Per generation, from the ledger: the champion after it and its 99% horizon, the candidate's, what was kept and
# how right it was, and both compounded reliabilities.
table() { # lab folder
  (cd "$1" && "$root/successor" log --json) > "$1/log.jsonl"
  python3 - "$1/log.jsonl" <<'PY'
import json, sys
from decimal import Decimal, ROUND_HALF_UP
def r3(x): return str(Decimal(repr(x)).quantize(Decimal("0.001"), ROUND_HALF_UP))  # as the lab prints it
gens, cur = {}, {}
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e.get("event") != "record": continue
    a = e["entry"].get("attributes") or {}
    if e["entry"].get("type") == "generation": gens[a["generation"]] = a
    if e["entry"].get("type") == "curation": cur[a["generation"]] = a
print("| gen | outcome | the judge found it | champion's 99% horizon | candidate's (sealed to) | kept at | kept"
      " | kept-label acc | kept-label acc compounded | lab reliability compounded | voters |")
print("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
champion, compounded = None, 1.0
for g in sorted(gens):
    a, c = gens[g], cur.get(g)
    h = a.get("reliable_horizon")
    if g == 0 or a.get("promoted"): champion = h
    adopted = (a.get("reason") or "").startswith("adopted without the judge")
    outcome = "first" if g == 0 else ("adopted" if adopted else "promoted" if a.get("promoted") else "rejected")
    better = a.get("genuinely_better")
    judge = "-" if g == 0 or better is None else "better" if better else "not better"
    kept, accuracy, at = "-", "-", "-"
    if c is not None:
        kept, accuracy = f"{c['kept']:,}", r3(c["kept_label_accuracy"])
        at = ",".join(str(d) for d in c["difficulties"])
        if c["kept"] > 0: compounded *= c["kept_label_accuracy"]
    voters = ", ".join(f"{v.split()[0]} {v.split()[1][7:19]}" for v in (c or {}).get("voters") or []) or "-"
    reliability = a.get("cumulative_reliability")
    print(f"| {g} | {outcome} | {judge} | {champion} | {h} ({a.get('sealed_through')}) | {at} | {kept} | {accuracy}"
          f" | {r3(compounded)} | {'-' if reliability is None else r3(reliability)} | {voters} |")
PY
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); family $family;" \
  "protocol $protocol"
"$root/successor" --help > /dev/null # build once, before two labs race to
start=$(date +%s)
for filter in vote none; do
  dir="$out/$filter"
  rm -rf "$dir" && mkdir -p "$dir"
  lab "$filter" > "$dir/lab.json"
  (cd "$dir" && "$root/successor" run > run.log 2>&1; echo "exit $?" >> run.log) &
done
wait
echo "both labs done in $(( $(date +%s) - start )) s; load $(cut -d' ' -f1-3 /proc/loadavg)"
for filter in vote none; do
  dir="$out/$filter"
  echo "## filter: $filter ($(tail -1 "$dir/run.log"))"
  table "$dir"
  grep -E " curation: " "$dir/run.log" | sed 's/^/    /'
  (cd "$dir" && "$root/successor" status | grep -E "^99% horizon")
  if [ "${VOTE_EVAL:-1}" = 1 ]; then "$root/bench/public-horizon.sh" "$dir" 1-12 500; fi
done
