#!/usr/bin/env bash
# Makes the CMYK press profile the press tests use: Argyll's colprof (Debian's argyll) run
# on FOGRA's characterisation data for ISO 12647-2 coated paper, FOGRA39L.ti3 (Debian's
# icc-profiles-free), with GCR black generation and a 300 % total ink limit. Made once per
# build folder; written to a temporary name and renamed, so a killed run leaves nothing half.
set -euo pipefail
out_dir="$1"
profile="$out_dir/FOGRA39-colprof.icc"
data=/usr/share/color/icc/FOGRA39L.ti3
if [ -s "$profile" ]; then
  exit 0
fi
mkdir -p "$out_dir"
work="$(mktemp -d "$out_dir/.colprof.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp "$data" "$work/FOGRA39.ti3"
# -ql: low quality is enough for tests and takes seconds; -kr: black generation from 0 with
# a ramp (GCR); -l300 -L95: total and black ink limits; v2 profile (colprof's default).
(cd "$work" && colprof -ql -kr -l300 -L95 \
  -D "Coated FOGRA39 (leafpress tests: Argyll colprof from FOGRA39L.ti3, 300% TAC)" \
  -C "Made from FOGRA39L.ti3 (Fogra) as packaged by Debian's icc-profiles-free" \
  FOGRA39 >/dev/null)
mv "$work/FOGRA39.icc" "$profile"
