#!/usr/bin/env bash
# Starts a local PostgreSQL server for the sink's integration tests and the benchmark.
#
# Contract (idempotent; run as root on a fresh Debian, or again on a machine where it already ran):
#   - installs the `postgresql` package with apt-get if no PostgreSQL server is installed;
#   - starts the newest installed cluster ("main") with pg_ctlcluster and waits until it accepts connections;
#   - creates the role `pulse` (password `pulse`, LOGIN CREATEDB CREATEROLE) and the database `pulse_test`
#     owned by it, if missing.
# Afterwards the tests connect with PULSE_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/pulse_test, pulse/pulse.
# Overridable: PG_PORT (5432), PG_ROLE (pulse), PG_PASSWORD (pulse), PG_DATABASE (pulse_test), PG_WAIT_SECONDS (60).
set -euo pipefail

PG_PORT="${PG_PORT:-5432}"
PG_ROLE="${PG_ROLE:-pulse}"
PG_PASSWORD="${PG_PASSWORD:-pulse}"
PG_DATABASE="${PG_DATABASE:-pulse_test}"
PG_WAIT_SECONDS="${PG_WAIT_SECONDS:-60}"

log() { echo "[postgres.sh] $*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "[postgres.sh] must run as root (installs packages and runs psql as the postgres user)" >&2
  exit 1
fi

installed_version() {
  ls -1 /usr/lib/postgresql 2>/dev/null | grep -E '^[0-9]+$' | sort -n | tail -1 || true
}

version="$(installed_version)"
if [ -z "$version" ] || [ ! -x "/usr/lib/postgresql/$version/bin/postgres" ]; then
  log "no PostgreSQL server installed: installing the postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql
  version="$(installed_version)"
fi
log "PostgreSQL $version"

if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  log "creating cluster $version/main on port $PG_PORT"
  pg_createcluster "$version" main --port "$PG_PORT"
fi

status="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}')"
if [ "$status" != "online" ]; then
  log "starting cluster $version/main"
  pg_ctlcluster "$version" main start
fi

port="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')"
deadline=$(( $(date +%s) + PG_WAIT_SECONDS ))
until pg_isready -q -h 127.0.0.1 -p "$port"; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "[postgres.sh] PostgreSQL did not accept connections on 127.0.0.1:$port within ${PG_WAIT_SECONDS}s" >&2
    exit 1
  fi
  sleep 1
done
log "accepting connections on 127.0.0.1:$port"

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -q -X -p $port $*"; }

role_exists="$(su postgres -c "psql -X -tA -p $port -c \"SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE'\"")"
if [ "$role_exists" != "1" ]; then
  log "creating role $PG_ROLE"
  psql_admin "-c \"CREATE ROLE $PG_ROLE LOGIN CREATEDB CREATEROLE PASSWORD '$PG_PASSWORD'\""
else
  # Keep the documented password and rights even if someone changed them.
  psql_admin "-c \"ALTER ROLE $PG_ROLE LOGIN CREATEDB CREATEROLE PASSWORD '$PG_PASSWORD'\""
fi

db_exists="$(su postgres -c "psql -X -tA -p $port -c \"SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'\"")"
if [ "$db_exists" != "1" ]; then
  log "creating database $PG_DATABASE owned by $PG_ROLE"
  psql_admin "-c \"CREATE DATABASE $PG_DATABASE OWNER $PG_ROLE\""
fi

PGPASSWORD="$PG_PASSWORD" psql -X -q -h 127.0.0.1 -p "$port" -U "$PG_ROLE" -d "$PG_DATABASE" -c 'SELECT 1' >/dev/null
log "ready: jdbc:postgresql://127.0.0.1:$port/$PG_DATABASE (user $PG_ROLE)"
