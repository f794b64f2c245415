#!/usr/bin/env bash
# Makes sure a local PostgreSQL server runs on 127.0.0.1:5432 with the login role and the database that the
# integration tests and the benchmark use. Idempotent: installs (scripts/apt-install.sh), creates and starts only
# what is missing.
#   TEST_DATABASE_URL=postgres://kompetensnav:kompetensnav@127.0.0.1:5432/postgres
#   BENCH_DATABASE_URL=postgres://kompetensnav:kompetensnav@127.0.0.1:5432/kompetensnav_bench
set -euo pipefail

ROLE=kompetensnav
PASSWORD=kompetensnav
BENCH_DB=kompetensnav_bench
PORT=5432
CLUSTER=main
LOG=$(mktemp -t ensure-postgres.XXXXXX)
trap 'rm -f "$LOG"' EXIT

fail() {
  echo "ensure-postgres: $*" >&2
  if [ -s "$LOG" ]; then
    echo "--- last output ---" >&2
    tail -n 40 "$LOG" >&2
  fi
  exit 1
}

# Root runs everything directly; anyone else needs password-less sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    fail "needs root (or password-less sudo) to run: $*"
  fi
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    (cd /tmp && runuser -u postgres -- "$@")
  else
    (cd /tmp && sudo -n -u postgres "$@")
  fi
}

# The newest installed server version (Debian puts each major version under /usr/lib/postgresql/N).
server_version() {
  local v found=""
  for bin in /usr/lib/postgresql/*/bin/postgres; do
    [ -x "$bin" ] || continue
    v=$(basename "$(dirname "$(dirname "$bin")")")
    if [ -z "$found" ] || [ "$v" -gt "$found" ]; then found=$v; fi
  done
  echo "$found"
}

VERSION=$(server_version)
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$VERSION" ]; then
  bash "$(dirname "$0")/apt-install.sh" postgresql || fail "could not install PostgreSQL"
  VERSION=$(server_version)
  [ -n "$VERSION" ] && command -v pg_ctlcluster >/dev/null 2>&1 ||
    fail "PostgreSQL was installed but no server binaries were found under /usr/lib/postgresql"
fi

# The cluster: created when missing (containers without an init system may lack one), started when down.
if ! pg_lsclusters -h 2>/dev/null | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  as_root pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" >>"$LOG" 2>&1 ||
    fail "pg_createcluster $VERSION $CLUSTER failed"
fi
CLUSTER_PORT=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { print $3 }')
[ "$CLUSTER_PORT" = "$PORT" ] ||
  fail "the cluster $VERSION/$CLUSTER uses port $CLUSTER_PORT, not $PORT (another server on $PORT?). Set 'port = $PORT' in /etc/postgresql/$VERSION/$CLUSTER/postgresql.conf."
STATUS=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { print $4 }')
if [ "$STATUS" != "online" ]; then
  as_root pg_ctlcluster "$VERSION" "$CLUSTER" start >>"$LOG" 2>&1 ||
    fail "could not start the cluster $VERSION/$CLUSTER (see /var/log/postgresql/postgresql-$VERSION-$CLUSTER.log)"
fi

ready=0
for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$PORT"; then
    ready=1
    break
  fi
  sleep 0.5
done
[ "$ready" = 1 ] || fail "PostgreSQL $VERSION does not accept connections on 127.0.0.1:$PORT after 30 s"

# The role may create databases (the tests copy a template database, the benchmark recreates its own).
as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres >>"$LOG" 2>&1 <<SQL || fail "could not create the role $ROLE"
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  ELSE
    ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END
\$\$;
SQL

exists=$(as_postgres psql -X -tA -p "$PORT" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" 2>>"$LOG") ||
  fail "could not list the databases"
if [ "$exists" != "1" ]; then
  as_postgres createdb -p "$PORT" -O "$ROLE" "$BENCH_DB" >>"$LOG" 2>&1 || fail "could not create the database $BENCH_DB"
fi

# The check that matters: a password login over TCP, as the tests will make it.
PGPASSWORD=$PASSWORD psql -X -q -tA -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$BENCH_DB" -c 'SELECT 1' >>"$LOG" 2>&1 ||
  fail "cannot sign in as $ROLE over TCP on 127.0.0.1:$PORT (check pg_hba.conf for 'host all all 127.0.0.1/32 scram-sha-256')"

echo "PostgreSQL $VERSION is ready: postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/postgres"
