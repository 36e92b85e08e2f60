#!/usr/bin/env bash
# A throwaway PostgreSQL for tests and CI (docs/postgres.md).
#
#   bash Scripts/postgres.sh start DIR   # initdb into DIR, start on a free loopback port, print the URL
#   bash Scripts/postgres.sh stop DIR    # stop it and remove DIR
#
# The server listens on 127.0.0.1 only, with its socket in DIR, and trusts connections from there (there is no
# password to leak, and nothing else can reach it). It runs as an ordinary user: initdb and postgres refuse root,
# so when this runs as root they run as the `postgres` system user (Debian's postgresql package makes it; it is
# made here if missing), and DIR is given to that user. The binaries are Debian's PostgreSQL 15
# (/usr/lib/postgresql/15/bin), or those in PG_BIN.
#
# Example, as CI uses it:
#   dir=$(mktemp -d /tmp/journey-pg.XXXXXX)
#   export JOURNEY_TEST_POSTGRES=$(bash Scripts/postgres.sh start "$dir")
#   swift test --disable-xctest --filter Postgres
#   bash Scripts/postgres.sh stop "$dir"
set -euo pipefail

usage() {
    echo "usage: $0 start DIR | stop DIR" >&2
    exit 2
}
[ $# -eq 2 ] || usage
command=$1
dir=$2
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}

# Runs a command as the server's user: `postgres` when this is root, else the caller.
as_server_user() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "$command" in
start)
    if [ ! -x "$bin/initdb" ]; then
        echo "PostgreSQL's binaries are not in $bin: install Debian's postgresql package, or set PG_BIN" >&2
        exit 1
    fi
    if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ -e "$dir/data" ]; then
        echo "$dir/data already exists: stop that server first ($0 stop $dir)" >&2
        exit 1
    fi
    if [ "$(id -u)" = "0" ]; then chown postgres: "$dir"; fi
    chmod 700 "$dir"
    as_server_user "$bin/initdb" -D "$dir/data" -U journey --auth=trust --encoding=UTF8 --no-locale \
        >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    # A free port: the kernel picks one for a socket bound to port 0. Another process could take it before the
    # server does; the server then fails to start, and this says so.
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off" start \
        >/dev/null || {
        cat "$dir/server.log" >&2
        exit 1
    }
    echo "$port" >"$dir/port"
    as_server_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U journey journey
    echo "postgres://journey@127.0.0.1:$port/journey"
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_server_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
*)
    usage
    ;;
esac
