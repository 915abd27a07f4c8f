#!/usr/bin/env bash
# A scratch PostgreSQL for the ledger tests and benchmarks: installs the server with apt when it is
# missing, creates a cluster in $SUCCESSOR_PG_DIR (default /tmp/successor-pg) listening on 127.0.0.1
# only, on a free port, with trust auth, and starts it. Idempotent: a running cluster is reused.
#
#   export SUCCESSOR_TEST_POSTGRES="$(bash .ci/postgres.sh)"   # prints the connection string
#   source .ci/postgres.sh                                     # or: exports it directly
#   source <(bash .ci/postgres.sh --export)                    # or: as an export line to source
#   bash .ci/postgres.sh stop                                  # stops the scratch cluster
#
# Progress goes to stderr; stdout is only the connection string (or the export line).

successor_pg_main() {
    local dir="${SUCCESSOR_PG_DIR:-/tmp/successor-pg}"
    local data="$dir/data" portfile="$dir/port" log="$dir/server.log"
    local bin user="postgres" port

    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
        echo "postgres.sh: installing postgresql with apt" >&2
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update -qq >&2 || return 1
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2 || return 1
        bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi

    # Run the server tools as the postgres user (initdb refuses root).
    as_pg() {
        if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
    }

    if [ "${1:-}" = "stop" ]; then
        [ -d "$data" ] && as_pg "$bin/pg_ctl" -D "$data" -m fast stop >&2
        return 0
    fi

    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown "$user:$user" "$dir"; else user="$(id -un)"; fi

    if [ ! -f "$data/PG_VERSION" ]; then
        echo "postgres.sh: creating a scratch cluster in $data" >&2
        as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-instructions >&2 || return 1
    fi

    if as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 && [ -f "$portfile" ]; then
        port="$(cat "$portfile")"
    else
        port="$(cat "$portfile" 2>/dev/null || echo 54329)"
        # Pick a port nothing is listening on.
        while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
        echo "$port" > "$portfile"
        echo "postgres.sh: starting PostgreSQL on 127.0.0.1:$port" >&2
        as_pg "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=100" start >&2 \
            || { tail -n 20 "$log" >&2; return 1; }
    fi

    SUCCESSOR_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    export SUCCESSOR_TEST_POSTGRES
    if [ "${1:-}" = "--export" ]; then
        echo "export SUCCESSOR_TEST_POSTGRES='$SUCCESSOR_TEST_POSTGRES'"
    else
        echo "$SUCCESSOR_TEST_POSTGRES"
    fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    successor_pg_main "$@"
else
    successor_pg_main "$@" >/dev/null
fi
