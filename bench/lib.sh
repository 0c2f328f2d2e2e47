# shellcheck shell=bash
# Shared by bench/run.sh and bench/peers/run.sh; source it, do not run it.
#
# Times come from hyperfine (-N: no shell between it and the program, so nothing but the
# program is timed), peak memory from GNU time's "Maximum resident set size", pages from
# pdfinfo.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# A build of its own, in Release, with the micro-benchmarks and without the tests, so the
# benchmarks never reconfigure the build/ folder a developer works in.
BENCH_BUILD_DIR="${BENCH_BUILD_DIR:-$BENCH_ROOT/build-bench}"
LEAFPRESS="$BENCH_BUILD_DIR/leafpress"

# Installs what is missing (scripts/setup, then bench/setup.sh) and builds leafpress and the
# micro-benchmarks in Release; ninja makes this quick when nothing changed. BENCH_SKIP_BUILD=1
# skips it (bench/run.sh sets it for bench/peers/run.sh, having just done it).
bench_build() {
  if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -x "$LEAFPRESS" ]; then
    return
  fi
  (
    # scripts/setup builds into $BUILD_DIR.
    # shellcheck disable=SC2034
    BUILD_DIR="$BENCH_BUILD_DIR"
    # shellcheck source=scripts/setup
    source "$BENCH_ROOT/scripts/setup"
    "$BENCH_ROOT/bench/setup.sh"
    echo "bench: building leafpress (Release) in ${BENCH_BUILD_DIR#"$BENCH_ROOT"/}"
    build_leafpress Release -DLEAFPRESS_TESTS=OFF -DLEAFPRESS_BENCH=ON >/dev/null
  )
}

# bench_peak_rss_kb RUNS COMMAND...: the largest peak resident set size of RUNS runs, in KB
# (GNU time's "Maximum resident set size"). Fails when the command does.
bench_peak_rss_kb() {
  local runs="$1" report max=0 rss i
  shift
  report="$(mktemp)"
  for ((i = 0; i < runs; i++)); do
    if ! /usr/bin/time -v -o "$report" "$@" >/dev/null 2>&1; then
      echo "bench: failed: $*" >&2
      rm -f "$report"
      return 1
    fi
    rss="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$report")"
    [ "$rss" -gt "$max" ] && max="$rss"
  done
  rm -f "$report"
  echo "$max"
}

# bench_result JSON NAME FIELD: FIELD (mean, median, stddev, min, max; seconds) of the
# hyperfine result named NAME in the exported JSON.
bench_result() {
  jq -r --arg name "$2" --arg field "$3" '.results[] | select(.command == $name) | .[$field]' "$1"
}

# bench_cpu JSON NAME: the mean user + system time of the hyperfine result NAME, seconds.
bench_cpu() {
  jq -r --arg name "$2" '.results[] | select(.command == $name) | .user + .system' "$1"
}

# bench_ms SECONDS: milliseconds, one decimal.
bench_ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }

# bench_mb KB: mebibytes, one decimal.
bench_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# bench_kb BYTES: kibibytes, one decimal.
bench_kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }

# bench_ratio A B: A / B, two decimals.
bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

bench_bytes() { stat -c %s "$1"; }

bench_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
