#!/usr/bin/env bash
# Variants (data merge) at campaign scale: the shipped leaflet with a hospital's name and phone
# in its contact block, a generated variants file of VARIANTS rows (default 100), built in all
# its languages (fr, en, es, ar) and formats (brochure, trifold, booklet): VARIANTS × 12
# documents. Prints the documents, the seconds and the documents per second.
#
#   bench/variants.sh [VARIANTS] [JOBS]      JOBS: leafpress -j (default: one per core)
#
# Uses build/leafpress (LEAFPRESS= another binary); the leaflet and the PDFs go to a
# temporary folder, removed at the end. Nothing generated is kept in the repository.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
variants="${1:-100}"
jobs="${2:-$(nproc)}"
leafpress="${LEAFPRESS:-$root/build/leafpress}"
work="$(mktemp -d)"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

leaflet="$work/leaflets/campaign"
mkdir -p "$work/leaflets"
cp -r "$root/leaflets/immunotherapy" "$leaflet"
# The contact block gets a line naming the hospital and its number, in every language.
sed -i 's/^      - contact.team$/      - contact.team\n      - campaign.hospital/' "$leaflet/leaflet.yaml"
grep -q 'campaign.hospital' "$leaflet/leaflet.yaml"
printf 'variables:\n  hospital.name:\n  hospital.phone:\nvariants: hospitals.csv\n' >>"$leaflet/leaflet.yaml"
printf 'campaign:\n  hospital: "{hospital.name} : {hospital.phone}"\n' >>"$leaflet/fr.yaml"
printf 'campaign:\n  hospital: "{hospital.name}: {hospital.phone}"\n' >>"$leaflet/en.yaml"
printf 'campaign:\n  hospital: "{hospital.name}: {hospital.phone}"\n' >>"$leaflet/es.yaml"
printf 'campaign:\n  hospital: "{hospital.name}: {hospital.phone}"\n' >>"$leaflet/ar.yaml"
{
  echo 'variant,hospital.name,hospital.phone'
  for i in $(seq 1 "$variants"); do
    printf 'h%03d,Centre hospitalier %d,01 %02d %02d %02d %02d\n' "$i" "$i" $((i % 100)) $((i * 7 % 100)) $((i * 13 % 100)) $((i * 31 % 100))
  done
} >"$leaflet/hospitals.csv"

start=$(date +%s.%N)
"$leafpress" build "$leaflet" --out "$work/output" -j "$jobs" --fonts "$root/fonts" >"$work/report.txt"
end=$(date +%s.%N)
documents=$(find "$work/output" -name '*.pdf' ! -name '*.print.pdf' | wc -l)
seconds=$(echo "$end - $start" | bc -l)
printf 'variants %s, documents %s, jobs %s, seconds %.1f, documents per second %.2f\n' \
  "$variants" "$documents" "$jobs" "$seconds" "$(echo "$documents / $seconds" | bc -l)"
tail -1 "$work/report.txt"
