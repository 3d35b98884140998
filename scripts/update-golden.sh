#!/usr/bin/env bash
# Accepts new golden random values (tests/data/golden_draws.txt). Only after a deliberate
# change of random streams or a library upgrade: results will no longer match earlier runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
ZORGSIM_UPDATE_GOLDEN=1 build/tests/test_unit "[golden]"
git diff --stat tests/data/golden_draws.txt
