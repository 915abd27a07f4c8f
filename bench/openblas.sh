#!/usr/bin/env bash
# Debian's OpenBLAS for the GEMM comparisons in `successor bench` and bench/Successor.Bench (the engine never calls
# it): installs libopenblas0 with apt when libopenblas.so.0 is missing, then prints the core type OpenBLAS should
# be told, as an `export` line, or nothing when its own detection is to be trusted.
# Debian's 0.3.21 does not recognise some recent AVX-512 CPUs (Intel Sapphire/Emerald Rapids) and runs its AVX2
# (Haswell) kernels there, and a machine's environment may force a core type (OPENBLAS_CORETYPE=Haswell on the
# machine this was written on, where OpenBLAS itself picks Cooperlake). So each candidate is timed (one thread,
# 768³) and the fastest is exported: the comparison is always against OpenBLAS's fastest on this CPU.
#   eval "$(bench/openblas.sh)"
set -euo pipefail
if ! ldconfig -p | grep -q 'libopenblas\.so\.0'; then
    echo "openblas.sh: installing libopenblas0 with apt" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libopenblas0; } >&2 \
        || { echo "openblas.sh: libopenblas0 could not be installed; the OpenBLAS figures will be empty" >&2; exit 0; }
fi
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
probe=$(mktemp)
trap 'rm -f "$probe"' EXIT
gcc -O2 "$dir/llmc/sgemm_rate.c" -ldl -o "$probe" || { echo "openblas.sh: no C compiler; core type left" >&2; exit 0; }
# Candidates: OpenBLAS's own detection, an OPENBLAS_CORETYPE inherited from the environment, and on AVX-512 CPUs
# SkylakeX; one beats the ones before it only when more than 5% faster (so own detection wins a tie), and the winner
# is exported by the name OpenBLAS gives it.
best="" best_rate=0
for candidate in "" ${OPENBLAS_CORETYPE:-} $(grep -qw avx512f /proc/cpuinfo && echo SkylakeX); do
    read -r name rate < <(env -u OPENBLAS_CORETYPE ${candidate:+OPENBLAS_CORETYPE=$candidate} "$probe")
    echo "openblas.sh: ${candidate:-own detection} runs $name kernels at $rate GFLOP/s on one thread" >&2
    if awk -v a="$rate" -v b="$best_rate" 'BEGIN { exit !(a > 1.05 * b) }'; then best=$name best_rate=$rate; fi
done
[ -n "$best" ] && echo "export OPENBLAS_CORETYPE=$best"
