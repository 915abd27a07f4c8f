#!/usr/bin/env bash
# Debian's OpenBLAS for the GEMM comparison in `successor bench` and bench/Successor.Bench (the engine never
# calls it): installs libopenblas0 with apt when libopenblas.so.0 is missing, then prints the core type
# OpenBLAS should be told, as an `export` line (nothing when its own detection is to be trusted).
# Debian's 0.3.21 does not recognise Intel Sapphire/Emerald Rapids (family 6, models 143 and 207) and falls back
# to generic kernels; those CPUs have SkylakeX's AVX-512 FMA layout, so OPENBLAS_CORETYPE=SkylakeX is set there.
# It is never set on AMD: Zen 4 and 5 run OpenBLAS's Zen (AVX2) kernels, its best on that CPU at 0.3.21.
#   eval "$(bench/openblas.sh)"
set -euo pipefail
if ! ldconfig -p | grep -q 'libopenblas\.so\.0'; then
    echo "openblas.sh: installing libopenblas0 with apt" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libopenblas0; } >&2 \
        || { echo "openblas.sh: libopenblas0 could not be installed; the OpenBLAS columns will be empty" >&2; exit 0; }
fi
vendor=$(grep -m1 '^vendor_id' /proc/cpuinfo | awk '{print $3}')
family=$(grep -m1 '^cpu family' /proc/cpuinfo | awk '{print $4}')
model=$(grep -m1 '^model[[:space:]]*:' /proc/cpuinfo | awk '{print $3}')
if [ "$vendor" = GenuineIntel ] && [ "$family" = 6 ] && grep -qw avx512f /proc/cpuinfo \
    && [ -z "${OPENBLAS_CORETYPE:-}" ]; then
    case "$model" in
        143|207|173|174) echo "export OPENBLAS_CORETYPE=SkylakeX" ;;
    esac
fi
