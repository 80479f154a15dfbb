#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 with a database
# `test` that the tests can use: start the local cluster if it is stopped,
# install Debian's postgresql if there is none. Idempotent.
set -euo pipefail
HOST=127.0.0.1
PORT=5432
ready() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1 || ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "ensure-postgres: installing Debian's postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
fi
if ! ready; then
  for v in $(ls /etc/postgresql); do
    pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>/dev/null || true
  done
  for _ in $(seq 1 30); do ready && break; sleep 1; done
fi
ready || { echo "ensure-postgres: no PostgreSQL server on $HOST:$PORT" >&2; exit 1; }

# The tests connect as `postgres` without a password over TCP (trust on a dev
# machine); on a fresh install, set a known password instead.
if ! psql -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
fi
PGPASSWORD=${PGPASSWORD:-postgres} psql -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc "select 1 from pg_database where datname='test'" | grep -q 1 \
  || PGPASSWORD=${PGPASSWORD:-postgres} psql -h "$HOST" -p "$PORT" -U postgres -d postgres -qc 'create database test'
echo "ensure-postgres: ready on $HOST:$PORT" >&2
