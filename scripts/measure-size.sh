#!/usr/bin/env bash
# Measures what the page transfers: gzip -9 of every script and stylesheet of trunk's release build
# (the boot script carrying the wasm, wasm-bindgen's glue, the css), the way docs/measurements.md
# counts them; sw.js is left out because the browser fetches it once, after the page runs. Also
# prints the wasm after wasm-opt, raw and gzip'd. Issue 6's target is a total of at most 300 KB.
#
#   scripts/measure-size.sh               the release profile as it is, file by file
#   scripts/measure-size.sh --opt-levels  one row each for rustc opt-level "z", "s" and 3
#
# A measurement, not a test: it never fails on a number.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build
say "the page is built with toolchain $PAGE_TOOLCHAIN (PODNET_PAGE_TOOLCHAIN)"
cd "$ROOT"

# Builds into a fresh folder, with the rustc opt-level given or the profile's; prints the folder.
build() {
  local out
  out="$(mktemp -d)"
  if [ -n "${1:-}" ]; then
    CARGO_PROFILE_RELEASE_OPT_LEVEL="$1" page_build --dist "$out" >/dev/null 2>&1
  else
    page_build --dist "$out" >/dev/null 2>&1
  fi
  echo "$out"
}

# The page's assets in a build folder: scripts and stylesheets except the service worker and the
# rules' reference page (rules.html and its rules.css, opened only from a finding's rule link).
assets() {
  find "$1" -maxdepth 1 -type f \( -name '*.js' -o -name '*.css' \) ! -name 'sw.js' ! -name 'rules.*' | sort
}

gz() { gzip -9c "$1" | wc -c; }

wasm() { ls "${CARGO_TARGET_DIR:-target}"/wasm-opt/release/*.wasm; }

if [ "${1:-}" = "--opt-levels" ]; then
  printf '%-10s %12s %12s %16s\n' opt-level wasm-bytes wasm-gzip page-gzip-total
  for level in z s 3; do
    out="$(build "$level")"
    total=0
    for f in $(assets "$out"); do total=$((total + $(gz "$f"))); done
    printf '%-10s %12d %12d %16d\n' "$level" "$(stat -c %s "$(wasm)")" "$(gz "$(wasm)")" "$total"
    rm -rf "$out"
  done
  exit 0
fi

out="$(build)"
total=0
printf '%-40s %10s %10s\n' file bytes gzip
for f in $(assets "$out"); do
  size="$(gz "$f")"
  total=$((total + size))
  printf '%-40s %10d %10d\n' "$(basename "$f")" "$(stat -c %s "$f")" "$size"
done
printf '%-40s %10s %10d\n' 'total (the page)' '' "$total"
printf '%-40s %10d %10d\n' 'wasm after wasm-opt (inside the boot js)' "$(stat -c %s "$(wasm)")" "$(gz "$(wasm)")"
rm -rf "$out"
