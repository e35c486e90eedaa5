#!/usr/bin/env bash
# Installs what podnet's build and tests need, idempotently: each step is skipped when the tool is
# already there at the right version. Sourced by scripts/serve.sh and scripts/test.sh.
# Nothing downloads a prebuilt binary: tools come from Debian, crates.io and npm only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.22.1"
export TRUNK_SKIP_VERSION_CHECK=true
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) to run: $*" >&2; return 1
  fi
}

APT_UPDATED=""
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

need_rust() {
  if ! command -v cargo >/dev/null || ! command -v rustup >/dev/null; then
    echo "podnet needs Rust through rustup (https://rustup.rs); cargo or rustup is not on PATH." >&2
    exit 1
  fi
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt clippy
  rustup target list --installed | grep -qx wasm32-unknown-unknown || {
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  }
}

# The wasm-bindgen version Cargo.lock pins; the CLI must be exactly this version.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

need_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "cargo install trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
    cargo install --locked --ignore-rust-version trunk --version "$TRUNK_VERSION"
  fi
}

need_wasm_bindgen() {
  local version
  version="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $version" ]; then
    say "cargo install wasm-bindgen-cli $version"
    cargo install --locked wasm-bindgen-cli --version "$version" ||
      cargo install wasm-bindgen-cli --version "$version"
  fi
}

need_node_packages() {
  # Some Node.js builds bundle npm; install Debian's packages only when a command is missing.
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "npm ci (binaryen, playwright-core, axe-core, sarif-multitool from package-lock.json)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

need_chromium() {
  apt_install chromium chromium-driver
}

# The compressor the build uses for the inlined wasm (`xz -9e`: 15% smaller than zopfli's gzip;
# scripts/inline-wasm.mjs). Debian's base system has it; installed here if it is not.
need_xz() {
  apt_install xz-utils
}

# The toolchain the release page is built with: nightly, for a std built with the page and
# panics that abort without formatting a message (about 28 KB gzip'd less; ARCHITECTURE.md,
# "Release profile and wasm size"). Everything else builds and tests with stable.
PAGE_TOOLCHAIN="${PODNET_PAGE_TOOLCHAIN:-nightly}"

need_page_toolchain() {
  [ "$PAGE_TOOLCHAIN" = stable ] && return 0
  if ! rustup run "$PAGE_TOOLCHAIN" rustc --version >/dev/null 2>&1; then
    say "rustup toolchain install $PAGE_TOOLCHAIN (the page's std is built from source)"
    rustup toolchain install "$PAGE_TOOLCHAIN" --profile minimal
  fi
  rustup component list --toolchain "$PAGE_TOOLCHAIN" --installed | grep -qx rust-src || {
    say "rustup component add rust-src --toolchain $PAGE_TOOLCHAIN"
    rustup component add rust-src --toolchain "$PAGE_TOOLCHAIN"
  }
  rustup target list --toolchain "$PAGE_TOOLCHAIN" --installed | grep -qx wasm32-unknown-unknown || {
    say "rustup target add wasm32-unknown-unknown --toolchain $PAGE_TOOLCHAIN"
    rustup target add wasm32-unknown-unknown --toolchain "$PAGE_TOOLCHAIN"
  }
}

# `trunk build --release` of the page, with the page toolchain (PODNET_PAGE_TOOLCHAIN=stable
# builds it with stable and the prebuilt std: the same page, about 28 KB gzip'd bigger).
page_build() {
  if [ "$PAGE_TOOLCHAIN" = stable ]; then
    trunk build --release "$@"
    return
  fi
  RUSTUP_TOOLCHAIN="$PAGE_TOOLCHAIN" \
    CARGO_UNSTABLE_BUILD_STD="std,panic_abort" \
    CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
    trunk build --release "$@"
}

# Everything `trunk build` needs.
setup_build() {
  need_rust
  need_page_toolchain
  need_node_packages
  need_xz
  need_trunk
  need_wasm_bindgen
}

# Everything the tests need on top.
setup_test() {
  setup_build
  need_chromium
}
