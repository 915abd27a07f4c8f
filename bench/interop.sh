#!/usr/bin/env bash
# Export → import → a lab from the imported champion: a tiny lab trains its first champion (0 generations), the
# champion goes out as Hugging Face GPT-2 and comes back, the weights are compared tensor by tensor (cmp of the
# data sections is not possible: the metadata differs), and a second lab starts from it and runs to a verdict.
# Prints both labs' generation-0 lines, the verdict and the ledger's verification.
#   bench/interop.sh            (INITIAL_STEPS=600 by default: the first champion's training steps)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
s="$root/successor"
dir=$(mktemp -d)
cd "$dir"
# GPT-2 has learned positions: the recipe is the default lab's with learned positions instead of digit positions
lab() {
    cat <<JSON
{ "name": "tiny", "generations": $1, $2
  "curriculum": { "train_difficulties": "1-2", "eval_difficulties": "1-3", "eval_items_per_slice": 20 },
  "budgets": { "trial_steps": 20, "initial_steps": ${INITIAL_STEPS:-600}, "successor_steps": 40 },
  "research": { "proposals": 2 }, "self_generation": { "problems_per_difficulty": 40 },
  "recipe": { "model": { "layers": 2, "heads": 4, "embedding": 128, "block_size": 48 }, "batch_size": 32,
    "learning_rate": 3e-3, "min_learning_rate": 3e-4, "warmup_steps": 50, "eval_interval": 0 },
  "promotion": { "difficulties": "1-3", "items_per_slice": 20 } }
JSON
}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
lab 0 "" > trained.json
"$s" run --config trained.json --ledger trained/ledger.db --artifacts trained/artifacts --work trained/runs \
    | grep " g0 champion"
"$s" export --format hf-gpt2 --checkpoint trained/runs/tiny/g0/g0-initial --out hf | grep parameters
"$s" import --format hf-gpt2 hf --out imported | grep sha256
/usr/bin/python3 - trained/runs/tiny/g0/g0-initial/model.safetensors imported/model.safetensors <<'PY'
import json, struct, sys
def tensors(path):
    data = open(path, "rb").read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n]); header.pop("__metadata__", None)
    return {k: data[8 + n + v["data_offsets"][0]:8 + n + v["data_offsets"][1]] for k, v in header.items()}
a, b = tensors(sys.argv[1]), tensors(sys.argv[2])
same = a.keys() == b.keys() and all(a[k] == b[k] for k in a)
print(f"round trip: {len(a)} tensors, {'bit-identical' if same else 'DIFFERENT'}")
PY
lab 1 '"first_champion": "imported",' > started.json
# the same judge secret, so that both labs score on the same sealed holdout
install -d -m 0700 started/judge && install -m 0600 trained/judge/secret started/judge/secret
/usr/bin/time -f "lab from the imported champion: %e s" "$s" run --config started.json --ledger started/ledger.db \
    --artifacts started/artifacts --work started/runs | grep -E " g0 (import|champion)| g1 (promoted|rejected)"
"$s" witness --ledger started/ledger.db --state started/witness.json > /dev/null
"$s" verify --ledger started/ledger.db --artifacts started/artifacts --witness-state started/witness.json | tail -n 1
rm -rf "$dir"
