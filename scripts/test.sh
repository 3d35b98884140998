#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite (unit, statistical, determinism,
# integration). Usage: scripts/test.sh [--sanitize]  (ASan + UBSan build in build-sanitize/)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh "$@"
dir=build
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-sanitize
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
cd "$dir"
ctest --output-on-failure --parallel "$(nproc)"
