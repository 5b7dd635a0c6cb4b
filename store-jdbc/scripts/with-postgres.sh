#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on 127.0.0.1, then stops and deletes it.
#
#   store-jdbc/scripts/with-postgres.sh mvn -B verify
#
# Installs PostgreSQL from Debian packages if it is missing (needs root), creates a cluster in a
# temporary directory, starts it on a free loopback port with password authentication, creates a
# database and runs the command with these variables exported:
#   LOOPDESK_PG_URL       jdbc:postgresql://127.0.0.1:<port>/loopdesk_test
#   LOOPDESK_PG_USER      loopdesk
#   LOOPDESK_PG_PASSWORD  a random password
#   LOOPDESK_PG_HOST, LOOPDESK_PG_PORT, LOOPDESK_PG_DATABASE  the same for psql and other tools
# The server is stopped and its directory removed when the command ends, fails or is interrupted.
# The script exits with the command's exit status.
#
# Optional: LOOPDESK_PG_SERVER_OPTIONS adds server options, e.g. "-c synchronous_commit=off".
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
  fi
}

PG_BIN=$(pg_bin_dir)
if [ -z "$PG_BIN" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "with-postgres: PostgreSQL is not installed; run as root to install it, or: apt-get install postgresql" >&2
    exit 1
  fi
  echo "with-postgres: installing PostgreSQL from Debian packages" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PG_BIN=$(pg_bin_dir)
  if [ -z "$PG_BIN" ]; then
    echo "with-postgres: PostgreSQL binaries not found after installation" >&2
    exit 1
  fi
fi

# initdb refuses to run as root: run the server as the unprivileged 'postgres' account then.
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  as_server() { runuser -u postgres -- "$@"; }
else
  as_server() { "$@"; }
fi

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "with-postgres: no free port found" >&2
  return 1
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/loopdesk-pg.XXXXXX")
chmod 700 "$WORK"
DATA="$WORK/data"
LOG="$WORK/server.log"
PASSWORD="ld-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
PORT=$(free_port)
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$WORK"
fi

cleanup() {
  local status=$?
  if [ -f "$DATA/postmaster.pid" ]; then
    as_server "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_server "$PG_BIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$LOG" ]; then
    echo "with-postgres: last lines of the server log:" >&2
    tail -n 20 "$LOG" >&2 || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

printf '%s\n' "$PASSWORD" > "$WORK/pwfile"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$WORK/pwfile"
fi
as_server "$PG_BIN/initdb" -D "$DATA" -U loopdesk --pwfile="$WORK/pwfile" --auth=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; exit 1; }
rm -f "$WORK/pwfile"

# shellcheck disable=SC2086 # LOOPDESK_PG_SERVER_OPTIONS is a list of options
as_server "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$WORK -c max_connections=60 ${LOOPDESK_PG_SERVER_OPTIONS:-}" \
  start >/dev/null

PGPASSWORD="$PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U loopdesk -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE DATABASE loopdesk_test ENCODING 'UTF8' TEMPLATE template0" >/dev/null

export LOOPDESK_PG_URL="jdbc:postgresql://127.0.0.1:$PORT/loopdesk_test"
export LOOPDESK_PG_USER="loopdesk"
export LOOPDESK_PG_PASSWORD="$PASSWORD"
export LOOPDESK_PG_HOST="127.0.0.1" LOOPDESK_PG_PORT="$PORT" LOOPDESK_PG_DATABASE="loopdesk_test"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, database loopdesk_test" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
