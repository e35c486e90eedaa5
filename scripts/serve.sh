#!/usr/bin/env bash
# Builds the release app into dist/ and serves it on http://127.0.0.1:8080 (installs what is missing).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build
cd "$ROOT"
say "trunk build --release (toolchain $PAGE_TOOLCHAIN)"
page_build
say "serving dist/ on http://127.0.0.1:${PORT:-8080} (Ctrl-C stops)"
exec node tests/e2e/serve.mjs dist "${PORT:-8080}"
