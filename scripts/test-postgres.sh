#!/usr/bin/env bash
# Runs the whole companion-server suite on embedded PostgreSQL (binaries from Maven Central, no
# Docker). Run after scripts/test.sh, which installs the browser; CI runs both.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mvn -B verify -Ppostgres -pl companion-server -am -Dspotless.check.skip=true
