#!/usr/bin/env bash
# Installs zorgsim's build and test dependencies from Debian 12 packages.
# Idempotent: installs only what is missing. Needs root (or sudo) when something is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost-dev libboost-random-dev
  libtbb-dev
  libhdf5-dev hdf5-tools
  catch2
  librandom123-dev
  libyaml-cpp-dev
  libcli11-dev
  libopenmpi-dev openmpi-bin        # mpirun -n K zorgsim sweep (docs/CLUSTER.md)
  slurm-wlm munge                   # the test suite's single-node Slurm cluster (tests/cluster)
  python3-h5py python3-numpy python3-pandas python3-matplotlib python3-pytest   # analysis/ (run with /usr/bin/python3)
  chromium fonts-dejavu-core        # the report's rendering test (headless)
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing missing Debian packages: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup: need root to install: ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
