#!/usr/bin/env bash
# Regenerates the documentation that is generated from the code (docs/PARAMETERS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
build/zorgsim params --markdown > docs/PARAMETERS.md
build/zorgsim outputs --markdown > docs/OUTPUT.md
echo "docs/PARAMETERS.md and docs/OUTPUT.md regenerated"
