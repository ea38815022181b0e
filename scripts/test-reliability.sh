#!/usr/bin/env bash
# The reliability suite (docs/security.md): companion child JVMs against the simulated hosts under
# faults, killed with kill -9 mid-sync and mid-write-back and restarted, on SQLite (10,000 tickets a
# host) and three instances on one embedded PostgreSQL 17 database. Tagged `reliability`, so the
# default `mvn -B verify` leaves it out; CI runs it after scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B test -Preliability -pl companion-server -am -Dspotless.check.skip=true
