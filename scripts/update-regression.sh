#!/usr/bin/env bash
# Accepts the current results of the regression scenario as the new reference
# (tests/data/regression_small.txt). Do this only for an intended change of results, and
# say in the commit message what changed and why.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
(cd build && ZORGSIM_UPDATE_REGRESSION=1 ./tests/test_integration "[regression]")
git diff --stat tests/data/regression_small.txt
