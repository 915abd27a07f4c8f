#!/usr/bin/env bash
# Services the tests need, as `export` lines for ./test to source: Debian's Chromium for the dashboard's
# browser tests, bubblewrap for the worker sandbox, a scratch PostgreSQL for the ledger tests, python3-torch
# for the PyTorch parity tests and a one-node Slurm cluster for the Slurm executor's tests. Each is installed
# with apt when missing; apt's chatter goes to stderr, because stdout is sourced.
dir="$(dirname "${BASH_SOURCE[0]}")"
if [ ! -x /usr/bin/chromium ]; then
    echo "services.sh: installing chromium with apt" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium; } >&2 \
        || echo "services.sh: chromium could not be installed; the browser tests will fail" >&2
fi
# Debian's PyTorch (for Debian's /usr/bin/python3) runs the GPT-2 parity check against Successor's engine.
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
    echo "services.sh: installing python3-torch with apt" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-torch; } >&2 \
        || echo "services.sh: python3-torch could not be installed; the PyTorch parity tests will fail" >&2
fi
if ! command -v bwrap >/dev/null 2>&1; then
    echo "services.sh: installing bubblewrap with apt (the lab's worker sandbox)" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq bubblewrap; } >&2 \
        || echo "services.sh: bubblewrap could not be installed; the sandbox tests will fail" >&2
fi
# A one-node Slurm cluster (slurm-wlm and munge, on 127.0.0.1) for the Slurm executor's tests: they skip, with
# the reason, only when it cannot come up.
bash "$dir/slurm-up" --export || echo "services.sh: slurm could not come up; the Slurm tests will skip" >&2
exec bash "$dir/postgres.sh" --export
