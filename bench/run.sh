#!/usr/bin/env bash
# The benchmark suite, in one command (bench/README.md):
#
#   bench/run.sh
#
# Installs what is missing, builds leafpress in Release (build-bench/), then
#   1. times whole `leafpress build` processes with hyperfine: the shipped leaflet in French
#      alone (the brochure), in all its languages and formats (4 x 3 documents), and a
#      generated 40-page French leaflet; peak RSS from GNU time, PDF sizes and pages, and
#      documents per second for the batch;
#   2. runs bench/peers/run.sh: leafpress, Typst and WeasyPrint on the same two pages;
#   3. runs the micro-benchmarks (bench/micro, Google Benchmark);
# and prints a summary. BENCH_RUNS (default 20) sets the runs of each whole-process timing,
# BENCH_PEER_RUNS (default 15) those of each peer, BENCH_MIN_TIME (default 0.1 s) each
# micro-benchmark's minimum time.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$BENCH_ROOT"

runs="${BENCH_RUNS:-20}"
peer_runs="${BENCH_PEER_RUNS:-15}"
min_time="${BENCH_MIN_TIME:-0.1}"
rss_runs=5
leaflet=leaflets/immunotherapy

bench_build
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# leafpress's cache folder is the benchmark's own, empty at the start (unless one is given):
# the warm-up runs fill it, so the timed runs find what this build wrote, not what earlier
# builds and tests left in ~/.cache/leafpress.
export LEAFPRESS_CACHE_DIR="${LEAFPRESS_CACHE_DIR:-$out/cache}"

# --- 1. whole processes ---------------------------------------------------------------
bench/stress/generate.py "$out/stress"
"$LEAFPRESS" build "$out/stress" --out "$out/stress-pdf" >/dev/null
stress_pdf="$out/stress-pdf/stress.fr.brochure.pdf"
stress_pages="$(bench_pages "$stress_pdf")"
if [ "$stress_pages" -lt 35 ] || [ "$stress_pages" -gt 45 ]; then
  echo "bench: the stress document has $stress_pages pages, not about 40; adjust bench/stress/generate.py --sections" >&2
  exit 1
fi

# A leaflet of one word: what starting up, loading fonts and writing a PDF cost at the least.
mkdir -p "$out/oneword"
printf 'default_language: fr\ntitle: t\ncontent:\n  - paragraph: p\n' >"$out/oneword/leaflet.yaml"
printf 't: Mot\np: Mot\n' >"$out/oneword/fr.yaml"

names=("immunotherapy, fr brochure alone" "immunotherapy, 4 languages x 3 formats" "stress, fr, $stress_pages pages"
  "peers' 2 pages, fr" "one word" "immunotherapy, 12 documents, -j 1" "immunotherapy, 12 documents, -j 2")
commands=(
  "$LEAFPRESS build $leaflet --lang fr --format brochure --out $out/one"
  "$LEAFPRESS build $leaflet --out $out/all"
  "$LEAFPRESS build $out/stress --out $out/stress-pdf"
  "$LEAFPRESS build bench/peers/leafpress --out $out/two"
  "$LEAFPRESS build $out/oneword --out $out/word"
  "$LEAFPRESS build $leaflet --out $out/all-j1 -j 1"
  "$LEAFPRESS build $leaflet --out $out/all-j2 -j 2"
)
pdf_dirs=("$out/one" "$out/all" "$out/stress-pdf" "$out/two" "$out/word" "$out/all-j1" "$out/all-j2")
args=()
for i in "${!names[@]}"; do args+=(--command-name "${names[$i]}" "${commands[$i]}"); done
echo "bench: $runs runs of each whole-process build"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/times.json" "${args[@]}" >/dev/null

