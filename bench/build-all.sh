#!/usr/bin/env bash
# Times `leafpress build` of every shipped leaflet in every language (warm, whole process)
# with hyperfine, and lists the PDFs' sizes. Run after scripts/build-all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v hyperfine >/dev/null || { echo "bench: install hyperfine (apt-get install hyperfine)" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
hyperfine --warmup 3 --runs 30 --export-markdown "$out/times.md" \
  "build/leafpress build --out $out" \
  "build/leafpress build leaflets/immunotherapy --lang fr --out $out"
ls -l "$out"/*.pdf | awk '{ printf "%8d bytes  %s\n", $5, $NF }'
