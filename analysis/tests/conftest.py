"""Fixtures: small result files made by the built zorgsim binary, once per test session.

ZORGSIM_BINARY names the binary (CTest sets it; default: build/zorgsim of this source tree).
The files are tiny (a twentieth of Almelo, a few years) so the whole suite runs in well under a
minute; what they contain is what zorgsim's C++ side writes, so the loaders are tested against
the real schema, and `printed` keeps what the C++ side printed, to check figures against.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "analysis"))  # the package, whichever folder pytest runs from
BINARY = Path(os.environ.get("ZORGSIM_BINARY", ROOT / "build" / "zorgsim"))
SMALL = ROOT / "tests" / "data" / "small.yaml"


def zorgsim(*args, check=True):
    """Runs the zorgsim binary; returns the completed process (stdout and stderr as text)."""
    if not BINARY.exists():
        pytest.fail(f"zorgsim binary {BINARY} not found (set ZORGSIM_BINARY)")
    p = subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True)
    if check and p.returncode != 0:
        pytest.fail(f"zorgsim {' '.join(map(str, args))} failed ({p.returncode}):\n{p.stderr}")
    return p


@pytest.fixture(scope="session")
def files(tmp_path_factory):
    return tmp_path_factory.mktemp("zorgsim-files")


@pytest.fixture(scope="session")
def run_file(files):
    out = files / "run.h5"
    zorgsim("run", SMALL, "-o", out, "-q", "--threads", "2")
    return out


@pytest.fixture(scope="session")
def comparison_run(files):
    """The comparison file and what `zorgsim compare` printed."""
    out = files / "compare.h5"
    p = zorgsim("compare", "baseline", "perspectiefnota-2026-2029", "adviesraad", "-c", SMALL, "--set",
                "run.end=2028-12", "--replicates", "3", "--attribution", "-o", out, "--threads", "2")
    return out, p.stdout


@pytest.fixture(scope="session")
def comparison_file(comparison_run):
    return comparison_run[0]


@pytest.fixture(scope="session")
def printed(comparison_run):
    return comparison_run[1]


def _sweep(files, name, design, parameters):
    text = (f"name: {name}\nset: [\"run.scale=0.02\", \"run.end=2028-12\"]\n"
            "scenarios: [baseline, perspectiefnota-2026-2029]\nseed: 3\nreplicates: 1\n"
            f"design: {design}\nbootstrap: 200\nparameters:\n{parameters}"
            "outputs:\n  - {indicator: cost.net_total, years: [2027, 2026-2028], name: net_cost}\n"
            "  - {indicator: youth.persons_by_tier, categories: [tier3_heavy], years: [2028], name: placements}\n")
    path = files / f"{name}.yaml"
    path.write_text(text)
    out = files / f"{name}.h5"
    zorgsim("sweep", path, "-o", out, "-q", "--threads", "2")
    return out


PARAMETERS = ("  - {path: youth.ambulant_duration}\n  - {path: youth.under_intensity_escalation}\n"
              "  - {measure: step-down-care-weight, effect: 0}\n")


@pytest.fixture(scope="session")
def sobol_file(files):
    return _sweep(files, "sobol", "{method: sobol, points: 8}", PARAMETERS)


@pytest.fixture(scope="session")
def morris_file(files):
    return _sweep(files, "morris", "{method: morris, levels: 4, trajectories: 3}", PARAMETERS)
