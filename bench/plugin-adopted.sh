#!/usr/bin/env bash
# The scripted good researcher's plug-in, end to end: a lab whose recipe runs at a constant learning rate (no
# cooldown), with a language model as its researcher — a scripted one (bench/fake-model-server.py) on the
# loopback. Its first reply proposes bench/plugins/decay-to-zero.cs (or PLUGIN_ADOPTED_FILE) with a deliberate
# compile error (a semicolon left out); the lab compiles it in a sandboxed worker and sends the compiler's messages
# back; the second reply repairs it. The lab trains it against the control, re-runs it on 2 fresh seeds, adopts
# it only if the paired 95% CI excludes zero, trains the successor with it, and the judge decides on the sealed
# holdout. Trained, validated and judged on 1-4 digits; the recipe seed is the lab seed (docs/BENCHMARKS.md).
# Prints, per lab seed, each step as the ledger and the run log recorded it, then how many adopted and promoted.
# Do not rebuild the program while it runs: the judge fails a candidate closed when its evaluator changes.
#   bench/plugin-adopted.sh [seeds]        (default "3 4 5"; PLUGIN_ADOPTED_OUT: /tmp/successor-bench/plugin-adopted)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seeds=${1:-3 4 5}
out=${PLUGIN_ADOPTED_OUT:-/tmp/successor-bench/plugin-adopted}
plugin=$(realpath "${PLUGIN_ADOPTED_FILE:-$root/bench/plugins/decay-to-zero.cs}")
successor=${SUCCESSOR:-$root/successor}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "${PLUGIN_ADOPTED_COMMIT:-?}") on $(nproc) cores (load $(cut -d' ' -f1 /proc/loadavg)): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version)"
adopted=0; promoted=0; labs=0
for seed in $seeds; do
  dir="$out/seed-$seed"
  rm -rf "$dir" && mkdir -p "$dir"
  # the script: the plug-in with `using Successor.Plugins` missing its semicolon, then the plug-in as it is
  python3 - "$plugin" "$dir/script.json" <<'PY'
import json, sys
source = open(sys.argv[1], encoding="utf-8").read()
def reply(text):
    return json.dumps({"proposals": [{"overrides": [],
        "plugins": [{"point": "learning_rate_schedule", "source": text}],
        "targets": "radd d=4",
        "rationale": "the recipe ends every run at its peak rate; decaying the rate to zero lets the "
                     "weights settle"}]})
broken = source.replace("using Successor.Plugins;", "using Successor.Plugins", 1)
assert broken != source
json.dump([reply(broken), reply(source)], open(sys.argv[2], "w", encoding="utf-8"))
PY
  python3 "$root/bench/fake-model-server.py" "$dir/script.json" "$dir/port" "$dir/calls.jsonl" &
  server=$!
  for _ in $(seq 50); do [ -s "$dir/port" ] && break; sleep 0.1; done
  cat > "$dir/lab.json" <<JSON
{
  "name": "plugin-adopted-$seed", "seed": $seed, "generations": 1,
  "budgets": { "trial_steps": 150, "initial_steps": 1500, "successor_steps": 300 },
  "research": { "strategy": "llm", "proposals": 1, "rungs": 1,
    "language_model": { "provider": "openai", "model": "scripted-good-researcher",
      "base_url": "http://127.0.0.1:$(cat "$dir/port")/v1", "key_variable": "", "retry_delay_seconds": 0.01,
      "input_price": 2.5, "output_price": 10 } },
  "curriculum": { "train_difficulties": "1-4", "eval_difficulties": "1-4" },
  "promotion": { "difficulties": "1-4", "difficulties_past_horizon": 0 },
  "self_generation": { "enabled": false },
  "gates": { "incidents": false },
  "recipe": {
    "model": { "layers": 2, "heads": 4, "embedding": 128, "block_size": 48, "positions": "digits", "digit_offset": 4 },
    "seed": $seed, "batch_size": 32, "steps": 1500, "learning_rate": 0.003, "min_learning_rate": 0.003,
    "warmup_steps": 50, "schedule": "constant", "eval_interval": 0, "self_generated_fraction": 0.5 }
}
JSON
  start=$(date +%s)
  (cd "$dir" && "$successor" run > run.log 2>&1) || echo "lab $seed exited $?; see $dir/run.log"
  seconds=$(( $(date +%s) - start ))
  kill "$server" 2>/dev/null || true
  (cd "$dir" && "$successor" log --json > ledger.jsonl)
  echo "## seed $seed ($seconds s)"
  python3 - "$dir" <<'PY'
import json, sys
folder = sys.argv[1]
entries = [r["entry"] for r in (json.loads(l) for l in open(f"{folder}/ledger.jsonl") if l.startswith("{"))
           if "entry" in r]
of = lambda kind: [e for e in entries if e.get("type") == kind]
for e in of("plugin"):
    a = e["attributes"]
    digest = a["compile_log_sha256"].removeprefix("sha256:")
    log = open(f"{folder}/.successor/artifacts/sha256/{digest[:2]}/{digest}", encoding="utf-8").read()
    first = next((l.strip() for l in log.splitlines() if "error" in l), "")
    print(f"  plug-in {a['source_sha256'][:19]}…: {'compiled' if a['ok'] else 'did not compile'}"
          f" ({a['diagnostics']} diagnostic(s)), proposed by {a['researcher']}" + (f": {first}" if first else ""))
for e in of("research-call"):
    a = e["attributes"]
    print(f"  call {a.get('call')}: {a.get('purpose')} → {a.get('outcome')}, {a.get('input_tokens')} + "
          f"{a.get('output_tokens')} tokens, cost {a.get('cost')}")
billed = [json.loads(l) for l in open(f"{folder}/calls.jsonl")]
print(f"  the server billed {len(billed)} call(s): {sum(b['prompt_tokens'] for b in billed)} + "
      f"{sum(b['completion_tokens'] for b in billed)} tokens")
for e in of("finding"):
    a = e["attributes"]
    print(f"  finding {a['trial']}: effect {a['effect']:+.3f} [{a['low']:+.3f}, {a['high']:+.3f}] vs control")
for e in of("selection"):
    a = e["attributes"]
    print(f"  selection on {a.get('seeds')} fresh seeds: effect {a.get('effect')}, 95% CI "
          f"[{a.get('low')}, {a.get('high')}], adopted: {'yes' if a.get('adopted') else 'no'}")
PY
  grep -E " g1 (research|rung|selection|successor|verify|promoted|rejected):" "$dir/run.log" | cut -c1-400 \
    | sed 's/^/  /' || true
  spec=$(ls "$dir"/.successor/runs/*/g1/g1-successor/spec.json 2>/dev/null || true)
  echo "  the successor's recipe: $( [ -n "$spec" ] && grep -o '"learning_rate_schedule_plugin": *"[^"]*"' "$spec" \
    || echo "no plug-in")"
  labs=$((labs + 1))
  grep -q " g1 selection: adopted" "$dir/run.log" && adopted=$((adopted + 1))
  grep -q " g1 promoted:" "$dir/run.log" && promoted=$((promoted + 1))
done
echo "adopted: $adopted of $labs"
echo "promoted: $promoted of $labs"
