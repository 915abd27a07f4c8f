#!/usr/bin/env bash
# Services the tests need, as `export` lines for ./test to source: a scratch PostgreSQL for the ledger tests.
exec bash "$(dirname "${BASH_SOURCE[0]}")/postgres.sh" --export
