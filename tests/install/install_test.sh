#!/usr/bin/env bash
# Installs leafpress as a user would, twice: `cmake --install` into a fresh prefix, and the
# Debian package CPack builds, unpacked into a fresh root. Each installed binary builds the
# installed example leaflet from a folder under /tmp, far from the sources, finding its font
# configuration by itself. Usage: install_test.sh BUILD_DIR
set -euo pipefail
build_dir="$1"
scratch="$(mktemp -d /tmp/leafpress-install-XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
export SOURCE_DATE_EPOCH=1700000000

fail() { echo "install test: $*" >&2; exit 1; }

# Builds the Arabic brochure of the example with `binary` from a fresh folder in /tmp and
# checks the PDF: Arabic needs the fallback fonts of the installed fonts/fallback.yaml.
build_example() {
  local binary="$1" examples="$2" work
  work="$(mktemp -d "$scratch/work-XXXXXX")"
  cp -r "$examples/immunotherapy" "$work/"
  (cd "$work" && "$binary" build immunotherapy --lang ar,en --format brochure --out pdf) \
    > "$work/out.txt" 2> "$work/err.txt" || { cat "$work/err.txt" >&2; fail "$binary: build failed"; }
  # Notes (what the build did on its own, with their hints) are no problems; anything else is.
  ! grep -v -E ': note: |^  hint: ' "$work/err.txt" | grep -q . ||
    { cat "$work/err.txt" >&2; fail "$binary: the build reported problems"; }
  [ -f "$work/pdf/immunotherapy.ar.brochure.pdf" ] || fail "$binary: no Arabic PDF"
  # Read whole before grep (grep -q would stop the reader early, failing the pipe).
  local fonts arabic english
  fonts="$(pdffonts "$work/pdf/immunotherapy.ar.brochure.pdf")"
  arabic="$(pdftotext "$work/pdf/immunotherapy.ar.brochure.pdf" -)"
  english="$(pdftotext "$work/pdf/immunotherapy.en.brochure.pdf" -)"
  grep -q NotoNaskhArabic <<< "$fonts" || fail "$binary: no Arabic font"
  grep -q "العلاج المناعي" <<< "$arabic" || fail "$binary: no Arabic text"
  grep -q "Immunotherapy" <<< "$english" || fail "$binary: no English text"
}

check_tree() {
  local root="$1"
  [ -x "$root/bin/leafpress" ] || fail "$root: no bin/leafpress"
  [ -f "$root/share/leafpress/fonts/fallback.yaml" ] || fail "$root: no font configuration"
  gzip -t "$root/share/man/man1/leafpress.1.gz" || fail "$root: no man page"
  local man_page
  man_page="$(zcat "$root/share/man/man1/leafpress.1.gz")"
  grep -q '^\.TH LEAFPRESS 1' <<< "$man_page" || fail "$root: the man page has no title"
  [ -f "$root/share/doc/leafpress/leaflets.md" ] || fail "$root: no leaflet guide"
  local completion="$root/share/bash-completion/completions/leafpress"
  bash -n "$completion" || fail "$root: the completion does not parse"
  # The completion offers each command's own options and the values of --diagnostics.
  local offered
  offered="$(bash -c 'source "$1"; COMP_WORDS=(leafpress check --d); COMP_CWORD=2; _leafpress; echo "${COMPREPLY[*]}"' _ "$completion")"
  [ "$offered" = "--diagnostics" ] || fail "completion of 'check --d': '$offered'"
  offered="$(bash -c 'source "$1"; COMP_WORDS=(leafpress build --diagnostics s); COMP_CWORD=3; _leafpress; echo "${COMPREPLY[*]}"' _ "$completion")"
  [ "$offered" = "sarif" ] || fail "completion of '--diagnostics s': '$offered'"
  local version
  version="$("$root/bin/leafpress" --version)"
  grep -Eq '^leafpress [0-9.]+ \(commit ([0-9a-f]{7,}(-dirty)?|unknown)\)$' <<< "$version" ||
    fail "--version names no commit: $version"
  build_example "$root/bin/leafpress" "$root/share/doc/leafpress/examples"
}

# 1. cmake --install into a fresh prefix.
cmake --install "$build_dir" --prefix "$scratch/prefix" > /dev/null
check_tree "$scratch/prefix"

# 2. The Debian package: runtime dependencies only, and it works unpacked anywhere.
cpack --config "$build_dir/CPackConfig.cmake" -B "$scratch/package" > /dev/null
deb="$(ls "$scratch"/package/leafpress_*.deb)"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
case "$depends" in *-dev*|*catch2*|*qpdf*|*poppler*|*mupdf*|*zbar*|*cmake*|*g++*) fail "a build or test tool in Depends: $depends" ;; esac
for library in libharfbuzz0b libhpdf libicu libpng16 libjpeg62-turbo libqrencode4 libfontconfig1 liblcms2-2 libgettextpo0 libxml2 fonts-noto-core; do
  case "$depends" in *"$library"*) ;; *) fail "Depends lacks $library: $depends" ;; esac
done
# yaml-cpp and libhyphen are in the binary when it links their archives
# (LEAFPRESS_STATIC_LIBRARIES): the package depends on them exactly when the binary needs
# their shared libraries.
needed="$(readelf -d "$build_dir/leafpress")"
for pair in libyaml-cpp.so:libyaml-cpp libhyphen.so:libhyphen0; do
  shared="${pair%%:*}" package="${pair#*:}"
  if grep -q "\[$shared" <<< "$needed"; then
    case "$depends" in *"$package"*) ;; *) fail "Depends lacks $package: $depends" ;; esac
  else
    case "$depends" in *"$package"*) fail "Depends names $package, which the binary does not load: $depends" ;; esac
  fi
done
contents="$(dpkg-deb -c "$deb")"
grep -q '\./usr/bin/leafpress$' <<< "$contents" || fail "the package has no /usr/bin/leafpress"
dpkg-deb -x "$deb" "$scratch/root"
check_tree "$scratch/root/usr"
echo "install test: ok"
