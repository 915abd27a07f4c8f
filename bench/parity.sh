#!/usr/bin/env bash
# PyTorch parity of the GPT on the baby and small presets (and baby with biases and an untied head): runs the
# parity test, which exports each model as Hugging Face GPT-2 and has tests/.../parity/gpt2_parity.py
# (Debian's python3-torch) recompute logits, loss, every gradient and one AdamW step; prints the max relative
# error of every tensor and each variant's summary (the test appends its rows to $SUCCESSOR_PARITY_REPORT).
#   bench/parity.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    ".NET $(dotnet --version), torch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)')"
dotnet build tests/Successor.Training.Tests -c Release -nologo -v q >/dev/null
report=$(mktemp)
SUCCESSOR_PARITY_REPORT=$report dotnet test tests/Successor.Training.Tests -c Release --no-build \
    --filter "FullyQualifiedName~PyTorchParityTests" --logger "console;verbosity=detailed" 2>&1 \
    | grep -E '^\s+(\{"summary|(baby|small)[ a-z,]*: logits)|Total tests|Passed:|Failed:' \
    | sed -E 's/^\s+//' | awk '!seen[$0]++'
echo "# variant, kind, tensor, max relative error (max|torch - successor| / max|successor|)"
cat "$report"
rm -f "$report"
