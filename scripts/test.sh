#!/usr/bin/env bash
# Runs every test of every module on a fresh machine: installs the browser the UI tests drive,
# then the Maven build with tests, format check and architecture rules.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mvn -B verify
