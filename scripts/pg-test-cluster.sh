#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the store tests and the issuer benchmark: installs Debian's `postgresql` when
# no server binaries are found (needs root), initialises a cluster in a temporary folder, starts it listening on a
# Unix socket only (no TCP port), and prints the connection URL on stdout. Stop it with `pg-test-cluster.sh stop DIR`.
#
#   export TALENTSCAN_PG_TEST_URL="$(scripts/pg-test-cluster.sh start)"
set -euo pipefail

find_bin() {
  local dir
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then dirname "$(command -v pg_ctl)"; return; fi
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
  return 1
}

case "${1:-start}" in
  start)
    if ! BIN="$(find_bin)"; then
      echo "installing postgresql (Debian package)" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
      BIN="$(find_bin)"
    fi
    DIR="$(mktemp -d "${TMPDIR:-/tmp}/talentscan-pg.XXXXXX")"
    RUN_AS=()
    # initdb refuses to run as root: the cluster then belongs to the unprivileged `postgres` (or `nobody`) user.
    if [ "$(id -u)" = 0 ]; then
      USER_NAME="$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)"
      chown "$USER_NAME" "$DIR"
      RUN_AS=(runuser -u "$USER_NAME" --)
    fi
    "${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/data" -U talentscan --auth=trust -E UTF8 >"$DIR/initdb.log" 2>&1
    "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
      -o "-k $DIR -h '' -c fsync=on -c max_connections=100" start >&2
    echo "postgresql://talentscan@/postgres?host=$DIR"
    ;;
  stop)
    DIR="${2:?usage: pg-test-cluster.sh stop DIR}"
    BIN="$(find_bin)"
    RUN_AS=()
    [ "$(id -u)" = 0 ] && RUN_AS=(runuser -u "$(stat -c %U "$DIR")" --)
    "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >&2 || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
