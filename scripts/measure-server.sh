#!/usr/bin/env bash
# Public-type ratio and file sizes of companion-server main code (top-level types only).
# Usage: scripts/measure-server.sh [source root]
set -euo pipefail
root="${1:-companion-server/src/main/java}"
files=$(find "$root" -name '*.java' ! -name 'package-info.java' | sort)
total=0; public=0
for f in $files; do
  total=$((total + 1))
  # the top-level type declaration is the first declaration line at column 0
  if grep -qE '^public (final |abstract |sealed |non-sealed )*(class|interface|record|enum|@interface) ' "$f"; then
    public=$((public + 1))
  fi
done
echo "public types: $public/$total = $((100 * public / total)) %"
sizes=$(for f in $files; do wc -l < "$f"; done | sort -n)
n=$(echo "$sizes" | wc -l)
median=$(echo "$sizes" | sed -n "$(( (n + 1) / 2 ))p")
p90=$(echo "$sizes" | sed -n "$(( (n * 9 + 9) / 10 ))p")
largest=$(for f in $files; do echo "$(wc -l < "$f") $f"; done | sort -n | tail -1)
echo "files: $n, lines median $median, p90 $p90, largest $largest"
