"""Loading zorgsim HDF5 files (run, comparison, sweep and shard files) into tidy pandas tables.

Every table has one row per value, with the columns the issue asks for: indicator, category,
scenario, replicate, year (or month), value and unit. Files of a schema version this package
does not know are refused with a message naming the file and both versions (docs/OUTPUT.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import h5py
import numpy as np
import pandas as pd

#: (kind, schema version) pairs this package reads.
KNOWN_SCHEMAS = {("run", 1), ("comparison", 1), ("sweep", 1), ("sweep-shard", 1)}


class SchemaError(ValueError):
    """A file that is not a zorgsim result this package can read."""


def _text(value) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.ndarray):
        return ", ".join(_text(v) for v in value.ravel())
    if isinstance(value, h5py.Empty):
        return ""
    return str(value)


def _texts(value) -> list[str]:
    if value is None or isinstance(value, h5py.Empty):
        return []
    if isinstance(value, (str, bytes)):
        return [_text(value)]
    return [_text(v) for v in np.asarray(value).ravel()]


def file_kind(f: h5py.File) -> str:
    """'run', 'comparison', 'sweep' or 'sweep-shard'."""
    if "kind" in f.attrs:
        return _text(f.attrs["kind"])
    if "comparison" in f or "scenarios" in f.attrs:
        return "comparison"
    return "run"


def check_schema(path: str | Path, f: h5py.File) -> str:
    """The file's kind; raises SchemaError when the kind or its schema version is unknown."""
    if "schema_version" not in f.attrs:
        raise SchemaError(f"{path}: not a zorgsim result file (no schema_version attribute)")
    kind = file_kind(f)
    version = int(f.attrs["schema_version"])
    if (kind, version) not in KNOWN_SCHEMAS:
        known = sorted(v for k, v in KNOWN_SCHEMAS if k == kind)
        raise SchemaError(
            f"{path}: a zorgsim {kind} file of schema version {version}; this analysis package reads "
            f"version {', '.join(map(str, known)) or 'none'} of that kind (update zorgsim/analysis together)"
        )
    return kind


@dataclass
class Result:
    """A loaded file: its kind, provenance attributes and tidy tables."""

    path: str
    kind: str
    attrs: dict = field(default_factory=dict)
    annual: pd.DataFrame | None = None       # run and comparison files
    monthly: pd.DataFrame | None = None      # only when asked for (large)
    differences: pd.DataFrame | None = None  # comparison: paired differences to the reference
    attribution: pd.DataFrame | None = None  # comparison --attribution
    scenarios: list[str] = field(default_factory=list)
    measures: dict = field(default_factory=dict)  # scenario -> measure ids
    reference: str = ""
    sweep: "Sweep | None" = None


@dataclass
class Sweep:
    """A sweep file: the design, the kept outputs and the sensitivity indices."""

    parameters: pd.DataFrame   # name, path, measure, unit, distribution, low, high, source
    design: pd.DataFrame       # point, parameter, unit_value, value
    outputs: pd.DataFrame      # point, replicate, scenario, column, output, indicator, category, year, value, unit
    columns: pd.DataFrame      # column, output, indicator, categories, unit, first_year, last_year
    sobol: pd.DataFrame | None  # target, column, parameter, first, first_low, first_high, total, total_low, total_high
    morris: pd.DataFrame | None  # target, column, parameter, mu, mu_star, sigma
    method: str = ""
    targets: list[str] = field(default_factory=list)


def _indicator_frames(group: h5py.Group, prefix: str, leading: str, scenario: str) -> list[pd.DataFrame]:
    """Every indicator dataset under `group` as tidy rows; `leading` names the first axis."""
    frames: list[pd.DataFrame] = []

    def visit(name, obj):
        if not isinstance(obj, h5py.Dataset):
            return
        data = obj[...]
        dims = _text(obj.attrs.get("dimensions", "")).split(",")
        cats = _texts(obj.attrs.get("categories"))
        frames.append(_tidy(data, dims, cats, prefix, name, _text(obj.attrs.get("units", "")), scenario, leading))

    group.visititems(visit)
    return frames


def _tidy(data, dims, cats, prefix, name, unit, scenario, time_axis):
    """One dataset [replicate, time(, category)] as rows."""
    indicator = name.replace("/", ".")
    if data.ndim == 2:
        data = data[:, :, None]
        cats = [""]
    n_rep, n_t, n_c = data.shape
    rep, t, c = np.meshgrid(np.arange(n_rep), np.arange(n_t), np.arange(n_c), indexing="ij")
    return pd.DataFrame(
        {
            "indicator": indicator,
            "category": np.asarray(cats, dtype=object)[c.ravel()] if cats else "",
            "scenario": scenario,
            "replicate": rep.ravel(),
            time_axis: t.ravel(),
            "value": data.ravel(),
            "unit": unit,
        }
    )


