#!/bin/sh
# Make sure Debian's PostgreSQL server binaries are installed for the tests: tests/pgcluster.py
# starts a throwaway cluster from them (initdb, pg_ctl) on loopback in a temporary directory.
# Skipped when PARLEY_TEST_PG names an existing server.
set -eu
if [ -n "${PARLEY_TEST_PG:-}" ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "error: PostgreSQL server missing; run: sudo apt-get update && sudo apt-get install -y postgresql" >&2
    exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
ls /usr/lib/postgresql/*/bin/initdb >/dev/null
