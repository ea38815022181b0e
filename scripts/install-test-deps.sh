#!/usr/bin/env bash
# Installs what the test suite needs beyond Maven Central: Debian's headless Chromium for the
# browser tests. Idempotent; needs root (or sudo) on a Debian/Ubuntu machine. The tests use
# CHROME_PATH if set, else chromium, chromium-browser or google-chrome on PATH.
set -euo pipefail
if [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; then
  exit 0
fi
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then
    exit 0
  fi
done
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
chromium --version