def _with_calendar(df: pd.DataFrame, f: h5py.File, axis: str) -> pd.DataFrame:
    if axis == "year":
        years = f["time/year"][...]
        df["year"] = years[df["year"].to_numpy()]
    else:
        months = f["time/month"][...]
        df["month"] = months[df["month"].to_numpy()]
    return df


def _run_tables(f: h5py.File, root: str, scenario: str, monthly: bool):
    annual = pd.concat(_indicator_frames(f[f"{root}annual"], "annual", "year", scenario), ignore_index=True)
    annual = _with_calendar(annual, f, "year")
    month_df = None
    if monthly:
        month_df = pd.concat(_indicator_frames(f[f"{root}monthly"], "monthly", "month", scenario), ignore_index=True)
        month_df = _with_calendar(month_df, f, "month")
    return annual, month_df


def _differences(f: h5py.File, scenarios: list[str]) -> pd.DataFrame:
    """The /comparison group: mean, se, ci_low, ci_high per scenario, year, category."""
    rows = []
    years = f["time/year"][...]

    def visit(name, obj):
        if not isinstance(obj, h5py.Group) or "mean" not in obj:
            return
        cats = _texts(obj["mean"].attrs.get("categories")) or [""]
        unit = _text(obj["mean"].attrs.get("units", ""))
        stats = {k: obj[k][...] for k in ("mean", "se", "ci_low", "ci_high")}
        shape = stats["mean"].shape
        for s in range(shape[0]):
            for y in range(shape[1]):
                for c in range(len(cats)):
                    at = (s, y, c) if len(shape) == 3 else (s, y)
                    rows.append(
                        (name.replace("/", "."), cats[c], scenarios[s], int(years[y]),
                         *(float(stats[k][at]) for k in ("mean", "se", "ci_low", "ci_high")), unit)
                    )

    f["comparison"].visititems(visit)
    return pd.DataFrame(rows, columns=["indicator", "category", "scenario", "year", "mean", "se", "ci_low", "ci_high", "unit"])


def _attribution(f: h5py.File) -> pd.DataFrame | None:
    if "attribution" not in f:
        return None
    rows = []
    years = f["time/year"][...]
    for scenario, g in f["attribution"].items():
        measures = _texts(g.attrs.get("measures"))

        def visit(name, obj, scenario=scenario, measures=measures):
            if not isinstance(obj, h5py.Group) or "package" not in obj:
                return
            cats = _texts(obj["package"].attrs.get("categories")) or [""]
            unit = _text(obj["package"].attrs.get("units", ""))
            for term in ("package", "interaction"):
                v, se = obj[term][...], obj[term + "_se"][...]
                for y in range(v.shape[0]):
                    for c in range(len(cats)):
                        at = (y, c) if v.ndim == 2 else (y,)
                        rows.append((scenario, name.replace("/", "."), cats[c], term, "", int(years[y]), float(v[at]), float(se[at]), unit))
            for term in ("alone", "marginal"):
                v, se = obj[term][...], obj[term + "_se"][...]
                for m in range(v.shape[0]):
                    for y in range(v.shape[1]):
                        for c in range(len(cats)):
                            at = (m, y, c) if v.ndim == 3 else (m, y)
                            rows.append((scenario, name.replace("/", "."), cats[c], term, measures[m], int(years[y]), float(v[at]), float(se[at]), unit))

        g.visititems(visit)
    return pd.DataFrame(rows, columns=["scenario", "indicator", "category", "term", "measure", "year", "value", "se", "unit"])