whole="$out/whole.md"
{
  echo "| leafpress build | mean ± σ ms | median ms | CPU ms | peak RSS MB | PDFs | PDFs / s | PDFs / CPU s | pages | PDF KB |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  for i in "${!names[@]}"; do
    name="${names[$i]}"
    # shellcheck disable=SC2086 # the command is words, as hyperfine -N splits it
    rss="$(bench_peak_rss_kb "$rss_runs" ${commands[$i]})"
    count=0 pages=0 bytes=0
    for pdf in "${pdf_dirs[$i]}"/*.pdf; do
      count=$((count + 1))
      pages=$((pages + $(bench_pages "$pdf")))
      bytes=$((bytes + $(bench_bytes "$pdf")))
    done
    median="$(bench_result "$out/times.json" "$name" median)"
    cpu="$(bench_cpu "$out/times.json" "$name")"
    printf '| %s | %s ± %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" \
      "$(bench_ms "$(bench_result "$out/times.json" "$name" mean)")" \
      "$(bench_ms "$(bench_result "$out/times.json" "$name" stddev)")" \
      "$(bench_ms "$median")" \
      "$(bench_ms "$cpu")" \
      "$(bench_mb "$rss")" "$count" "$(awk -v n="$count" -v t="$median" 'BEGIN { printf "%.0f", n / t }')" \
      "$(awk -v n="$count" -v t="$cpu" 'BEGIN { printf "%.0f", n / t }')" "$pages" "$(bench_kb "$bytes")"
    echo "$name	$median	$cpu	$rss	$bytes	$count" >>"$out/whole.tsv"
  done
} >"$whole"

pdfs="$out/pdfs.md"
{
  echo "| PDF | pages | KB |"
  echo "|---|--:|--:|"
  for pdf in "$out"/all/*.pdf "$stress_pdf"; do
    printf '| %s | %s | %s |\n' "$(basename "$pdf")" "$(bench_pages "$pdf")" "$(bench_kb "$(bench_bytes "$pdf")")"
  done
} >"$pdfs"

# --- 2. peers -------------------------------------------------------------------------
BENCH_SKIP_BUILD=1 bench/peers/run.sh "$peer_runs" | tee "$out/peers.txt"
peers_table="$(grep '^|' "$out/peers.txt" || true)"

# --- instructions ---------------------------------------------------------------------
# Callgrind's instruction counts do not depend on the machine's load: the stable measure.
instructions="$out/instructions.md"
if command -v valgrind >/dev/null; then
  echo "bench: instruction counts (valgrind --tool=callgrind, one run each)"
  {
    echo "| leafpress build | instructions (M) |"
    echo "|---|--:|"
    for i in 0 2 3 4 5; do
      # shellcheck disable=SC2086 # the command is words, as hyperfine -N splits it
      count="$(valgrind --tool=callgrind --callgrind-out-file=/dev/null ${commands[$i]} 2>&1 >/dev/null |
        awk '/Collected :/ { print $4 }')"
      printf '| %s | %s |\n' "${names[$i]}" "$(awk -v c="$count" 'BEGIN { printf "%.0f", c / 1e6 }')"
    done
  } >"$instructions"
else
  echo "(valgrind is missing: no instruction counts)" >"$instructions"
fi

# --- targets (issue "Speed and size near the floor") ------------------------------------
field() { awk -F'\t' -v n="$1" -v f="$2" '$1 == n { print $f }' "$out/whole.tsv"; }
typst14_ratio="$(awk -F'|' '/Typst 0\.14/ { gsub(/ /, "", $9); print $9 }' "$out/peers.txt")"
# The speed-up from -j 1 and -j 2 runs in alternation: a ratio within each pair of runs.
echo "bench: -j 1 and -j 2 in alternation, $runs pairs"
speedup="$(bench/alternate.py "$runs" "${commands[5]}" "${commands[6]}" | cut -f1)"
targets="$out/targets.md"
{
  echo "| target | wanted | today | met |"
  echo "|---|--:|--:|:-:|"
  target() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$(awk -v a="$3" -v b="$4" -v op="$5" \
    'BEGIN { ok = (op == "<=") ? (a + 0 <= b + 0) : (a + 0 >= b + 0); print (a == "" ? "?" : ok ? "yes" : "no") }')"; }
  target "2-page text, median ms" "≤ 8" "$(bench_ms "$(field "${names[3]}" 2)")" 8 "<="
  target "2-page text, Typst 0.14.2's time / ours" "≥ 13" "${typst14_ratio:-}" 13 ">="
  target "fr brochure, median ms" "≤ 12" "$(bench_ms "$(field "${names[0]}" 2)")" 12 "<="
  target "40 pages, median ms" "≤ 45" "$(bench_ms "$(field "${names[2]}" 2)")" 45 "<="
  target "40 pages, peak RSS MiB" "≤ 22" "$(bench_mb "$(field "${names[2]}" 4)")" 22 "<="
  target "one word, median ms" "≤ 4" "$(bench_ms "$(field "${names[4]}" 2)")" 4 "<="
  target "12 documents per CPU second (-j 1)" "≥ 150" \
    "$(awk -v t="$(field "${names[5]}" 3)" 'BEGIN { printf "%.0f", 12 / t }')" 150 ">="
  target "-j 2 speed-up (wall, median of $runs alternating pairs; two idle cores wanted)" "≥ 1.7" \
    "$(awk -v r="$speedup" 'BEGIN { printf "%.2f", r }')" 1.7 ">="
  target "2-page PDF, bytes" "≤ 26000" "$(field "${names[3]}" 5)" 26000 "<="
  target "40-page PDF, bytes" "≤ 190000" "$(field "${names[2]}" 5)" 190000 "<="
} >"$targets"

# --- 3. micro-benchmarks --------------------------------------------------------------
echo
echo "bench: micro-benchmarks (--benchmark_min_time=$min_time)"
"$BENCH_BUILD_DIR/leafpress_micro_bench" --benchmark_min_time="$min_time" \
  --benchmark_out="$out/micro.json" --benchmark_out_format=json >/dev/null
micro="$out/micro.md"
{
  echo "| micro-benchmark | time µs | CPU µs | iterations |"
  echo "|---|--:|--:|--:|"
  # Times in nanoseconds, the library's default unit, which no benchmark here changes.
  jq -r '.benchmarks[] | select(.run_type == "iteration") | [.name, .real_time, .cpu_time, .iterations] | @tsv' \
    "$out/micro.json" | awk -F'\t' '{ printf "| %s | %.1f | %.1f | %d |\n", $1, $2 / 1000, $3 / 1000, $4 }'
} >"$micro"

# --- summary --------------------------------------------------------------------------
echo
echo "## Summary ($(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "Whole processes, $runs runs each after 3 warm-up runs; CPU is the mean user + system time;"
echo "peak RSS the largest of $rss_runs runs:"
echo
cat "$whole"
echo
echo "Instructions (the stable measure; wall times on a shared machine are not):"
echo
cat "$instructions"
echo
echo "Targets:"
echo
cat "$targets"
echo
cat "$pdfs"
echo
echo "Peers on the same two pages, $peer_runs runs each (bench/peers/run.sh):"
echo
echo "$peers_table"
echo
cat "$micro"
