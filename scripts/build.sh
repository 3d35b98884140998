#!/usr/bin/env bash
# Configures and builds zorgsim (installing missing Debian packages first).
# Usage: scripts/build.sh [--sanitize]   -> build/ (Release) or build-sanitize/ (ASan+UBSan)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

dir=build
args=(-DCMAKE_BUILD_TYPE=Release)
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-sanitize
  # Without MPI: LeakSanitizer reports OpenMPI's own allocations at MPI_Init/MPI_Finalize
  # (open-mpi/ompi#10048, #12584); the MPI tests run in the main build.
  args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DZORGSIM_SANITIZE=ON -DZORGSIM_MPI=OFF)
fi
# Warnings are errors in CI's main build. Not under the sanitizers: their instrumentation
# makes GCC 12 report false "maybe-uninitialized" warnings inside the standard library.
if [ "${CI:-}" = "true" ] && [ "$dir" = build ]; then args+=(-DZORGSIM_WERROR=ON); fi

generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
if [ ! -f "$dir/CMakeCache.txt" ]; then
  cmake -S . -B "$dir" "${generator[@]}" "${args[@]}" >/dev/null
else
  cmake -S . -B "$dir" "${args[@]}" >/dev/null  # refreshes the git commit recorded in results
fi
cmake --build "$dir" --parallel "$(nproc)"
