#!/usr/bin/env bash
# Starts a throwaway local PostgreSQL (Debian 12, run as root) for the @Tag("postgres") tests
# and prints the connection as shell exports on stdout, so CI can do:
#     eval "$(bash .ci/postgres.sh)"
# Everything else goes to stderr so that eval only ever sees the export lines.
# Idempotent: a second run reuses the running cluster, database and user.
set -euo pipefail

DB_NAME="${PGTEST_DB:-governance_test}"
DB_USER="${PGTEST_USER:-governance_test}"
# A fixed local-only password: the cluster listens on 127.0.0.1 only and holds synthetic data.
DB_PASSWORD="${PGTEST_PASSWORD:-governance_test_pw}"
PORT=5432

log() { echo "[postgres.sh] $*" >&2; }

if [[ "$(id -u)" -ne 0 ]]; then
  log "must run as root (it installs packages and starts the cluster as user postgres)"
  exit 1
fi

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/share/postgresql/*/extension/pgcrypto.control >/dev/null 2>&1; then
  log "installing postgresql and postgresql-contrib (pgcrypto)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql postgresql-contrib >&2
fi

# Newest installed major version; Debian 12 ships 15.
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
CLUSTER=main
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {found=1} END {exit !found}'; then
  log "creating cluster $VERSION/$CLUSTER"
  pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" >&2
fi

STATUS="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}')"
if [[ "$STATUS" != online* ]]; then
  log "starting cluster $VERSION/$CLUSTER on 127.0.0.1:$PORT"
  pg_ctlcluster "$VERSION" "$CLUSTER" start -- -o "-c listen_addresses=127.0.0.1 -c port=$PORT" >&2 \
    || pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

for _ in $(seq 1 30); do
  if su postgres -c "pg_isready -q -h 127.0.0.1 -p $PORT"; then break; fi
  sleep 1
done
su postgres -c "pg_isready -h 127.0.0.1 -p $PORT" >&2

# TLS from a CA made here, as Aurora has from the RDS CA: the tests connect with sslmode=verify-full and
# sslrootcert=$PGTEST_SSLROOTCERT, exactly the JDBC properties the Embulk configs give pgjdbc. The server
# certificate names localhost and 127.0.0.1. Made once; a rerun reuses them.
TLS_DIR=/var/lib/postgresql/pgtest-tls
if ! command -v openssl >/dev/null 2>&1; then
  log "installing openssl"
  DEBIAN_FRONTEND=noninteractive apt-get install -y openssl >&2 || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y openssl >&2; }
fi
if [[ ! -s "$TLS_DIR/server.crt" || ! -s "$TLS_DIR/ca.crt" ]]; then
  log "creating the test CA and server certificate in $TLS_DIR"
  install -d -m 755 -o postgres -g postgres "$TLS_DIR"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=pgtest-ca" \
    -keyout "$TLS_DIR/ca.key" -out "$TLS_DIR/ca.crt" >&2 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
    -keyout "$TLS_DIR/server.key" -out "$TLS_DIR/server.csr" >&2 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > "$TLS_DIR/san.ext"
  openssl x509 -req -in "$TLS_DIR/server.csr" -CA "$TLS_DIR/ca.crt" -CAkey "$TLS_DIR/ca.key" -CAcreateserial \
    -days 3650 -extfile "$TLS_DIR/san.ext" -out "$TLS_DIR/server.crt" >&2 2>/dev/null
  chown postgres:postgres "$TLS_DIR"/*
  chmod 600 "$TLS_DIR/server.key" "$TLS_DIR/ca.key"
  chmod 644 "$TLS_DIR/ca.crt" "$TLS_DIR/server.crt"
fi
# SCRAM as Aurora PostgreSQL 14+ stores passwords; both settings take effect on reload (no restart).
su postgres -c "psql -v ON_ERROR_STOP=1 -q -p $PORT" >&2 <<SQL
ALTER SYSTEM SET password_encryption = 'scram-sha-256';
ALTER SYSTEM SET ssl = on;
ALTER SYSTEM SET ssl_cert_file = '$TLS_DIR/server.crt';
ALTER SYSTEM SET ssl_key_file = '$TLS_DIR/server.key';
SELECT pg_reload_conf();
SQL
for _ in $(seq 1 10); do
  if [[ "$(su postgres -c "psql -tA -p $PORT -c 'SHOW ssl'")" == on ]]; then break; fi
  sleep 1
done

# CREATEROLE lets the tests create the export role that proves the column-level GRANTs.
# The cluster's default pg_hba.conf allows md5/scram for 127.0.0.1, and peer for the postgres superuser
# over the local socket; we connect as postgres over the socket to administer.
su postgres -c "psql -v ON_ERROR_STOP=1 -q -p $PORT" >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${DB_USER}') THEN
    CREATE ROLE ${DB_USER} LOGIN CREATEROLE PASSWORD '${DB_PASSWORD}';
  ELSE
    ALTER ROLE ${DB_USER} LOGIN CREATEROLE PASSWORD '${DB_PASSWORD}';
  END IF;
END
\$\$;
SQL
if ! su postgres -c "psql -tA -p $PORT -c \"SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'\"" | grep -q 1; then
  log "creating database $DB_NAME"
  su postgres -c "createdb -p $PORT -O ${DB_USER} ${DB_NAME}" >&2
fi
# pgcrypto is created by the superuser because CREATE EXTENSION needs more than database ownership.
su postgres -c "psql -v ON_ERROR_STOP=1 -q -p $PORT -d ${DB_NAME} -c 'CREATE EXTENSION IF NOT EXISTS pgcrypto'" >&2

# The password was just (re)set under scram-sha-256: refuse to hand out a cluster that would still accept md5.
if ! su postgres -c "psql -tA -p $PORT -c \"SELECT rolpassword LIKE 'SCRAM-SHA-256\\\$%' FROM pg_authid WHERE rolname = '${DB_USER}'\"" | grep -q t; then
  log "the password of ${DB_USER} is not stored as SCRAM-SHA-256"
  exit 1
fi

echo "export PGTEST_URL=jdbc:postgresql://127.0.0.1:${PORT}/${DB_NAME}"
echo "export PGTEST_USER=${DB_USER}"
echo "export PGTEST_PASSWORD=${DB_PASSWORD}"
echo "export PGTEST_SSLROOTCERT=${TLS_DIR}/ca.crt"
