#!/usr/bin/env bash
# Builds the companion and runs the demo: simulated Zendesk and Jira with generated tickets, an
# embedded SQLite database, sampling, grades and workflows; prints the URL and one login per role.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
# the package step also writes the class archive of a start (AppCDS; docs/performance.md)
exec java -XX:SharedArchiveFile=companion-server/target/qc-companion.jsa -Xshare:auto \
  -jar companion-server/target/qc-companion.jar demo "$@"
