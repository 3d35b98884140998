"""docs/TUTORIAL.md: every command of steps 2 to 6 runs, in order, and does what the text says,
on a hundredth of Almelo (the scale is the only change; steps 1's clone and build are what
`scripts/test.sh` itself does)."""
import re
import subprocess
from pathlib import Path

import h5py

from conftest import BINARY, ROOT


def commands():
    text = (ROOT / "docs" / "TUTORIAL.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    return [line for line in lines if line.startswith(("build/zorgsim", "PYTHONPATH="))]


def small(command):
    """The same command on a hundredth of the population (and 2 replicates)."""
    command = command.replace("build/zorgsim", str(BINARY), 1)
    if " compare " in command:
        command = re.sub(r"--replicates \d+", "--replicates 2", command) + " --scale 0.01"
    if " sweep " in command:
        command += " --set run.scale=0.01"
    return command


def test_every_tutorial_command_runs(tmp_path):
    for name in ("analysis", "configs"):
        (tmp_path / name).symlink_to(ROOT / name)
    (tmp_path / "outputs").mkdir()
    cmds = commands()
    assert len(cmds) == 6  # compare, sweep, two reports, plots, python
    outputs = []
    for c in cmds:
        p = subprocess.run(small(c), shell=True, cwd=tmp_path, executable="/bin/bash", capture_output=True, text=True)
        assert p.returncode == 0, f"{c}\n{p.stderr[-3000:]}"
        outputs.append(p.stdout)
    out = tmp_path / "outputs"
    assert "perspectiefnota-2026-2029 versus baseline" in outputs[0] and "adviesraad versus baseline" in outputs[0]
    with h5py.File(out / "tutorial-compare.h5") as f:
        assert "attribution/perspectiefnota-2026-2029" in f and "attribution/adviesraad" in f
    assert "first order S_i" in outputs[1]
    report, rapport = (out / "tutorial-report.html").read_text(), (out / "tutorial-rapport.html").read_text()
    assert 'id="fig-savings_waterfall-adviesraad"' in report and 'id="fig-tornado"' in report
    assert "Kerncijfers" in rapport
    for png in ("tornado.png", "sobol_indices.png"):
        assert (out / "tutorial-sweep-pictures" / png).stat().st_size > 10_000
    assert "cost.net_total" in outputs[5]
