#!/usr/bin/env bash
# The real-cluster test: the example Slurm jobs in scripts/slurm/ on a single-node Slurm
# cluster started on this host (scripts/slurm/local-cluster.sh), each result compared with a
# single-process run of the same sweep.
#
#   test_slurm.sh ZORGSIM_BINARY SOURCE_DIR WORK_DIR
#
#  1. zorgsim sweep tests/data/sweep-small.yaml -o ref.h5            (the reference)
#  2. sweep-array.sbatch as 3 array tasks (sbatch --wait --array=0-2), then merge.sbatch
#     after it (--dependency=afterok:<array job>); merged file == reference
#  3. sweep-mpi.sbatch with 2 ranks (sbatch --wait --ntasks=2); its file == reference
# "==" is `h5diff --exclude-path /provenance`: every dataset and every attribute (of the
# root, of groups, of datasets) outside /provenance compared exactly, and an object present
# in only one of the files is a difference. (h5diff 1.10 does compare attribute values.)
#
# Exit 0 passed, 1 failed, 2 usage, 77 skipped: not root, or Slurm/munge/h5diff absent
# ("SKIPPED: ..." says why). When zorgsim has no MPI (no "mpi: yes" in `zorgsim --version`)
# or mpirun is absent, steps 1-2 still run and must pass, then the test prints
# "SKIPPED (MPI part): ..." and exits 77, so that it is not counted as passed.
#
# The cluster lives in its own folder under /tmp (a unix socket path must be short) on a
# free pair of ports, and is stopped on every way out of this script.
set -euo pipefail

if [ "$#" -ne 3 ]; then
  echo "usage: $0 ZORGSIM_BINARY SOURCE_DIR WORK_DIR" >&2
  exit 2
fi
ZORGSIM="$(realpath -m "$1")"
SRC="$(realpath -m "$2")"
WORK="$(realpath -m "$3")"
SWEEP="$SRC/tests/data/sweep-small.yaml"
CLUSTER="$SRC/scripts/slurm/local-cluster.sh"
JOB_TIMEOUT=90   # seconds for any one sbatch --wait

# WORK_DIR is emptied first: it must not be the source folder or hold it.
if [ "$WORK" = "$SRC" ] || [[ "$SRC/" == "${WORK%/}/"* ]]; then
  echo "error: WORK_DIR '$WORK' is the source folder or holds it" >&2
  exit 2
fi

skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAILED: $*"; exit 1; }
t0=$SECONDS
log() { echo "[$((SECONDS - t0))s] $*"; }

# --- whether this test can run here --------------------------------------------------
[ "$(id -u)" -eq 0 ] || skip "not root (the local Slurm cluster runs its daemons as root)"
for tool in /usr/sbin/slurmctld /usr/sbin/slurmd /usr/sbin/munged sbatch sinfo squeue scontrol scancel munge; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool not found (Debian: apt-get install slurm-wlm munge)"
done
command -v h5diff >/dev/null 2>&1 || skip "h5diff not found (Debian: apt-get install hdf5-tools)"
[ -x "$ZORGSIM" ] || fail "zorgsim binary '$ZORGSIM' not found or not executable"
[ -r "$SWEEP" ] || fail "sweep file '$SWEEP' not found"
[ -r "$CLUSTER" ] || fail "'$CLUSTER' not found"

mpi_skip=""
version="$("$ZORGSIM" --version 2>&1 || true)"
if ! grep -Eq '^[[:space:]]*mpi:[[:space:]]*yes' <<<"$version"; then
  mpi_skip="zorgsim is built without MPI ('zorgsim --version' has no 'mpi: yes')"
elif ! command -v mpirun >/dev/null 2>&1; then
  mpi_skip="mpirun not found (Debian: apt-get install openmpi-bin)"
fi

# --- the cluster ----------------------------------------------------------------------
# Nothing of an enclosing Slurm job or of the caller's Slurm settings (SLURM_CONF,
# SBATCH_PARTITION, ...) may leak into the jobs submitted here.
while read -r var; do unset "$var"; done < <(compgen -e | grep -E '^(SLURM|SBATCH|SALLOC|SRUN)_' || true)
# (Without ss, a port counts as free; local-cluster.sh start then fails if it is not.)
port_free() { [ -z "$(ss -Htln "sport = :$1" 2>/dev/null || true)" ]; }
if [ -z "${ZORGSIM_SLURM_PORT:-}" ]; then
  for p in $(seq 16900 2 16998); do
    if port_free "$p" && port_free "$((p + 1))"; then ZORGSIM_SLURM_PORT=$p; break; fi
  done
  [ -n "${ZORGSIM_SLURM_PORT:-}" ] || fail "no free pair of TCP ports in 16900-16999"
fi
ZORGSIM_SLURM_DIR="$(mktemp -d /tmp/zorgsim-slurm-test.XXXXXX)"
export ZORGSIM_SLURM_DIR ZORGSIM_SLURM_PORT

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  bash "$CLUSTER" stop || true
  rm -rf "$ZORGSIM_SLURM_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$WORK"
