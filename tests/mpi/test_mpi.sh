#!/usr/bin/env bash
# MPI test: `mpirun -n N zorgsim sweep` gives the same datasets as one process, and a rank-0
# failure ends every rank (no hang). Exit 77 (CTest: skipped) when the build has no MPI.
# Usage: test_mpi.sh ZORGSIM SOURCE_DIR WORK_DIR N
set -euo pipefail
zorgsim=$1 src=$2 work=$3 n=$4
version=$("$zorgsim" --version)
if ! grep -q '^mpi: yes' <<<"$version"; then
  echo "SKIPPED: this zorgsim was built without MPI (configure with -DZORGSIM_MPI=ON and libopenmpi-dev)"
  exit 77
fi
if ! command -v mpirun >/dev/null; then echo "FAILED: this zorgsim has MPI but mpirun is missing (Debian: openmpi-bin)"; exit 1; fi
base=(--oversubscribe)
if [ "$(id -u)" -eq 0 ]; then base+=(--allow-run-as-root); fi
flags=("${base[@]}" -n "$n")
rm -rf "$work" && mkdir -p "$work"
sweep="$src/tests/data/sweep-small.yaml"

"$zorgsim" sweep "$sweep" -o "$work/one.h5" -q --threads 2
timeout 300 mpirun "${flags[@]}" "$zorgsim" sweep "$sweep" -o "$work/mpi.h5" -q --threads 1
if ! h5diff --exclude-path /provenance "$work/one.h5" "$work/mpi.h5"; then
  echo "FAILED: $n MPI ranks and one process differ"; exit 1
fi
ranks=$(h5dump -a /provenance/ranks "$work/mpi.h5" | grep -o '(0): [0-9]*' | awk '{print $2}')
if [ "$ranks" != "$n" ]; then echo "FAILED: the file says $ranks ranks, expected $n"; exit 1; fi

# Killed (SIGKILL, every rank) part-way and resumed on the same number of ranks: the same file.
out="$work/killed.h5"
mpirun "${flags[@]}" "$zorgsim" sweep "$sweep" -o "$out" -q --threads 1 >/dev/null 2>&1 &
for _ in $(seq 1 3000); do
  lines=$(wc -l <"$out.records/MANIFEST" 2>/dev/null || echo 0)
  if [ "$lines" -gt 12 ] || [ -e "$out" ]; then break; fi
  sleep 0.01
done
pkill -9 -f "sweep $sweep -o $out" || true
wait || true
[ -e "$out" ] && { echo "FAILED: the sweep finished before it could be killed"; exit 1; }
echo "killed with $(($(wc -l <"$out.records/MANIFEST") - 1)) runs recorded"
timeout 300 mpirun "${flags[@]}" "$zorgsim" sweep "$sweep" -o "$out" -q --resume --threads 1
if ! h5diff --exclude-path /provenance "$work/one.h5" "$out"; then
  echo "FAILED: killed and resumed on $n ranks differs from one process"; exit 1
fi

# A rank-0 failure (unwritable output) ends every rank with an error, not a hang.
set +e
timeout 120 mpirun "${flags[@]}" "$zorgsim" sweep "$sweep" -o /nonexistent-folder/x.h5 -q >"$work/fail.out" 2>&1
code=$?
set -e
if [ "$code" -eq 0 ] || [ "$code" -eq 124 ]; then
  echo "FAILED: an unwritable output under MPI gave exit $code (124 = hung)"; cat "$work/fail.out"; exit 1
fi
grep -q "nonexistent-folder" "$work/fail.out" || { echo "FAILED: no error message"; cat "$work/fail.out"; exit 1; }
# Only the other ranks fail (their sweep file is missing, as on a node without the shared
# folder): every rank ends, rank 0 included, with an error and no output.
set +e
timeout 120 mpirun "${base[@]}" -n 1 "$zorgsim" sweep "$sweep" -o "$work/partial.h5" -q : \
  -n $((n - 1)) "$zorgsim" sweep "$work/absent.yaml" -o "$work/partial.h5" -q >"$work/partial.out" 2>&1
code=$?
set -e
if [ "$code" -eq 0 ] || [ "$code" -eq 124 ]; then
  echo "FAILED: a failure on the other ranks gave exit $code (124 = hung)"; cat "$work/partial.out"; exit 1
fi
grep -q "absent.yaml: cannot read the file" "$work/partial.out" || { echo "FAILED: no message"; cat "$work/partial.out"; exit 1; }
[ -e "$work/partial.h5" ] && { echo "FAILED: an output was written"; exit 1; }

echo "PASSED: $n ranks equal one process, also killed and resumed; a failure on rank 0 or on the others ends all ranks"
