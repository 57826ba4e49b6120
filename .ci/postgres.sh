# Starts a throw-away PostgreSQL server for the tests (Debian's postgresql package).
# Sourced by .ci/test; sets TUKI_TEST_POSTGRES_URL and registers a cleanup on exit.
# shellcheck shell=bash

start_postgres() {
  apt_install postgresql
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_DIR=$(mktemp -d /tmp/tuki-pg.XXXXXX)
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres user.
    chown postgres:postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -o \
    "-k $PG_DIR -c listen_addresses=127.0.0.1 -p $port -c fsync=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  export TUKI_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
  export TUKI_REQUIRE_POSTGRES=1
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop)
  log "PostgreSQL running on 127.0.0.1:$port"
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ]; then
    "${PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
