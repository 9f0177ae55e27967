#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the shared storage suite and prints
# its URL (postgres://almanac@127.0.0.1:PORT/almanac). Used by .ci/run; handy by hand too:
#   export ALMANAC_TEST_DATABASE_URL=$(bash scripts/pg-test-server.sh)
# Needs Debian's postgresql package (initdb and pg_ctl under /usr/lib/postgresql/*/bin).
set -euo pipefail
PORT="${ALMANAC_PG_PORT:-54329}"
DIR="${ALMANAC_PG_DIR:-/tmp/almanac-pg-$PORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL server binaries not found (install Debian's postgresql package)" >&2
  exit 1
fi
# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  echo "postgres://almanac@127.0.0.1:$PORT/almanac"
  exit 0
fi
rm -rf "$DIR"
mkdir -p "$DIR"
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
as_owner "$BIN/initdb" -D "$DIR/data" -U almanac --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
# fsync off: a throwaway test cluster; durability is SQLite's and the real server's business.
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U almanac almanac
echo "postgres://almanac@127.0.0.1:$PORT/almanac"
