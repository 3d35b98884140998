"""The council report: one self-contained HTML file (images embedded, no scripts) from a zorgsim
comparison, run or sweep file, optionally with a sweep that says which assumptions drive the
result. Sections: the question, the scenarios and their measures, the key table, the pictures,
the assumptions, the provenance (docs/TUTORIAL.md shows it end to end).
"""
from __future__ import annotations

import base64
import html
import io
import os
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from . import plots  # noqa: E402
from .load import Result, load, run_scale  # noqa: E402

TEXT = {
    "en": {
        "title": "zorgsim report",
        "question": "The question",
        "scenarios": "Scenarios and their measures",
        "key": "Key figures",
        "pictures": "Pictures",
        "assumptions": "The assumptions that drive the result",
        "provenance": "Provenance",
        "scenario": "scenario",
        "measures": "measures",
        "reference": "reference",
        "none": "none (the reference)",
        "row": "figure",
        "no_sweep": "No sweep was given. The measures' effect sizes and many model rates are assumptions with a "
                    "plausible range (docs/MEASURES.md, docs/PARAMETERS.md); run a sweep (docs/SWEEPS.md) and pass it "
                    "with --sweep to see which of them drive these figures.",
        "interval": "mean of the paired difference to the reference over replicates, with its 95% interval in brackets; "
                    "money in EUR million (a saving is positive), persons as counts (means over replicates, one decimal)",
        "ci_note": "* the 95% interval excludes zero",
        "not_available": "not available in this file",
    },
    "nl": {
        "title": "zorgsim-rapport",
        "question": "De vraag",
        "scenarios": "Scenario's en hun maatregelen",
        "key": "Kerncijfers",
        "pictures": "Figuren",
        "assumptions": "De aannames die de uitkomst bepalen",
        "provenance": "Herkomst",
        "scenario": "scenario",
        "measures": "maatregelen",
        "reference": "referentie",
        "none": "geen (de referentie)",
        "row": "cijfer",
        "no_sweep": "Er is geen gevoeligheidsanalyse meegegeven. De effectgroottes van de maatregelen en veel "
                    "modelparameters zijn aannames met een plausibele bandbreedte (docs/MEASURES.md, "
                    "docs/PARAMETERS.md); draai een sweep (docs/SWEEPS.md) en geef die mee met --sweep om te zien "
                    "welke ervan deze cijfers bepalen.",
        "interval": "gemiddelde van het gepaarde verschil met de referentie over replicaties, met het 95%-interval "
                    "tussen haken; geld in miljoen euro (een besparing is positief), personen als aantallen (gemiddelden over replicaties, één decimaal)",
        "ci_note": "* het 95%-interval sluit nul uit",
        "not_available": "niet beschikbaar in dit bestand",
    },
}

