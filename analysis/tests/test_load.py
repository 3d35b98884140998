"""Loaders: tidy tables equal the HDF5 datasets, comparison figures equal what `zorgsim compare`
printed, sweep tables have the design's shape, and unknown schema versions are refused."""
import re
import shutil

import h5py
import numpy as np
import pytest

from zorgsim_analysis import SchemaError, load

COLUMNS = ["indicator", "category", "scenario", "replicate", "year", "value", "unit"]


def test_run_file_is_a_tidy_table_equal_to_the_datasets(run_file):
    r = load(run_file, monthly=True)
    assert r.kind == "run"
    assert list(r.annual.columns) == COLUMNS
    with h5py.File(run_file) as f:
        raw = f["annual/cost/by_law"][...]          # [replicate, year, law]
        years = list(f["time/year"][...])
        months = f["monthly/youth/stock_by_state"][...]
    laws = ["jeugdwet", "wmo", "participatiewet", "schuldhulpverlening"]
    t = r.annual[r.annual.indicator == "cost.by_law"]
    assert len(t) == raw.size
    for rep in range(raw.shape[0]):
        for y, year in enumerate(years):
            for k, law in enumerate(laws):
                row = t[(t.replicate == rep) & (t.year == year) & (t.category == law)]
                assert row.value.item() == raw[rep, y, k]
                assert row.unit.item() == "EUR"
    m = r.monthly[r.monthly.indicator == "youth.stock_by_state"]
    assert len(m) == months.size
    assert sorted(m.month.unique())[0] == 202501  # calendar months, YYYYMM
    # A scalar indicator has one row per replicate and year, with an empty category.
    n = r.annual[r.annual.indicator == "cost.net_total"]
    assert len(n) == raw.shape[0] * len(years) and set(n.category) == {""}


def _printed_row(printed, scenario, label):
    """The values of one row of `zorgsim compare`'s table for `scenario`, by year."""
    block = printed.split(f"== {scenario} versus")[1]
    lines = block.splitlines()
    years = [int(y) for y in lines[1].split()]
    for line in lines:
        if line.strip().startswith(label):
            values = re.findall(r"-?\d+\.\d+|-?\d+", line[2 + 34:])
            return dict(zip(years, map(float, values)))
    raise AssertionError(f"no row {label} in the printed table")


def test_comparison_differences_equal_the_printed_table(comparison_file, printed):
    r = load(comparison_file)
    assert r.kind == "comparison" and r.reference == "baseline"
    assert r.scenarios == ["baseline", "perspectiefnota-2026-2029", "adviesraad"]
    d = r.differences
    for scenario in r.scenarios[1:]:
        net = _printed_row(printed, scenario, "net, modelled (cost.net_total)")
        jw = _printed_row(printed, scenario, "jeugdwet")
        assert len(net) >= 2
        for year, value in net.items():
            mean = d[(d.indicator == "cost.net_total") & (d.scenario == scenario) & (d.year == year)]["mean"].item()
            assert round(-mean / 1e6, 2) == pytest.approx(value, abs=0.0051)  # printed: a saving, EUR M, 2 decimals
        for year, value in jw.items():
            mean = d[(d.indicator == "cost.by_law") & (d.category == "jeugdwet") & (d.scenario == scenario)
                     & (d.year == year)]["mean"].item()
            assert round(-mean / 1e6, 2) == pytest.approx(value, abs=0.0051)
    # and equal to the datasets
    with h5py.File(comparison_file) as f:
        raw = f["comparison/cost/by_law/ci_low"][...]
    row = d[(d.indicator == "cost.by_law") & (d.category == "wmo") & (d.scenario == "adviesraad")].sort_values("year")
    assert np.array_equal(row.ci_low.to_numpy(), raw[1, :, 1])


def test_attribution_has_every_measure_and_closes(comparison_file):
    r = load(comparison_file)
    a = r.attribution
    pn = a[(a.scenario == "perspectiefnota-2026-2029") & (a.indicator == "cost.net_total")]
    measures = r.measures["perspectiefnota-2026-2029"]
    assert set(pn[pn.term == "alone"].measure) == set(measures)
    # sum of alone + interaction == package, every year (the C++ side's identity)
    for year in pn.year.unique():
        y = pn[pn.year == year]
        total = y[y.term == "alone"].value.sum() + y[y.term == "interaction"].value.sum()
        assert total == pytest.approx(y[y.term == "package"].value.item(), rel=1e-9, abs=1e-6)


def test_sweep_tables_have_the_designs_shape(sobol_file, morris_file):
    s = load(sobol_file)
    assert s.kind == "sweep" and s.sweep.method == "sobol"
    P, K = 8 * (3 + 2), 3
    assert len(s.sweep.design) == P * K
    assert len(s.sweep.outputs) == P * 1 * 2 * 3      # points x replicates x scenarios x columns
    assert s.sweep.outputs.done.all()
    assert s.sweep.targets == ["baseline", "perspectiefnota-2026-2029", "perspectiefnota-2026-2029 - baseline"]
    assert len(s.sweep.sobol) == 3 * 3 * K
    with h5py.File(sobol_file) as f:
        total = f["sensitivity/sobol/total"][...]
        values = f["outputs/values"][...]
    row = s.sweep.sobol[(s.sweep.sobol.target == s.sweep.targets[2]) & (s.sweep.sobol.column == "net_cost 2027")]
    assert np.array_equal(row.total.to_numpy(), total[2, 0, :])
    o = s.sweep.outputs
    x = o[(o.point == 5) & (o.scenario == "perspectiefnota-2026-2029") & (o.column == "placements 2028")].value.item()
    assert x == values[5, 0, 1, 2]
    m = load(morris_file)
    assert m.sweep.method == "morris" and m.sweep.sobol is None and len(m.sweep.morris) == 3 * 3 * K
    assert list(m.sweep.parameters.name) == ["youth.ambulant_duration", "youth.under_intensity_escalation",
                                             "step-down-care-weight: youth.ambulant_duration"]


def test_unknown_schema_versions_and_foreign_files_are_refused(run_file, sobol_file, tmp_path):
    newer = tmp_path / "newer.h5"
    shutil.copy(run_file, newer)
    with h5py.File(newer, "r+") as f:
        f.attrs["schema_version"] = 99
    with pytest.raises(SchemaError, match=r"newer\.h5: a zorgsim run file of schema version 99; .* reads version 1"):
        load(newer)
    sweep = tmp_path / "sweep.h5"
    shutil.copy(sobol_file, sweep)
    with h5py.File(sweep, "r+") as f:
        f.attrs["schema_version"] = 2
    with pytest.raises(SchemaError, match="sweep file of schema version 2"):
        load(sweep)
    foreign = tmp_path / "foreign.h5"
    with h5py.File(foreign, "w") as f:
        f["x"] = [1, 2, 3]
    with pytest.raises(SchemaError, match="not a zorgsim result file"):
        load(foreign)
    text = tmp_path / "notes.h5"
    text.write_text("not HDF5")
    with pytest.raises(SchemaError, match="cannot open as HDF5"):
        load(text)
