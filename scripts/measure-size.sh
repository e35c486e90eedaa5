#!/usr/bin/env bash
# Measures the page's size with each rustc opt-level ("z", "s", 3; wasm-opt -Oz after each) and prints
# raw and gzip'd bytes of the wasm and of everything the page loads (js with the inlined wasm + css).
# A measurement, not a test: it never fails on a number.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build
cd "$ROOT"
printf '%-10s %12s %12s %16s\n' opt-level wasm-bytes wasm-gzip page-gzip-total
for level in z s 3; do
  out="$(mktemp -d)"
  CARGO_PROFILE_RELEASE_OPT_LEVEL="$level" trunk build --release --dist "$out" >/dev/null 2>&1
  wasm="$(ls "${CARGO_TARGET_DIR:-target}"/wasm-opt/release/*.wasm)"
  total=0
  for f in "$out"/*.js "$out"/*.css; do total=$((total + $(gzip -9c "$f" | wc -c))); done
  printf '%-10s %12d %12d %16d\n' "$level" "$(stat -c %s "$wasm")" "$(gzip -9c "$wasm" | wc -c)" "$total"
  rm -rf "$out"
done