# Rows of the key table: (indicator, category, English label, Dutch label, sign, scale).
# sign -1 turns a cost difference into a saving; scale 1e-6 gives EUR million.
KEY_ROWS = [
    ("cost.by_law", "jeugdwet", "Saving, Jeugdwet (EUR M)", "Besparing Jeugdwet (mln euro)", -1, 1e-6),
    ("cost.by_law", "wmo", "Saving, Wmo (EUR M)", "Besparing Wmo (mln euro)", -1, 1e-6),
    ("cost.by_law", "participatiewet", "Saving, Participatiewet (EUR M)", "Besparing Participatiewet (mln euro)", -1, 1e-6),
    ("cost.by_law", "schuldhulpverlening", "Saving, debt help (EUR M)", "Besparing schuldhulpverlening (mln euro)", -1, 1e-6),
    ("revenue.copayment", "", "Co-payment revenue (EUR M)", "Opbrengst eigen bijdrage (mln euro)", 1, 1e-6),
    ("cost.net_total", "", "Net saving, modelled (EUR M)", "Netto besparing, gemodelleerd (mln euro)", -1, 1e-6),
    ("youth.persons_by_tier", "tier3_heavy", "Out-of-home placements (year end)", "Uithuisplaatsingen (eind jaar)", 1, 1),
    ("youth.placement_starts", None, "Placement starts (in the year)", "Nieuwe uithuisplaatsingen (in het jaar)", 1, 1),
    ("wijkteam.queue", None, "Children in the local team's queue", "Kinderen in de wachtrij van het wijkteam", 1, 1),
    ("provisions.waiting", None, "Waiting for a place", "Wachtend op een plek", 1, 1),
    ("youth.unmet_need_by_income_class", "le_100pct", "Unmet youth need, income <= 100% of the minimum",
     "Onvervulde hulpvraag jeugd, inkomen <= 100% minimum", 1, 1),
    ("wmo.unmet_need_by_income_class", "le_100pct", "Unmet adult need, income <= 100% of the minimum",
     "Onvervulde vraag volwassenen, inkomen <= 100% minimum", 1, 1),
    ("youth.escalations_by_income_class", "le_100pct", "Youth escalations, income <= 100% (year)",
     "Escalaties jeugd, inkomen <= 100% (jaar)", 1, 1),
    ("wijkteam.wmo_queue", None, "Adults in the local team's queue", "Volwassenen in de wachtrij van het wijkteam", 1, 1),
    ("youth.unmet_need_by_income_class", None, "Unmet youth need, all incomes", "Onvervulde hulpvraag jeugd, alle inkomens", 1, 1),
    ("wmo.unmet_need_by_income_class", None, "Unmet adult need, all incomes", "Onvervulde vraag volwassenen, alle inkomens", 1, 1),
    ("youth.escalations_by_income_class", None, "Youth escalations, all incomes (year)", "Escalaties jeugd, alle inkomens (jaar)", 1, 1),
    ("wmo.escalations_by_income_class", None, "Adult escalations, all incomes (year)", "Escalaties volwassenen, alle inkomens (jaar)", 1, 1),
]


def _t975(df: int) -> float:
    """Student's t quantile 0.975 (as zorgsim's C++ side; a table, then the normal's 1.96)."""
    table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
             2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
             2.045, 2.042]
    if 1 <= df <= len(table):
        return table[df - 1]
    z, n = 1.959963984540054, float(df)  # Cornish-Fisher, as sim/comparison.cpp
    return z + (z ** 3 + z) / (4 * n) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * n * n)


def key_table(r: Result, scenario: str) -> list[dict]:
    """Rows of the key table for one scenario against the reference: per year the mean and the
    95% interval of the paired difference (sum of categories when category is None), from the
    replicates in the file (exactly /comparison's figures for a single category)."""
    a = r.annual
    rows = []
    years = sorted(a["year"].unique())
    for indicator, category, en, nl, sign, scale in KEY_ROWS:
        sel = a[a["indicator"] == indicator]
        if sel.empty:
            continue
        if category is not None:
            sel = sel[sel["category"] == category]
        per = sel.groupby(["scenario", "replicate", "year"])["value"].sum()
        cells = []
        for y in years:
            d = (per.loc[scenario].xs(y, level="year") - per.loc[r.reference].xs(y, level="year")).to_numpy()
            mean = float(np.mean(d))
            n = len(d)
            half = _t975(n - 1) * float(np.std(d, ddof=1)) / np.sqrt(n) if n > 1 else 0.0
            lo, hi = mean - half, mean + half
            if sign < 0:
                mean, lo, hi = -mean, -hi, -lo
            cells.append({"year": int(y), "mean": mean * scale, "low": lo * scale, "high": hi * scale})
        rows.append({"indicator": indicator, "category": category, "label_en": en, "label_nl": nl,
                     "scale": scale, "cells": cells})
    return rows


def _fmt(x: float, scale: float, lang: str = "en") -> str:
    """EUR million with 2 decimals, persons with 1; no "-0" for a value that rounds to zero; a
    decimal comma in Dutch (a Dutch reader takes "3.30" for 3,300)."""
    text = f"{x:.2f}" if scale != 1 else f"{x:.1f}"
    text = text[1:] if text.startswith("-") and float(text) == 0 else text
    return text.replace(".", ",") if lang == "nl" else text


