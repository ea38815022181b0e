#!/usr/bin/env bash
# Installs what the test suite needs beyond Maven Central: Debian's headless Chromium for the
# browser tests. Idempotent; needs root (or sudo) on a Debian/Ubuntu machine.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
chromium --version
