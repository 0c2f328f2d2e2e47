#!/usr/bin/env bash
# Installs what the benchmarks need beyond scripts/setup, only what is missing, so running it
# again is quick: Debian's hyperfine, GNU time, jq, poppler-utils (pdfinfo, pdffonts),
# Google Benchmark and WeasyPrint, npm when there is none, and the Typst peers from
# bench/peers/package-lock.json into bench/peers/node_modules. Called by bench/run.sh.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

PACKAGES=(
  # whole-process timing and peak memory; instruction counts (callgrind)
  hyperfine time jq valgrind
  # page counts and font checks of every PDF
  poppler-utils
  # the micro-benchmarks (bench/micro)
  libbenchmark-dev
  # the stress-document generator
  python3
  # a peer (bench/peers)
  weasyprint
)

sudo_if_needed() {
  if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi
}

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# Node comes from Debian unless the machine already has one of its own.
if ! command -v npm >/dev/null; then
  missing+=(npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench/setup: installing ${missing[*]}"
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The Typst peers, exactly as locked; again only when the lock file changed since.
peers="$BENCH_DIR/peers"
if [ ! -f "$peers/node_modules/.package-lock.json" ] || [ "$peers/package-lock.json" -nt "$peers/node_modules/.package-lock.json" ]; then
  echo "bench/setup: installing the Typst peers into bench/peers/node_modules"
  if ! npm ci --prefix "$peers" --no-audit --no-fund >/dev/null; then
    echo "bench/setup: npm could not install the Typst peers; bench/peers/run.sh will skip them" >&2
  fi
fi