mkdir -p "$WORK/array" "$WORK/mpi"

log "starting a local Slurm cluster in $ZORGSIM_SLURM_DIR (port $ZORGSIM_SLURM_PORT)"
bash "$CLUSTER" start || fail "the local Slurm cluster did not start"
eval "$(bash "$CLUSTER" env)"
export SLURM_CONF

# Slurm logs of the jobs in DIR, and the daemons' logs, when something went wrong.
show_job_logs() {
  local f
  for f in "$1"/slurm-*.out; do
    [ -e "$f" ] || continue
    echo "----- $f -----"
    cat "$f"
  done
  for f in "$ZORGSIM_SLURM_DIR"/log/slurmctld.log "$ZORGSIM_SLURM_DIR"/log/slurmd.log; do
    echo "----- $f (last 20 lines) -----"
    tail -n 20 "$f" || true
  done
}

# How `timeout sbatch --wait` ended, in words.
job_status() {
  if [ "$1" -eq 124 ]; then echo "was not done within ${JOB_TIMEOUT}s"; else echo "exited $1"; fi
}

# same REF OTHER WHAT: fail unless OTHER equals REF outside /provenance.
same() {
  local rc=0
  h5diff --exclude-path /provenance "$1" "$2" >/dev/null 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "h5diff -v --exclude-path /provenance $1 $2 (exit $rc; first 60 lines):"
    h5diff -v --exclude-path /provenance "$1" "$2" 2>&1 | head -n 60 || true
    fail "$3 differs from the single-process reference"
  fi
}

# --- 1. the reference -----------------------------------------------------------------
log "reference: zorgsim sweep $SWEEP -o $WORK/ref.h5"
(cd "$WORK" && "$ZORGSIM" sweep "$SWEEP" -o ref.h5) || fail "the reference sweep failed"

# --- 2. array job, then merge job -----------------------------------------------------
export ZORGSIM SWEEP
log "array job: sbatch --wait --array=0-2 sweep-array.sbatch"
rc=0
jid="$(cd "$WORK/array" && OUT_DIR="$WORK/array/shards" \
  timeout "$JOB_TIMEOUT" sbatch --parsable --wait --export=ALL --array=0-2 \
  "$SRC/scripts/slurm/sweep-array.sbatch")" || rc=$?
jid="${jid%%;*}"
if [ "$rc" -ne 0 ]; then
  show_job_logs "$WORK/array"
  fail "array job ${jid:-?} $(job_status "$rc")"
fi
for i in 0 1 2; do
  if [ ! -s "$WORK/array/shards/shard-$i.h5" ] \
     || ! grep -q "^sweep-array: shard $i/3 exit 0" "$WORK/array/slurm-zorgsim-sweep-${jid}_$i.out"; then
    show_job_logs "$WORK/array"
    fail "array task $i did not write shard-$i.h5 or did not end with exit 0"
  fi
done

log "merge job: sbatch --wait --dependency=afterok:$jid merge.sbatch"
rc=0
(cd "$WORK/array" && OUT_DIR="$WORK/array/shards" OUT="$WORK/array/merged.h5" SHARDS=3 \
  timeout "$JOB_TIMEOUT" sbatch --wait --quiet --export=ALL --dependency="afterok:$jid" \
  "$SRC/scripts/slurm/merge.sbatch") || rc=$?
if [ "$rc" -ne 0 ] || [ ! -s "$WORK/array/merged.h5" ]; then
  show_job_logs "$WORK/array"
  fail "merge job $(job_status "$rc"), or wrote no merged.h5"
fi
same "$WORK/ref.h5" "$WORK/array/merged.h5" "the merge of the 3 array shards"
log "array + merge: same as the reference"

# --- 3. MPI job -----------------------------------------------------------------------
if [ -z "$mpi_skip" ]; then
  log "MPI job: sbatch --wait --ntasks=2 sweep-mpi.sbatch"
  # On a 1-CPU host, 2 tasks need --overcommit (mpirun still gets 2 slots from Slurm).
  overcommit=()
  if [ "$(nproc)" -lt 2 ]; then overcommit=(--overcommit); fi
  rc=0
  (cd "$WORK/mpi" && OUT="$WORK/mpi/sweep.h5" \
    timeout "$JOB_TIMEOUT" sbatch --wait --quiet --export=ALL --ntasks=2 "${overcommit[@]}" \
    "$SRC/scripts/slurm/sweep-mpi.sbatch") || rc=$?
  if [ "$rc" -ne 0 ] || [ ! -s "$WORK/mpi/sweep.h5" ]; then
    show_job_logs "$WORK/mpi"
    fail "MPI job $(job_status "$rc"), or wrote no sweep.h5"
  fi
  same "$WORK/ref.h5" "$WORK/mpi/sweep.h5" "the 2-rank MPI sweep"
  log "MPI: same as the reference"
fi

log "stopping the cluster"
bash "$CLUSTER" stop
if [ -n "$mpi_skip" ]; then
  echo "SKIPPED (MPI part): $mpi_skip; the array part passed"
  exit 77
fi
log "PASSED"
