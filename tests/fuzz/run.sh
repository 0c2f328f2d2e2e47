#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz/ and runs each for SECONDS:
#   tests/fuzz/run.sh SECONDS [TARGET...]      (default: every target, one after the other)
# clang and its libFuzzer runtime are installed from Debian when missing (the rest of the
# suite builds with g++ and does not need them). Seeds come from the shipped leaflets and the
# test leaflets (make_corpus.sh); inputs libFuzzer finds interesting are kept in
# build-fuzz/corpus/<target>, crashers in build-fuzz/crashes/<target>. A crasher is fixed in
# leafpress, then copied to tests/fuzz/regressions/<target>/, which ctest replays.
# JOBS sets the build's parallel jobs (default: all cores).
set -euo pipefail

seconds="${1:?usage: tests/fuzz/run.sh SECONDS [TARGET...]}"
shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$root/build-fuzz"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml_loader_fuzz pipeline_fuzz translation_file_fuzz)

fuzz_packages=(clang libclang-rt-dev)
missing=()
for package in "${fuzz_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "run.sh: installing ${missing[*]}"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DLEAFPRESS_FUZZ=ON >/dev/null
cmake --build "$build" -j "${JOBS:-$(nproc)}" --target "${targets[@]}"
"$root/tests/fuzz/make_corpus.sh" "$build/seeds"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Every input that parses would leave its YAML tree in the cache folder, a file written per
# input: fuzzing runs with the cache off unless told otherwise (tests/unit covers its entries).
export LEAFPRESS_CACHE_DIR="${LEAFPRESS_CACHE_DIR:-off}"
status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  crashes="$build/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  echo "== $target: $seconds s"
  # The shipped leaflet with one language is about 16 KB, and takes under 1 s in the fuzz
  # build: a time-out of 10 s leaves room for a machine shared with other work. Run from
  # the root, as a build is, so that the relative paths leafpress prints are the usual ones.
  (cd "$root" && "$build/tests/fuzz/$target" "$corpus" "$build/seeds/$target" \
    -dict="$root/tests/fuzz/yaml.dict" -max_len=20000 -timeout=10 -rss_limit_mb=2048 \
    -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$crashes/" \
    2>"$build/$target.log") || status=1
  grep -E "^(#[0-9]+[[:space:]]+DONE|stat::|Done [0-9]+ runs)|ERROR|SUMMARY|Test unit written" "$build/$target.log" || true
  echo "corpus: $(find "$corpus" -type f | wc -l) files, $(du -sk "$corpus" | cut -f1) KB"
done
exit "$status"