def _sweep(f: h5py.File) -> Sweep:
    d = f["design"]
    names = _texts(d.attrs["parameter_names"])
    parameters = pd.DataFrame(
        {
            "name": names,
            "path": _texts(d.attrs["parameter_paths"]),
            "measure": _texts(d.attrs["parameter_measures"]),
            "unit": _texts(d.attrs["parameter_units"]),
            "distribution": _texts(d.attrs["distributions"]),
            "low": d["low"][...],
            "high": d["high"][...],
            "source": _texts(d.attrs["range_sources"]),
        }
    )
    unit, values = d["unit"][...], d["values"][...]
    P, K = values.shape
    p, k = np.meshgrid(np.arange(P), np.arange(K), indexing="ij")
    design = pd.DataFrame({"point": p.ravel(), "parameter": np.asarray(names, dtype=object)[k.ravel()],
                           "unit_value": unit.ravel(), "value": values.ravel()})
    o = f["outputs"]
    cols = pd.DataFrame(
        {
            "column": _texts(o.attrs["columns"]),
            "output": _texts(o.attrs["outputs"]),
            "indicator": _texts(o.attrs["indicators"]),
            "categories": _texts(o.attrs["categories"]),
            "unit": _texts(o.attrs["units"]),
            "first_year": o["first_year"][...],
            "last_year": o["last_year"][...],
        }
    )
    scenarios = _texts(f["scenarios"].attrs["names"])
    v = o["values"][...]
    done = o["done"][...]
    P, R, S, C = v.shape
    pi, ri, si, ci = np.meshgrid(np.arange(P), np.arange(R), np.arange(S), np.arange(C), indexing="ij")
    years = np.where(cols["first_year"] == cols["last_year"], cols["first_year"].astype(str),
                     cols["first_year"].astype(str) + "-" + cols["last_year"].astype(str))
    outputs = pd.DataFrame(
        {
            "point": pi.ravel(), "replicate": ri.ravel(),
            "scenario": np.asarray(scenarios, dtype=object)[si.ravel()],
            "column": cols["column"].to_numpy()[ci.ravel()],
            "output": cols["output"].to_numpy()[ci.ravel()],
            "indicator": cols["indicator"].to_numpy()[ci.ravel()],
            "category": cols["categories"].to_numpy()[ci.ravel()],
            "year": years[ci.ravel()],
            "value": v.ravel(),
            "unit": cols["unit"].to_numpy()[ci.ravel()],
            "done": done[pi.ravel(), ri.ravel(), si.ravel()].astype(bool),
        }
    )
    sobol = morris = None
    targets: list[str] = []
    if "sensitivity" in f:
        targets = _texts(f["sensitivity"].attrs["targets"])

        def table(g, keys):
            T, Cc, Kk = g[keys[0]].shape
            ti, cj, kk = np.meshgrid(np.arange(T), np.arange(Cc), np.arange(Kk), indexing="ij")
            data = {"target": np.asarray(targets, dtype=object)[ti.ravel()],
                    "column": cols["column"].to_numpy()[cj.ravel()],
                    "parameter": np.asarray(names, dtype=object)[kk.ravel()]}
            for key in keys:
                data[key] = g[key][...].ravel()
            return pd.DataFrame(data)

        if "sobol" in f["sensitivity"]:
            sobol = table(f["sensitivity/sobol"], ["first", "first_low", "first_high", "total", "total_low", "total_high"])
        if "morris" in f["sensitivity"]:
            morris = table(f["sensitivity/morris"], ["mu", "mu_star", "sigma"])
    return Sweep(parameters, design, outputs, cols, sobol, morris, _text(d.attrs["method"]), targets)


def run_scale(r: Result) -> float:
    """The run.scale of the file's configuration (1 = the whole municipality)."""
    import re

    m = re.search(r"\n  scale: \{value: ([0-9.eE+-]+)", r.attrs.get("config_yaml", ""))
    return float(m.group(1)) if m else 1.0


def load(path: str | Path, monthly: bool = False) -> Result:
    """Loads a run, comparison, sweep or shard file. `monthly`: also the monthly series."""
    path = str(path)
    try:
        f = h5py.File(path, "r")
    except OSError as e:
        raise SchemaError(f"{path}: cannot open as HDF5 ({e})") from None
    with f:
        kind = check_schema(path, f)
        attrs = {k: _text(v) for k, v in f.attrs.items()}
        r = Result(path=path, kind=kind, attrs=attrs)
        if kind == "run":
            scenario = attrs.get("scenario") or "baseline"
            r.scenarios = [scenario]
            r.measures = {scenario: _texts(f.attrs.get("measures"))}
            r.annual, r.monthly = _run_tables(f, "", scenario, monthly)
        elif kind == "comparison":
            r.reference = attrs.get("scenario", "")
            r.scenarios = _texts(f.attrs["scenarios"])
            frames, months = [], []
            for s in r.scenarios:
                a, m = _run_tables(f, f"scenarios/{s}/", s, monthly)
                frames.append(a)
                if m is not None:
                    months.append(m)
                r.measures[s] = _texts(f[f"scenarios/{s}"].attrs.get("measures"))
            r.annual = pd.concat(frames, ignore_index=True)
            r.monthly = pd.concat(months, ignore_index=True) if months else None
            r.differences = _differences(f, _texts(f["comparison"].attrs["scenarios"]))
            r.attribution = _attribution(f)
        else:
            r.sweep = _sweep(f)
            r.scenarios = _texts(f["scenarios"].attrs["names"])
            r.reference = r.scenarios[0]
            for s, m in zip(r.scenarios, _texts(f["scenarios"].attrs["measures"])):
                r.measures[s] = [x for x in m.split(", ") if x]
            if "provenance" in f:
                r.attrs.update({f"provenance.{k}": _text(v) for k, v in f["provenance"].attrs.items()})
            r.attrs["design.seed"] = _text(f["design"].attrs["seed"])
            r.attrs["seeds"] = ", ".join(str(x) for x in sorted(set(f["seeds"][...].ravel().tolist()))[:8])
        return r
