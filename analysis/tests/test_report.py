"""`zorgsim report`: every section, the key table's numbers equal the file's, Dutch labels, bad
input refused without output, and the page renders in headless Chromium without console errors."""
import re
import shutil
import subprocess
from html.parser import HTMLParser

import h5py
import matplotlib.image
import pytest

from conftest import zorgsim

SECTIONS = ["question", "scenarios", "key", "pictures", "assumptions", "provenance"]
CHROMIUM = shutil.which("chromium")


class Tables(HTMLParser):
    """The text of every table cell, per table, per row; and the section and figure ids."""

    def __init__(self):
        super().__init__()
        self.tables, self.ids, self._cell = [], [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(self._cell.strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


@pytest.fixture(scope="module")
def report(comparison_file, sobol_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    p = zorgsim("report", comparison_file, "--sweep", sobol_file, "-o", out)
    assert f"wrote {out}" in p.stdout
    return out


def parsed(path):
    t = Tables()
    t.feed(path.read_text(encoding="utf-8"))
    return t


def test_report_has_every_section_and_picture(report):
    t = parsed(report)
    for s in SECTIONS:
        assert s in t.ids, s
    for fig in ["fan_chart_cost", "placements_by_form", "waiting_lists", "clients_per_tier",
                "savings_waterfall-perspectiefnota-2026-2029", "savings_waterfall-adviesraad",
                "unmet_need_by_income", "tornado", "sobol_indices"]:
        assert f"fig-{fig}" in t.ids, fig
    text = report.read_text()
    assert "<script" not in text and "http://" not in text and "https://" not in text  # self-contained
    assert len(re.findall(r'src="data:image/png;base64,', text)) == 9
    assert "population x 0.02" in text  # the sweep's own scale is said


def fmt(x):
    s = f"{x:.2f}"
    return s[1:] if s.startswith("-") and float(s) == 0 else s


def test_key_table_numbers_equal_the_file(report, comparison_file):
    t = parsed(report)
    key = [tab for tab in t.tables if tab and tab[0][0] == "figure"]
    assert len(key) == 2  # one per scenario against the reference
    with h5py.File(comparison_file) as f:
        years = list(f["time/year"][...])
        mean = f["comparison/cost/net_total/mean"][...]
        low = f["comparison/cost/net_total/ci_low"][...]
        high = f["comparison/cost/net_total/ci_high"][...]
        law_mean = f["comparison/cost/by_law/mean"][...]
        tier = {s: f[f"scenarios/{s}/annual/youth/persons_by_tier"][...] for s in
                ["baseline", "perspectiefnota-2026-2029", "adviesraad"]}
    for s, tab in enumerate(key):
        assert tab[0][1:] == [str(y) for y in years]
        rows = {r[0]: r[1:] for r in tab[1:]}
        net = rows["Net saving, modelled (EUR M)"]
        for y in range(len(years)):
            value, interval = net[y].split("[")
            assert value.rstrip("*").strip() == fmt(-mean[s, y] / 1e6)  # a saving: minus the cost difference
            assert interval.rstrip("]") == f"{fmt(-high[s, y] / 1e6)}, {fmt(-low[s, y] / 1e6)}"
            jw = rows["Saving, Jeugdwet (EUR M)"][y].split("[")[0].rstrip("*").strip()
            assert jw == fmt(-law_mean[s, y, 0] / 1e6)
            # placements: the mean over replicates of the paired difference of tier 3 at year end
            name = ["perspectiefnota-2026-2029", "adviesraad"][s]
            d = (tier[name][:, y, 3] - tier["baseline"][:, y, 3]).mean()
            placed = rows["Out-of-home placements (year end)"][y].split("[")[0].rstrip("*").strip()
            assert placed == (f"{d:.1f}"[1:] if f"{d:.1f}" == "-0.0" else f"{d:.1f}")


def test_assumptions_section_ranks_the_sweeps_parameters(report, sobol_file):
    t = parsed(report)
    table = next(tab for tab in t.tables if tab and tab[0] == ["parameter", "S_i", "ST_i"])
    with h5py.File(sobol_file) as f:
        total = f["sensitivity/sobol/total"][2, 0, :]  # the difference to the reference, first column
        names = [n.decode() if isinstance(n, bytes) else n for n in f["design"].attrs["parameter_names"]]
    order = [names[k] for k in sorted(range(len(names)), key=lambda k: -total[k])]
    assert [row[0] for row in table[1:]] == order
    assert table[1][2].startswith(f"{max(total):.3f}")


def test_dutch_labels(comparison_file, tmp_path):
    out = tmp_path / "rapport.html"
    zorgsim("report", comparison_file, "-o", out, "--lang", "nl")
    text = out.read_text()
    for word in ["Kerncijfers", "De vraag", "Herkomst", "Netto besparing"]:
        assert word in text
    assert "Er is geen gevoeligheidsanalyse meegegeven" in text  # no sweep given
    # Decimal commas in the key table (a Dutch reader takes "3.30" for 3,300), intervals with ";".
    cells = re.findall(r'<span class="ci">\[([^\]]*)\]</span>', text)
    assert cells and all(";" in c and "." not in c for c in cells)
    assert re.search(r'<span class="v">-?\d+,\d\d\*?</span>', text)


def test_bad_input_is_refused_without_output(run_file, tmp_path):
    foreign = tmp_path / "foreign.h5"
    with h5py.File(foreign, "w") as f:
        f["x"] = [1]
    out = tmp_path / "r.html"
    p = zorgsim("report", foreign, "-o", out, check=False)
    assert p.returncode == 2 and "not a zorgsim result file" in p.stderr
    p = zorgsim("report", tmp_path / "absent.h5", "-o", out, check=False)
    assert p.returncode == 2
    p = zorgsim("report", run_file, "-o", tmp_path / "no-such-folder" / "r.html", check=False)
    assert p.returncode == 2 and "does not exist" in p.stderr
    p = zorgsim("report", run_file, "-o", out, "--lang", "fr", check=False)
    assert p.returncode == 2
    p = zorgsim("report", run_file, "-o", run_file, "--overwrite", check=False)  # never its own input
    assert p.returncode == 2 and "its own input" in p.stderr
    existing = tmp_path / "old.html"
    existing.write_text("keep")
    p = zorgsim("report", run_file, "-o", existing, check=False)
    assert p.returncode == 2 and "--overwrite" in p.stderr and existing.read_text() == "keep"
    existing.unlink()
    assert sorted(x.name for x in tmp_path.iterdir()) == ["foreign.h5"]  # nothing written, no temporaries


def render(page, png, tmp_path):
    """Renders `page` in headless Chromium to `png`; returns the console messages it logged."""
    assert CHROMIUM, "chromium is missing (scripts/setup.sh installs Debian's chromium)"
    p = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars", "--window-size=1200,3000",
         f"--screenshot={png}", "--enable-logging=stderr", "--v=0", f"file://{page}"],
        capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    return [line for line in p.stderr.splitlines() if ":CONSOLE" in line]


def test_report_renders_in_chromium_without_console_errors(report, tmp_path):
    # The check can fail: a page with a script error is caught.
    bad = tmp_path / "bad.html"
    bad.write_text('<html><body><p>x</p><script>console.error("boom"); missing();</script></body></html>')
    assert any("boom" in m for m in render(bad, tmp_path / "bad.png", tmp_path))
    png = tmp_path / "report.png"
    assert render(report, png, tmp_path) == []
    image = matplotlib.image.imread(png)
    assert image.shape[0] == 3000 and image.shape[1] == 1200
    assert image[..., :3].std() > 0.05  # not a blank page: text, tables and pictures
