#!/usr/bin/env bash
# Regenerates the documentation that is generated from the code (docs/PARAMETERS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
build/zorgsim params --markdown > docs/PARAMETERS.md
build/zorgsim outputs --markdown > docs/OUTPUT.md
# The catalogue table of docs/MEASURES.md sits between its two marker lines.
{
  sed '/<!-- catalogue:begin -->/q' docs/MEASURES.md
  build/zorgsim measures --markdown
  sed -n '/<!-- catalogue:end -->/,$p' docs/MEASURES.md
} > docs/MEASURES.md.tmp
mv docs/MEASURES.md.tmp docs/MEASURES.md
echo "docs/PARAMETERS.md, docs/OUTPUT.md and the catalogue in docs/MEASURES.md regenerated"
