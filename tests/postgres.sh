#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, from Debian's postgresql package: initdb into a temporary folder,
# start it listening on a Unix socket in that folder only (no TCP port, so parallel runs never collide), export
# WORDREDLINE_TEST_POSTGRES for the tests, and stop and delete it when the shell exits. PostgreSQL refuses to run as
# root, so as root the server runs as the package's postgres user.
#   source tests/postgres.sh && wordredline_postgres_start

wordredline_postgres_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL is not installed (Debian package: postgresql); tests/setup.sh installs it." >&2
    return 1
  fi

  WORDREDLINE_PG_DIR=$(mktemp -d /tmp/wordredline-pg.XXXXXX)
  WORDREDLINE_PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$WORDREDLINE_PG_DIR"
    WORDREDLINE_PG_AS=(runuser -u postgres --)
  fi
  WORDREDLINE_PG_BIN=$bin

  if ! "${WORDREDLINE_PG_AS[@]}" "$bin/initdb" -D "$WORDREDLINE_PG_DIR/data" -U wordredline --auth=trust -E UTF8 \
      --locale=C --no-sync >"$WORDREDLINE_PG_DIR/initdb.log" 2>&1; then
    cat "$WORDREDLINE_PG_DIR/initdb.log" >&2
    return 1
  fi

  # Tests need speed, not durability: the cluster is deleted at the end.
  if ! "${WORDREDLINE_PG_AS[@]}" "$bin/pg_ctl" -D "$WORDREDLINE_PG_DIR/data" -l "$WORDREDLINE_PG_DIR/server.log" -w -s \
      -o "-c listen_addresses='' -k $WORDREDLINE_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start; then
    cat "$WORDREDLINE_PG_DIR/server.log" >&2
    return 1
  fi

  export WORDREDLINE_TEST_POSTGRES="Host=$WORDREDLINE_PG_DIR;Username=wordredline;Database=postgres"
  trap wordredline_postgres_stop EXIT
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') started for the tests (socket in $WORDREDLINE_PG_DIR)"
}

wordredline_postgres_stop() {
  if [ -n "${WORDREDLINE_PG_DIR:-}" ] && [ -d "$WORDREDLINE_PG_DIR/data" ]; then
    "${WORDREDLINE_PG_AS[@]}" "$WORDREDLINE_PG_BIN/pg_ctl" -D "$WORDREDLINE_PG_DIR/data" -m fast -w -s stop >/dev/null 2>&1 || true
    rm -rf "$WORDREDLINE_PG_DIR"
  fi
  unset WORDREDLINE_PG_DIR WORDREDLINE_TEST_POSTGRES
}
