#!/usr/bin/env bash
# A PostgreSQL server for tests and benchmarks on this machine, made from whatever is there:
# installs Debian's postgresql if missing, creates and starts a cluster if none is running,
# makes a role and a database for nablalab, then prints the DATABASE_URL (the only output
# on stdout). The role may create databases, as Django's test runner needs.
#   usage: export DATABASE_URL="$(scripts/ensure-postgres.sh)"
# Settings (environment): NABLALAB_PG_USER / NABLALAB_PG_PASSWORD / NABLALAB_PG_DB
# (default nablalab for all three), NABLALAB_PG_PORT (for a new cluster; default 5432).
set -euo pipefail

user="${NABLALAB_PG_USER:-nablalab}"
password="${NABLALAB_PG_PASSWORD:-nablalab}"
database="${NABLALAB_PG_DB:-nablalab}"
new_port="${NABLALAB_PG_PORT:-5432}"

"$(dirname "$0")/ensure-debian-packages.sh" postgresql >&2

# The first online cluster, else the first one at all, else a new one.
port="$(pg_lsclusters --no-header 2>/dev/null | awk '$4 == "online" { print $3; exit }')"
if [ -z "$port" ]; then
  read -r version cluster < <(pg_lsclusters --no-header 2>/dev/null | awk '{ print $1, $2; exit }') || true
  if [ -z "${version:-}" ]; then
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    cluster=main
    pg_createcluster --port "$new_port" "$version" "$cluster" >/dev/null
  fi
  pg_ctlcluster "$version" "$cluster" start >&2
  port="$(pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3 }')"
fi

as_postgres() { runuser -u postgres -- "$@"; }
sql() { as_postgres psql --quiet --no-psqlrc --port "$port" --set ON_ERROR_STOP=1 "$@"; }

for _ in $(seq 30); do  # a cluster just started may need a moment
  as_postgres pg_isready --quiet --port "$port" && break
  sleep 0.5
done

role_exists="$(sql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$user'")"
if [ "$role_exists" != "1" ]; then
  sql -c "CREATE ROLE \"$user\" LOGIN CREATEDB PASSWORD '$password'" >/dev/null
fi
db_exists="$(sql -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")"
if [ "$db_exists" != "1" ]; then
  sql -c "CREATE DATABASE \"$database\" OWNER \"$user\"" >/dev/null
fi

echo "postgres://$user:$password@127.0.0.1:$port/$database"
