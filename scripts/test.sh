#!/usr/bin/env bash
# Runs every test podnet has (installs what is missing): rustfmt, clippy, the no_std check, native
# tests of all crates, wasm-bindgen-test in headless Chromium, and the end-to-end browser tests
# against the release build. Ends with one line: "N passed, N failed".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_test
cd "$ROOT"
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT

step() {
  say "$*"
  "$@" 2>&1 | tee -a "$LOG"
}

step cargo fmt --all --check
step cargo clippy --workspace --all-targets --locked -- -D warnings
step cargo clippy -p podnet-web --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
step cargo check -p podnet-core --no-default-features --locked
# The page's boot decoder, a crate of its own (wasm only; the page build checks its output).
step cargo fmt --manifest-path boot/lzma/Cargo.toml --check
step cargo clippy --manifest-path boot/lzma/Cargo.toml --target wasm32-unknown-unknown --locked -- -D warnings
step cargo check -p podnet-core --no-default-features --target wasm32-unknown-unknown --locked
step cargo test --workspace --locked

say "wasm-bindgen-test in headless Chromium"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
step cargo test -p podnet-web --target wasm32-unknown-unknown --locked

step page_build
say "end-to-end tests (playwright-core + Debian Chromium against dist/ on 127.0.0.1)"
step node --test --test-concurrency=1 tests/e2e/

# One closing line for every runner above: cargo's "test result" lines and node's "# pass/# fail".
awk '
  /^test result: / { for (i = 1; i <= NF; i++) { if ($i ~ /^passed;?$/) p += $(i-1); if ($i ~ /^failed;?$/) f += $(i-1) } }
  /^# pass / { p += $3 } /^# fail / { f += $3 }
  /^ℹ pass / { p += $3 } /^ℹ fail / { f += $3 }
  END { printf "%d passed, %d failed\n", p, f; exit (f > 0) }
' "$LOG"
