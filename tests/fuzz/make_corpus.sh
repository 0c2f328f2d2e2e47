#!/usr/bin/env bash
# Builds the fuzzers' seed corpora from the shipped leaflets and the test suite's leaflets
# (error corpus, golden sample, Arabic PDF test, the benchmark's peer leaflet):
#   tests/fuzz/make_corpus.sh OUT_DIR
# writes OUT_DIR/yaml_loader_fuzz/ (every YAML file as it is) and OUT_DIR/pipeline_fuzz/
# (each leaflet once per language: its leaflet.yaml set to that one language, then the
# "#== <lang>.yaml ==" separator and the strings file; see pipeline_fuzz.cpp) and
# OUT_DIR/translation_file_fuzz/ (the PO and XLIFF regression inputs). The corpora
# are generated, never committed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?usage: make_corpus.sh OUT_DIR}"
mkdir -p "$out/yaml_loader_fuzz" "$out/pipeline_fuzz" "$out/translation_file_fuzz"
# Translation files: the PO and XLIFF files kept as regressions (exported ones among them).
cp "$root"/tests/fuzz/regressions/translation_file_fuzz/* "$out/translation_file_fuzz/"

for folder in "$root"/leaflets/*/ "$root"/tests/errors/*/ "$root"/tests/golden/*/ "$root"/tests/pdf/*/ \
  "$root"/bench/peers/*/; do
  [ -f "$folder/leaflet.yaml" ] || continue
  name="$(basename "$(dirname "$folder")")-$(basename "$folder")"
  for file in "$folder"*.yaml; do
    cp "$file" "$out/yaml_loader_fuzz/$name-$(basename "$file")"
  done
  for strings in "$folder"*.yaml; do
    lang="$(basename "$strings" .yaml)"
    [ "$lang" = leaflet ] && continue
    # One language per input keeps inputs small: that language becomes the only one.
    {
      sed -e "s/^default_language:.*/default_language: $lang/" \
          -e "s/^languages:.*/languages: [$lang]/" "$folder/leaflet.yaml"
      printf '#== %s.yaml ==\n' "$lang"
      cat "$strings"
    } >"$out/pipeline_fuzz/$name-$lang"
  done
  # Small leaflets also come whole, every language with its fallbacks (run.sh's -max_len).
  if [ "$(cat "$folder"*.yaml | wc -c)" -le 20000 ]; then
    {
      cat "$folder/leaflet.yaml"
      for strings in "$folder"*.yaml; do
        [ "$(basename "$strings")" = leaflet.yaml ] && continue
        printf '#== %s ==\n' "$(basename "$strings")"
        cat "$strings"
      done
    } >"$out/pipeline_fuzz/$name-all"
  fi
done
echo "make_corpus: $(ls "$out/yaml_loader_fuzz" | wc -l) loader seeds, $(ls "$out/pipeline_fuzz" | wc -l) pipeline seeds in $out"