def _img(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _figure(make, *args, **kwargs) -> str | None:
    """A plot embedded as a data URI, or None when the file lacks what it needs."""
    with tempfile.TemporaryDirectory() as d:
        try:
            fig = make(*args, Path(d) / "p.png", **kwargs)
        except (ValueError, KeyError):
            return None
    return _img(fig)


def _table(head: list[str], body: list[list[str]], cls: str = "") -> str:
    out = [f'<table class="{cls}"><thead><tr>' + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr></thead><tbody>"]
    for row in body:
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>")
    return "".join(out) + "</tbody></table>"


def _question(r: Result, t: dict, lang: str) -> str:
    a = r.attrs
    first, last = a.get("first_month", "?"), a.get("last_month", "?")
    others = [s for s in r.scenarios if s != r.reference]
    scale = run_scale(r)
    scaled = "" if scale == 1 else (f" (populatie x {scale:g})" if lang == "nl" else f" (population x {scale:g})")
    if r.kind == "run":
        q = (f"Eén run van {a.get('config_name', '?')}{scaled}, scenario {r.scenarios[0]}, van {first} tot {last}, "
             f"{a.get('replicates', '?')} replicaties: de niveaus van kosten, zorg en wachtlijsten, zonder vergelijking."
             if lang == "nl" else
             f"One run of {a.get('config_name', '?')}{scaled}, scenario {r.scenarios[0]}, from {first} to {last}, "
             f"{a.get('replicates', '?')} replicates: the levels of cost, care and waiting, without a comparison.")
        return f"<p>{html.escape(q)}</p>"
    if lang == "nl":
        q = (f"Wat doen {', '.join(others) or 'de maatregelen'} met de kosten, de uithuisplaatsingen, de wachtlijsten "
             f"en de onvervulde hulpvraag in {a.get('config_name', '?')}{scaled}, vergeleken met {r.reference}, van {first} "
             f"tot {last}? {a.get('replicates', '?')} replicaties per scenario, met dezelfde toevalsgetallen "
             f"(common random numbers), zodat verschillen het beleid weerspiegelen met veel minder ruis.")
    else:
        q = (f"What do {', '.join(others) or 'the measures'} do to cost, out-of-home placements, waiting lists and "
             f"unmet need in {a.get('config_name', '?')}{scaled}, compared with {r.reference}, from {first} to {last}? "
             f"{a.get('replicates', '?')} replicates per scenario with common random numbers, so that differences "
             f"reflect policy with much less noise.")
    return f"<p>{html.escape(q)}</p>"


def _scenarios(r: Result, t: dict) -> str:
    body = []
    for s in r.scenarios:
        ms = r.measures.get(s, [])
        listed = ", ".join(html.escape(m) for m in ms) if ms else html.escape(t["none"])
        name = html.escape(s) + (f" ({t['reference']})" if s == r.reference else "")
        body.append([name, str(len(ms)), f"<details><summary>{len(ms)} {t['measures']}</summary>{listed}</details>"
                     if len(ms) > 3 else listed])
    return _table([t["scenario"], "n", t["measures"]], body)


def _key(r: Result, t: dict, lang: str) -> str:
    if r.kind != "comparison":
        return f"<p>{html.escape(t['not_available'])}</p>"
    parts = [f'<p class="note">{html.escape(t["interval"])}. {html.escape(t["ci_note"])}.</p>']
    for s in r.scenarios:
        if s == r.reference:
            continue
        rows = key_table(r, s)
        years = [c["year"] for c in rows[0]["cells"]] if rows else []
        body = []
        for row in rows:
            cells = []
            for c in row["cells"]:
                # "*": the interval excludes zero (and the shown value is not a rounded zero)
                sure = (c["low"] > 0 or c["high"] < 0) and float(_fmt(c["mean"], row["scale"])) != 0
                sep = "; " if lang == "nl" else ", "  # the comma is the decimal sign in Dutch
                cells.append(f'<span class="v">{_fmt(c["mean"], row["scale"], lang)}{"*" if sure else ""}</span>'
                             f'<br><span class="ci">[{_fmt(c["low"], row["scale"], lang)}{sep}'
                             f'{_fmt(c["high"], row["scale"], lang)}]</span>')
            body.append([html.escape(row["label_" + lang])] + cells)
        parts.append(f"<h3>{html.escape(s)} &minus; {html.escape(r.reference)}</h3>")
        parts.append('<div class="wide">' + _table([t["row"]] + [str(y) for y in years], body, "key") + "</div>")
    return "".join(parts)


def _pictures(r: Result, lang: str) -> str:
    figs = [
        ("fan_chart_cost", plots.fan_chart_cost),
        ("placements_by_form", plots.placements_by_form),
        ("waiting_lists", plots.waiting_lists),
        ("clients_per_tier", plots.clients_per_tier),
        ("savings_waterfall", plots.savings_waterfall),
        ("unmet_need_by_income", plots.unmet_need_by_income),
    ]
    out = []
    for name, make in figs:
        if name == "savings_waterfall" and r.attribution is not None:  # one per package
            for s in r.attribution["scenario"].unique():
                uri = _figure(make, r, lang=lang, scenario=s)
                if uri:
                    out.append(f'<figure id="fig-{name}-{html.escape(s)}"><img alt="{name} {html.escape(s)}" src="{uri}"></figure>')
            continue
        uri = _figure(make, r, lang=lang)
        if uri:
            out.append(f'<figure id="fig-{name}"><img alt="{name}" src="{uri}"></figure>')
    return "".join(out)


def _assumptions(sweep: Result | None, t: dict, lang: str, main: Result | None = None) -> str:
    if sweep is None:
        return f"<p>{html.escape(t['no_sweep'])}</p>"
    s = sweep.sweep
    target = next((x for x in s.targets if " - " in x), s.targets[0] if s.targets else "")
    column = s.columns["column"].iloc[0]
    unit = s.columns["unit"].iloc[0]
    out = []
    scale = run_scale(sweep)
    if scale != 1 or (main is not None and main is not sweep and set(sweep.scenarios) - set(main.scenarios)):
        note = (f"Let op: de sweep draait op populatie x {scale:g} met de scenario's {', '.join(sweep.scenarios)}; "
                "zijn bedragen en aantallen gelden voor die populatie, de rangorde van de aannames voor de vraag."
                if lang == "nl" else
                f"Note: the sweep runs a population x {scale:g} with the scenarios {', '.join(sweep.scenarios)}; its "
                "amounts and counts are for that population, the ranking of the assumptions is what carries over.")
        out.append(f'<p class="note">{html.escape(note)}</p>')
    if lang == "nl":
        out.append(f"<p>Gevoeligheidsanalyse <b>{html.escape(sweep.attrs.get('sweep_name', ''))}</b>: "
                   f"{len(s.parameters)} parameters, ontwerp {html.escape(s.method)}, {s.design['point'].nunique()} punten. "
                   f"Rangorde voor <b>{html.escape(target)}</b>, <b>{html.escape(column)}</b>.</p>")
    else:
        out.append(f"<p>Sweep <b>{html.escape(sweep.attrs.get('sweep_name', ''))}</b>: {len(s.parameters)} parameters, "
                   f"{html.escape(s.method)} design, {s.design['point'].nunique()} points. Ranking for "
                   f"<b>{html.escape(target)}</b>, <b>{html.escape(column)}</b>.</p>")
    if s.sobol is not None:
        tab = s.sobol[(s.sobol["target"] == target) & (s.sobol["column"] == column)].sort_values("total", ascending=False)
        body = [[html.escape(p), f"{a:.3f} [{al:.2f}, {ah:.2f}]", f"{b:.3f} [{bl:.2f}, {bh:.2f}]"]
                for p, a, al, ah, b, bl, bh in tab[["parameter", "first", "first_low", "first_high", "total", "total_low",
                                                    "total_high"]].itertuples(index=False)]
        out.append(_table(["parameter", "S_i", "ST_i"], body, "assumptions"))
    elif s.morris is not None:
        tab = s.morris[(s.morris["target"] == target) & (s.morris["column"] == column)].sort_values("mu_star", ascending=False)
        body = [[html.escape(p), f"{a:.4g}", f"{b:.4g}", f"{c:.4g}"]
                for p, a, b, c in tab[["parameter", "mu_star", "mu", "sigma"]].head(15).itertuples(index=False)]
        out.append(_table(["parameter", f"mu* ({unit})", f"mu ({unit})", f"sigma ({unit})"], body, "assumptions"))
    for name, make in (("tornado", plots.tornado), ("sobol_indices", plots.sobol_indices),
                       ("morris_mu_sigma", plots.morris_mu_sigma)):
        uri = _figure(make, sweep, lang=lang, column=column, target=target)
        if uri:
            out.append(f'<figure id="fig-{name}"><img alt="{name}" src="{uri}"></figure>')
    return "".join(out)


def _provenance(results: list[Result]) -> str:
    keys = ["kind", "zorgsim_version", "git_commit", "schema_version", "config_name", "config_sha256", "sweep_sha256",
            "seed", "seeds", "design.seed", "replicates", "scale", "command_line", "threads", "library_versions",
            "provenance.command_line", "provenance.how", "provenance.ranks", "provenance.threads",
            "provenance.library_versions"]
    out = []
    for r in results:
        attrs = dict(r.attrs, kind=r.kind, scale=str(run_scale(r)))
        body = [[html.escape(k), f"<code>{html.escape(str(attrs[k]))}</code>"] for k in keys if k in attrs]
        out.append(f"<h3>{html.escape(os.path.basename(r.path))} ({r.kind})</h3>" + _table(["", ""], body, "prov"))
    return "".join(out)


CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:1280px;margin:2em auto;padding:0 1em;color:#111;line-height:1.45}
.wide{overflow-x:auto}table.key{font-size:.78em}table.key td:first-child{min-width:14em}
h1{border-bottom:3px solid #333}h2{margin-top:1.8em;border-bottom:1px solid #999}
table{border-collapse:collapse;margin:.6em 0;font-size:.9em}th,td{border:1px solid #bbb;padding:.25em .5em;vertical-align:top}
th{background:#eee}table.key td{text-align:right;white-space:nowrap}table.key td:first-child{text-align:left;white-space:normal}
.ci{color:#555;font-size:.85em}.note{color:#333;font-size:.9em}figure{margin:1em 0}img{max-width:100%;border:1px solid #ddd}
code{font-size:.85em;word-break:break-all}
"""


def build_report(path: str, sweep_path: str | None = None, lang: str = "en") -> str:
    """The report's HTML text."""
    if lang not in TEXT:
        raise ValueError(f"unknown language '{lang}' (en or nl)")
    t = TEXT[lang]
    r = load(path)
    sweep = None
    if r.kind == "sweep-shard":
        raise ValueError(f"{path}: a shard of a sweep; merge the shards first (zorgsim merge)")
    if r.kind == "sweep":
        sweep, r = r, r
    elif sweep_path:
        sweep = load(sweep_path)
        if sweep.kind != "sweep":
            raise ValueError(f"{sweep_path}: not a complete sweep file (kind {sweep.kind})")
    sections = [f"<h1>{html.escape(t['title'])}: {html.escape(r.attrs.get('config_name') or r.attrs.get('sweep_name', ''))}</h1>"]
    if r.kind not in ("sweep", "sweep-shard"):
        sections += [
            f'<section id="question"><h2>{t["question"]}</h2>{_question(r, t, lang)}</section>',
            f'<section id="scenarios"><h2>{t["scenarios"]}</h2>{_scenarios(r, t)}</section>',
            f'<section id="key"><h2>{t["key"]}</h2>{_key(r, t, lang)}</section>',
            f'<section id="pictures"><h2>{t["pictures"]}</h2>{_pictures(r, lang)}</section>',
        ]
    sections.append(f'<section id="assumptions"><h2>{t["assumptions"]}</h2>{_assumptions(sweep, t, lang, r)}</section>')
    sources = [r] if sweep is None or sweep is r else [r, sweep]
    sections.append(f'<section id="provenance"><h2>{t["provenance"]}</h2>{_provenance(sources)}</section>')
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(t['title'])}</title><style>{CSS}</style></head><body>"
            + "".join(sections) + "</body></html>\n")


def write_report(path: str, output: str, sweep_path: str | None = None, lang: str = "en",
                 overwrite: bool = False) -> None:
    """Writes the report via a temporary file renamed when complete (nothing half-written)."""
    out = Path(output)
    if not out.parent.exists():  # before any work
        raise ValueError(f"{output}: the folder {out.parent} does not exist")
    inputs = [Path(p).resolve() for p in (path, sweep_path) if p]
    if out.resolve() in inputs:
        raise ValueError(f"{output}: the report would replace its own input")
    if out.exists() and not overwrite:
        raise ValueError(f"{output}: exists (pass --overwrite to replace it)")
    text = build_report(path, sweep_path, lang)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes it private; a report is meant to be shared
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
