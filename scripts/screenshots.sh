#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the browser tests (`mvn verify` never writes there; it
# keeps its screenshots under companion-server/target/screenshots). Commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mvn -B -pl companion-server -am -Pscreenshots test -Dgroups=browser -Dsurefire.failIfNoSpecifiedTests=false
ls -1 docs/screenshots/*.png
