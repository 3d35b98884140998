"""Plots of zorgsim results: one function per picture.

Every function takes a loaded result (`zorgsim_analysis.load.load`), the path of the PNG to
write (None: do not write) and `lang` ("en" or "nl"), and returns the matplotlib Figure; the
caller closes it (`matplotlib.pyplot.close(fig)`). A function raises ValueError with a message
naming what is missing when the file lacks what the picture needs.

The pictures are meant to be readable when printed in greyscale: series differ by line style,
marker and grey level (the colours are the Okabe-Ito palette ordered from dark to light), bars by
hatching and grey level, and the replicate bands are fills of different lightness (grey for one
scenario, the scenario's colour, translucent, for several).

Key artists carry a gid ("median:<law>:<scenario>", "package", ...) so that tests and callers
can find them.
"""
from __future__ import annotations

import sys
import textwrap

import matplotlib

if "matplotlib.pyplot" not in sys.modules:
    # Non-interactive backend for scripts and CI; a session that already chose one (a notebook) keeps it.
    matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker as mticker  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from .labels import check_lang, label  # noqa: E402

FIGSIZE = (8.0, 4.5)
DPI = 110

#: Okabe-Ito colours, ordered so that neighbours differ in grey level too
COLOURS = ["#000000", "#0072B2", "#D55E00", "#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#999999"]
LINESTYLES = ["-", "--", ":", "-.", (0, (5, 1, 1, 1, 1, 1)), (0, (1, 1)), (0, (8, 2)), (0, (3, 1, 1, 1))]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]

PLACEMENT_FORMS = ["foster_care", "family_home", "residential", "closed_youth_care"]
UNMET_BY_INCOME = ["youth.unmet_need_by_income_class", "wmo.unmet_need_by_income_class"]
ESCALATIONS_BY_INCOME = ["youth.escalations_by_income_class", "wmo.escalations_by_income_class"]


# ---------------------------------------------------------------------------------------------
# helpers


def _style(i: int) -> dict:
    """Colour, line style and marker of the i-th series."""
    return {"color": COLOURS[i % len(COLOURS)], "linestyle": LINESTYLES[i % len(LINESTYLES)],
            "marker": MARKERS[i % len(MARKERS)]}


class _DutchFormatter(mticker.ScalarFormatter):
    """Matplotlib's default tick labels with a decimal comma (and a thousands point)."""

    def __call__(self, x, pos=None):
        return _decimal(super().__call__(x, pos), "nl")


def _decimal(text: str, lang: str) -> str:
    """Dutch numbers: "1,234.5" becomes "1.234,5" (a Dutch reader takes "3.30" for 3,300)."""
    if lang != "nl":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _finish(fig, path, lang="en"):
    if lang == "nl":  # default (linear) tick labels get a decimal comma; log and year axes keep theirs
        for ax in fig.axes:
            for axis in (ax.xaxis, ax.yaxis):
                f = axis.get_major_formatter()
                if type(f) is mticker.ScalarFormatter:
                    axis.set_major_formatter(_DutchFormatter(useOffset=f.get_useOffset(), useMathText=f.get_useMathText()))
    if path is not None:
        fig.savefig(path, dpi=DPI)
    return fig


def _wrap(text: str, width: int = 95) -> str:
    return "\n".join(textwrap.wrap(text, width)) if len(text) > width else text


def _short(name: str, width: int = 46) -> str:
    """A long parameter or measure name cut in the middle."""
    if len(name) <= width:
        return name
    keep = width - 1
    return name[: keep - keep // 2] + "…" + name[-(keep // 2):]


def _parameter_label(name: str, width: int = 40) -> str:
    """A sweep parameter's name for a tick label: "measure:\npath" on two lines when long."""
    if len(name) > width and ": " in name:
        measure, rest = name.split(": ", 1)
        return f"{_short(measure, width)}:\n{_short(rest, width)}"
    return _short(name, width)


def _legend_below(fig, handles, fontsize=8, top=0.98):
    """A figure legend under the panels, in as many columns as fit the width; lays the figure out."""
    names = [h.get_label() for h in handles]
    width = max((len(n) for n in names), default=1) + 7  # characters, with the handle
    fit = max(1, int(FIGSIZE[0] * 72 / (0.55 * fontsize) * 0.92) // width)
    rows = int(np.ceil(len(handles) / fit)) if handles else 0
    ncol = int(np.ceil(len(handles) / rows)) if rows else 1
    if handles:
        fig.legend(handles=handles, loc="lower center", ncol=ncol, fontsize=fontsize, frameon=False)
    fig.tight_layout(rect=(0, 0.015 + rows * fontsize / 8 * 0.047, 1, top))


def _number(v: float, lang: str = "en") -> str:
    return _decimal(f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.3g}" if abs(v) < 0.01 else f"{v:.3f}", lang)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ordered(values) -> list:
    """Distinct values in order of first appearance (the file's category order)."""
    return list(pd.unique(pd.Series(values)))


def _scenario_label(s: str, lang: str) -> str:
    return label(s, lang)


def _need_annual(result, what: str):
    if result.annual is None:
        raise ValueError(
            f"{what} needs a run or comparison file (annual results); {result.path} is a {result.kind} file"
        )
    return result.annual


def _indicators(result, names, what: str) -> pd.DataFrame:
    """The annual rows of `names`; ValueError naming the ones the file lacks."""
    a = _need_annual(result, what)
    present = set(a["indicator"].unique())
    missing = [n for n in names if n not in present]
    if missing:
        raise ValueError(f"{what} needs the indicator(s) {', '.join(missing)}, which {result.path} does not have")
    return a[a["indicator"].isin(names)]


def _scenarios(result, scenarios, what: str) -> list[str]:
    if scenarios is None:
        return list(result.scenarios)
    if isinstance(scenarios, str):
        scenarios = [scenarios]
    unknown = [s for s in scenarios if s not in result.scenarios]
    if unknown:
        raise ValueError(f"{what}: unknown scenario(s) {', '.join(unknown)}; {result.path} has {', '.join(result.scenarios)}")
    return list(scenarios)


def _is_comparison(result) -> bool:
    return result.kind == "comparison" and len(result.scenarios) > 1 and bool(result.reference)


def _per_replicate(df: pd.DataFrame, categories=None) -> pd.DataFrame:
    """Value summed over (the given) categories and indicators, per scenario, replicate and year."""
    if categories is not None:
        df = df[df["category"].isin(categories)]
    return df.groupby(["scenario", "replicate", "year"], as_index=False)["value"].sum()


def _median_by_year(df: pd.DataFrame) -> pd.Series:
    return df.groupby("year")["value"].median()


def _year_axis(ax):
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _unit_scale(unit: str, lang: str) -> tuple[float, str]:
    """Divisor and unit text: money in EUR million."""
    if unit == "EUR":
        return 1e6, label("EUR million", lang)
    return 1.0, label(unit, lang)


# ---------------------------------------------------------------------------------------------
# 1. fan chart of cost per law


def fan_chart_cost(result, path, lang="en", scenarios=None):
    """Cost per law (cost.by_law) per year: median over replicates with 50% and 90% bands, one
    panel per law, per scenario; EUR million."""
    check_lang(lang)
    what = "fan_chart_cost"
    df = _indicators(result, ["cost.by_law"], what)
    scenarios = _scenarios(result, scenarios, what)
    laws = _ordered(df["category"])
    ncols = 2 if len(laws) > 1 else 1
    nrows = int(np.ceil(len(laws) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=FIGSIZE, sharex=True, squeeze=False)
    single = len(scenarios) == 1
    for k, (ax, law) in enumerate(zip(axes.flat, laws)):
        for i, s in enumerate(scenarios):
            x = df[(df["category"] == law) & (df["scenario"] == s)]
            q = x.groupby("year")["value"].quantile([0.05, 0.25, 0.5, 0.75, 0.95]).unstack() / 1e6
            years = q.index.to_numpy()
            st = _style(i)
            if single:  # grey bands: the 90% band light, the 50% band darker
                ax.fill_between(years, q[0.05], q[0.95], color="0.86", lw=0, gid=f"band90:{law}:{s}")
                ax.fill_between(years, q[0.25], q[0.75], color="0.66", lw=0, gid=f"band50:{law}:{s}")
            else:  # the scenario's colour, translucent: lighter for 90%, darker for 50%
                ax.fill_between(years, q[0.05], q[0.95], color=st["color"], alpha=0.08, lw=0, gid=f"band90:{law}:{s}")
                ax.fill_between(years, q[0.25], q[0.75], color=st["color"], alpha=0.18, lw=0, gid=f"band50:{law}:{s}")
            ax.plot(years, q[0.5], color=st["color"], linestyle=st["linestyle"], marker=st["marker"],
                    markersize=4, lw=1.6, label=_scenario_label(s, lang), gid=f"median:{law}:{s}")
        ax.set_title(label(law, lang), fontsize=10)
        ax.tick_params(labelsize=8)
        _year_axis(ax)
        if k % ncols == 0:
            ax.set_ylabel(label("axis.cost_eur_million", lang), fontsize=8)
        if k >= len(laws) - ncols:
            ax.set_xlabel(label("year", lang), fontsize=9)
            ax.xaxis.set_tick_params(labelbottom=True)
    for ax in list(axes.flat)[len(laws):]:
        fig.delaxes(ax)
    handles = [Line2D([], [], **_style(i), markersize=4, lw=1.6,
                      label=f"{_scenario_label(s, lang)}: {label('median', lang)}")
               for i, s in enumerate(scenarios)]
    grey90, grey50 = ("0.86", "0.66") if single else ("0.90", "0.75")
    handles += [Patch(color=grey50, label=label("50% band", lang)), Patch(color=grey90, label=label("90% band", lang))]
    fig.suptitle(label("title.fan_chart_cost", lang), fontsize=11)
    _legend_below(fig, handles)
    return _finish(fig, path, lang)


# ---------------------------------------------------------------------------------------------
# 2. out-of-home placements by form


def placements_by_form(result, path, lang="en"):
    """Out-of-home placements at year end by form (youth.stock_by_state, states foster_care ...
    closed_youth_care): median over replicates, one line per form and their total; one panel
    per scenario."""
    check_lang(lang)
    what = "placements_by_form"
    df = _indicators(result, ["youth.stock_by_state"], what)
    forms = [f for f in PLACEMENT_FORMS if f in set(df["category"])]
    if not forms:
        raise ValueError(f"{what}: youth.stock_by_state in {result.path} has none of the placement forms {', '.join(PLACEMENT_FORMS)}")
    scenarios = list(result.scenarios)
    fig, axes = plt.subplots(1, len(scenarios), figsize=FIGSIZE, sharex=True, sharey=True, squeeze=False)
    for j, (ax, s) in enumerate(zip(axes[0], scenarios)):
        x = df[df["scenario"] == s]
        for i, form in enumerate(forms):
            m = _median_by_year(x[x["category"] == form])
            ax.plot(m.index, m.to_numpy(), **_style(i), markersize=4, lw=1.5, label=label(form, lang),
                    gid=f"median:{form}:{s}")
        total = _median_by_year(_per_replicate(x, forms))
        ax.plot(total.index, total.to_numpy(), color="0.55", lw=3, alpha=0.8, zorder=1,
                label=label("total", lang), gid=f"median:total:{s}")
        ax.set_title(_scenario_label(s, lang), fontsize=10)
        ax.set_xlabel(label("year", lang), fontsize=9)
        if j == 0:
            ax.set_ylabel(label("axis.placements", lang), fontsize=9)
        ax.set_ylim(bottom=0)
        ax.tick_params(labelsize=8)
        _year_axis(ax)
    fig.suptitle(label("title.placements_by_form", lang), fontsize=11)
    _legend_below(fig, axes[0][0].get_legend_handles_labels()[0])
    return _finish(fig, path, lang)


# ---------------------------------------------------------------------------------------------
# 3. waiting lists


def waiting_lists(result, path, lang="en"):
    """Waiting at year end: the local team's youth queue (wijkteam.queue, light + moderate), its
    Wmo queue (wijkteam.wmo_queue) and those waiting for a place (provisions.waiting, all
    provisions); one panel each, a line per scenario (median over replicates)."""
    check_lang(lang)
    what = "waiting_lists"
    queues = ["wijkteam.queue", "wijkteam.wmo_queue", "provisions.waiting"]
    df = _indicators(result, queues, what)
    scenarios = list(result.scenarios)
    fig, axes = plt.subplots(1, len(queues), figsize=FIGSIZE, sharex=True, squeeze=False)
    for k, (ax, q) in enumerate(zip(axes[0], queues)):
        x = _per_replicate(df[df["indicator"] == q])
        for i, s in enumerate(scenarios):
            m = _median_by_year(x[x["scenario"] == s])
            ax.plot(m.index, m.to_numpy(), **_style(i), markersize=4, lw=1.5, label=_scenario_label(s, lang),
                    gid=f"median:{q}:{s}")
        ax.set_title(_wrap(label(q, lang), 26), fontsize=9)
        ax.set_xlabel(label("year", lang), fontsize=9)
        if k == 0:
            ax.set_ylabel(label("axis.waiting", lang), fontsize=9)
        ax.set_ylim(bottom=0, top=max(1.0, ax.get_ylim()[1]))
        ax.tick_params(labelsize=8)
        _year_axis(ax)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.suptitle(label("title.waiting_lists", lang), fontsize=11)
    _legend_below(fig, axes[0][0].get_legend_handles_labels()[0])
    return _finish(fig, path, lang)


# ---------------------------------------------------------------------------------------------
# 4. persons per tier


def clients_per_tier(result, path, lang="en"):
    """Persons per care tier at year end (youth.persons_by_tier, wmo.persons_by_tier): median
    over replicates, one panel per population, a marker and grey level per tier and a line style
    per scenario; log scale (tier 0 is most of the population)."""
    check_lang(lang)
    what = "clients_per_tier"
    populations = [("youth.persons_by_tier", "youth"), ("wmo.persons_by_tier", "adults_wmo")]
    df = _indicators(result, [p for p, _ in populations], what)
    scenarios = list(result.scenarios)
    tiers = _ordered(df["category"])
    fig, axes = plt.subplots(1, 2, figsize=FIGSIZE, sharex=True, squeeze=False)
    for k, (ax, (ind, pop)) in enumerate(zip(axes[0], populations)):
        x = df[df["indicator"] == ind]
        for i, tier in enumerate(tiers):
            for j, s in enumerate(scenarios):
                m = _median_by_year(x[(x["category"] == tier) & (x["scenario"] == s)])
                if m.empty:
                    continue
                ax.plot(m.index, m.to_numpy(), color=COLOURS[i % len(COLOURS)], marker=MARKERS[i % len(MARKERS)],
                        linestyle=LINESTYLES[j % len(LINESTYLES)], markersize=4, lw=1.4, gid=f"median:{ind}:{tier}:{s}")
        ax.set_yscale("log", nonpositive="mask")
        ax.set_title(label(pop, lang), fontsize=10)
        ax.set_xlabel(label("year", lang), fontsize=9)
        if k == 0:
            ax.set_ylabel(label("axis.persons_log", lang), fontsize=9)
        ax.tick_params(labelsize=8)
        _year_axis(ax)
    handles = [Line2D([], [], color=COLOURS[i % len(COLOURS)], marker=MARKERS[i % len(MARKERS)], lw=1.4,
                      markersize=4, label=label(t, lang)) for i, t in enumerate(tiers)]
    if len(scenarios) > 1:
        handles += [Line2D([], [], color="black", linestyle=LINESTYLES[j % len(LINESTYLES)], lw=1.4,
                           label=_scenario_label(s, lang)) for j, s in enumerate(scenarios)]
    fig.suptitle(label("title.clients_per_tier", lang), fontsize=11)
    _legend_below(fig, handles)
    return _finish(fig, path, lang)


# ---------------------------------------------------------------------------------------------
# 5. savings waterfall


def savings_table(result, scenario=None, first_year=None, last_year=None, indicator="cost.net_total"):
    """The waterfall's numbers: per measure (term "alone"), the interaction and the package,
    the difference to the reference summed over [first_year, last_year] and its approximate se.

    Returns (table with columns term, measure, value, se in EUR; scenario; (first_year, last_year)).
    """
    what = "savings_waterfall"
    att = result.attribution
    if att is None or att.empty:
        raise ValueError(
            f"{what} needs a comparison file with attribution (zorgsim compare --attribution); "
            f"{result.path} ({result.kind} file) has none"
        )
    att = att[att["indicator"] == indicator]
    if att.empty:
        raise ValueError(f"{what}: the attribution in {result.path} has no indicator {indicator}")
    available = [s for s in result.scenarios if s in set(att["scenario"])] or _ordered(att["scenario"])
    if scenario is None:
        scenario = available[0]
    elif scenario not in available:
        raise ValueError(f"{what}: {result.path} has no attribution for scenario {scenario!r}; it has {', '.join(available)}")
    att = att[att["scenario"] == scenario]
    years = sorted(att["year"].unique())
    if first_year is None:
        first_year = years[1] if len(years) > 1 else years[0]
    if last_year is None:
        last_year = years[-1]
    if not (years[0] <= first_year <= last_year <= years[-1]):
        raise ValueError(f"{what}: years {first_year}-{last_year} are not within the file's {years[0]}-{years[-1]}")
    att = att[(att["year"] >= first_year) & (att["year"] <= last_year)]
    # Summed over years (and categories, if any). The se of a sum over years is taken as the
    # square root of the sum of the years' squared se: an approximation, as a replicate's
    # differences in successive years are correlated (the true se is then usually larger).
    g = att.groupby(["term", "measure"], sort=False)
    table = pd.DataFrame({"value": g["value"].sum(), "se": g["se"].apply(lambda s: float(np.sqrt((s ** 2).sum())))})
    return table.reset_index(), scenario, (int(first_year), int(last_year))


def savings_waterfall(result, path, lang="en", scenario=None, first_year=None, last_year=None, max_measures=12):
    """Savings on net cost (cost.net_total; saving = minus the difference to the reference)
    summed over [first_year, last_year] (default: all years after the first), in EUR million:
    each measure alone (the largest `max_measures`, the rest grouped), the interaction (the
    rest: package - sum of alone) and the package total. Error bars ±1.96 se (approximate)."""
    check_lang(lang)
    table, scenario, (y0, y1) = savings_table(result, scenario, first_year, last_year)
    table["saving"] = -table["value"] / 1e6
    table["se"] = table["se"] / 1e6
    alone = table[table["term"] == "alone"].copy()
    alone["size"] = alone["saving"].abs()
    alone = alone.sort_values("size", ascending=False)
    if len(alone) > max_measures + 1:
        shown, rest = alone.iloc[:max_measures], alone.iloc[max_measures:]
    else:
        shown, rest = alone, alone.iloc[:0]
    shown = shown.sort_values("saving", ascending=False)
    steps = [(m, s, e, "measure") for m, s, e in zip(shown["measure"], shown["saving"], shown["se"])]
    if len(rest):
        # grouped se: in quadrature, again an approximation (the measures share the reference's replicates)
        steps.append((label("other measures", lang, n=len(rest)), rest["saving"].sum(),
                      float(np.sqrt((rest["se"] ** 2).sum())), "other"))
    inter = table[table["term"] == "interaction"]
    steps.append((label("interaction", lang), float(inter["saving"].sum()), float(np.sqrt((inter["se"] ** 2).sum())), "interaction"))
    pkg = table[table["term"] == "package"]
    package, package_se = float(pkg["saving"].sum()), float(np.sqrt((pkg["se"] ** 2).sum()))

    fig, ax = plt.subplots(figsize=FIGSIZE)
    n = len(steps) + 1
    ys = np.arange(n)[::-1]  # top to bottom
    cum = 0.0
    names = []
    for k, (name, s, e, kind) in enumerate(steps):
        y = ys[k]
        if kind == "interaction":
            face, hatch = "white", "xx"
        elif kind == "other":
            face, hatch = "0.8", "..."
        else:
            face, hatch = ("0.45", "") if s >= 0 else ("0.9", "///")
        ax.barh(y, s, left=cum, height=0.7, color=face, edgecolor="black", hatch=hatch, lw=0.7,
                gid=f"step:{name}" if kind != "interaction" else "interaction")
        if e > 0:
            ax.errorbar(cum + s, y, xerr=1.96 * e, color="black", capsize=2, lw=0.8)
        ax.plot([cum + s, cum + s], [y - 0.35, y - 0.65], color="0.4", lw=0.6, linestyle=":")
        cum += s
        names.append(_short(name, 40))
    ax.barh(ys[-1], package, left=0, height=0.7, color="black", edgecolor="black", gid="package")
    if package_se > 0:
        ax.errorbar(package, ys[-1], xerr=1.96 * package_se, color="0.5", capsize=3, lw=1.2)
    names.append(label("package", lang))
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(ys)
    ax.set_yticklabels(names, fontsize=7)
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlabel(label("axis.saving_eur_million", lang), fontsize=9)
    years = f"{y0}" if y0 == y1 else f"{y0}–{y1}"
    ax.set_title(_wrap(label("title.savings_waterfall", lang, scenario=_scenario_label(scenario, lang),
                             reference=_scenario_label(result.reference, lang), years=years), 90), fontsize=9)
    handles = [Patch(facecolor="0.45", edgecolor="black", label=_capital(label("saving", lang))),
               Patch(facecolor="0.9", edgecolor="black", hatch="///", label=_capital(label("cost", lang))),
               Patch(facecolor="white", edgecolor="black", hatch="xx", label=label("interaction", lang)),
               Patch(facecolor="black", label=label("package", lang))]
    if package > 0.15 * (ax.get_xlim()[1] - ax.get_xlim()[0]):  # inside the bar, at its start
        ax.annotate(_decimal(f"{package:.2f}", lang), xy=(0, ys[-1]), xytext=(4, 0), textcoords="offset points",
                    fontsize=7, va="center", ha="left", color="white")
    else:  # beyond the bar and its error bar
        end = package + np.sign(package or 1) * 1.96 * package_se
        ax.annotate(_decimal(f"{package:.2f}", lang), xy=(end, ys[-1]), xytext=(4 if end >= 0 else -4, 0), textcoords="offset points",
                    fontsize=7, va="center", ha="left" if end >= 0 else "right")
    ax.legend(handles=handles, fontsize=7, loc="best", frameon=True, framealpha=0.9)
    fig.text(0.01, 0.01, label("note.waterfall_errors", lang), fontsize=7, color="0.3")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return _finish(fig, path, lang)


# ---------------------------------------------------------------------------------------------
# 6. unmet need and escalations by income class


def unmet_need_by_income(result, path, lang="en"):
    """Two panels: unmet need at year end by household income class (youth + Wmo) and
    escalations from unmet need per year by income class (youth + Wmo). A comparison file shows
    each scenario minus the reference (median over replicates of the paired differences), a run
    file the levels (median over replicates)."""
    check_lang(lang)
    what = "unmet_need_by_income"
    a = _need_annual(result, what)
    present = set(a["indicator"].unique())
    missing = [n for n in UNMET_BY_INCOME + ESCALATIONS_BY_INCOME if n not in present]
    if missing:
        raise ValueError(
            f"{what} needs the indicators {', '.join(UNMET_BY_INCOME + ESCALATIONS_BY_INCOME)}; "
            f"{result.path} lacks {', '.join(missing)} (written by newer zorgsim versions: rerun the file)"
        )
    diff = _is_comparison(result)
    ref = result.reference
    shown = [s for s in result.scenarios if s != ref] if diff else list(result.scenarios)
    panels = [(UNMET_BY_INCOME, "title.unmet_need_panel", "axis.unmet_need_diff" if diff else "axis.unmet_need"),
              (ESCALATIONS_BY_INCOME, "title.escalations_panel", "axis.escalations_diff" if diff else "axis.escalations")]
    classes = _ordered(a[a["indicator"].isin(UNMET_BY_INCOME + ESCALATIONS_BY_INCOME)]["category"])
    fig, axes = plt.subplots(1, 2, figsize=FIGSIZE, sharex=True, squeeze=False)
    for k, (ax, (names, title, ylabel)) in enumerate(zip(axes[0], panels)):
        x = a[a["indicator"].isin(names)].groupby(["scenario", "replicate", "year", "category"])["value"].sum()
        w = x.unstack("scenario")  # index replicate, year, category; a column per scenario
        for i, c in enumerate(classes):
            for j, s in enumerate(shown):
                v = (w[s] - w[ref]) if diff else w[s]
                v = v.xs(c, level="category").dropna().groupby(level="year").median()
                ax.plot(v.index, v.to_numpy(), color=COLOURS[i % len(COLOURS)], marker=MARKERS[i % len(MARKERS)],
                        linestyle=LINESTYLES[j % len(LINESTYLES)], markersize=4, lw=1.4,
                        gid=f"{'diff' if diff else 'median'}:{names[0].split('.', 1)[1]}:{c}:{s}")
        if diff:
            ax.axhline(0, color="0.5", lw=0.8)
        ax.set_title(_wrap(label(title, lang), 44), fontsize=10)
        ax.set_xlabel(label("year", lang), fontsize=9)
        ax.set_ylabel(_wrap(label(ylabel, lang, reference=_scenario_label(ref, lang)), 48), fontsize=8)
        ax.tick_params(labelsize=8)
        _year_axis(ax)
    handles = [Line2D([], [], color=COLOURS[i % len(COLOURS)], marker=MARKERS[i % len(MARKERS)], lw=1.4,
                      markersize=4, label=label(c, lang)) for i, c in enumerate(classes)]
    if len(shown) > 1 or diff:
        handles += [Line2D([], [], color="black", linestyle=LINESTYLES[j % len(LINESTYLES)], lw=1.4,
                           label=_scenario_label(s, lang)) for j, s in enumerate(shown)]
    title = label("title.unmet_need_by_income_diff", lang, reference=_scenario_label(ref, lang)) if diff \
        else label("title.unmet_need_by_income_levels", lang)
    fig.suptitle(_wrap(title, 100), fontsize=10)
    _legend_below(fig, handles)
    return _finish(fig, path, lang)


# ---------------------------------------------------------------------------------------------
# sweeps: tornado, Sobol, Morris


def _need_sweep(result, what):
    if result.sweep is None:
        raise ValueError(f"{what} needs a sweep file (zorgsim sweep); {result.path} is a {result.kind} file")
    return result.sweep


def _no_indices(result, what, kind) -> ValueError:
    if result.kind == "sweep-shard":
        how = "it is a shard: merge the shards first (zorgsim merge)"
    else:
        how = f"its design method is {result.sweep.method or 'unknown'}; run a sweep with design method {kind.lower()}"
    return ValueError(f"{what}: {result.path} has no {kind} indices ({how})")


def _column(sweep, column, what) -> str:
    cols = list(sweep.columns["column"])
    if column is None:
        return cols[0]
    if column not in cols:
        raise ValueError(f"{what}: unknown column {column!r}; the sweep's columns are {', '.join(cols)}")
    return column


def _sweep_targets(result) -> list[str]:
    """The sweep's targets: each scenario's level, then each other scenario minus the reference."""
    if result.sweep.targets:
        return list(result.sweep.targets)
    ref = result.reference
    return list(result.scenarios) + [f"{s} - {ref}" for s in result.scenarios if s != ref]


def _target(result, target, what, available=None) -> str:
    """The target asked for, or the first scenario difference (else the reference's level)."""
    targets = _sweep_targets(result) if available is None else list(available)
    if target is None:
        diffs = [t for t in targets if t not in result.scenarios]
        return diffs[0] if diffs else (result.reference if result.reference in targets else targets[0])
    if target not in targets:
        raise ValueError(f"{what}: unknown target {target!r}; the sweep's targets are {', '.join(targets)}")
    return target


def _target_scenarios(result, target) -> tuple[str, str | None]:
    """(scenario, reference) of a difference target, (scenario, None) of a level."""
    if target in result.scenarios:
        return target, None
    for s in result.scenarios:
        if target == f"{s} - {result.reference}":
            return s, result.reference
    raise ValueError(f"unknown target {target!r}")


def target_per_point(result, target=None, column=None) -> pd.Series:
    """Per design point: the mean over replicates of the target (a scenario's level, or its
    paired difference to the reference) in one output column."""
    what = "target_per_point"
    sweep = _need_sweep(result, what)
    column = _column(sweep, column, what)
    target = _target(result, target, what)
    s, ref = _target_scenarios(result, target)
    o = sweep.outputs
    o = o[(o["column"] == column) & o["done"]]
    w = o.pivot_table(index=["point", "replicate"], columns="scenario", values="value", aggfunc="first")
    v = (w[s] - w[ref]) if ref is not None else w[s]
    return v.dropna().groupby(level="point").mean()


def tornado_table(result, target=None, column=None) -> pd.DataFrame:
    """Per parameter: mean of the target over the design points with the parameter in its lowest
    quarter (unit value < 0.25) and its highest quarter (> 0.75), the overall mean and the swing."""
    y = target_per_point(result, target, column)
    unit = result.sweep.design.pivot(index="point", columns="parameter", values="unit_value").loc[y.index]
    rows = []
    for p in result.sweep.parameters["name"]:
        lo, hi = y[unit[p] < 0.25].mean(), y[unit[p] > 0.75].mean()
        rows.append((p, lo, hi, abs(hi - lo), int((unit[p] < 0.25).sum()), int((unit[p] > 0.75).sum())))
    t = pd.DataFrame(rows, columns=["parameter", "low", "high", "swing", "n_low", "n_high"])
    t["mean"] = y.mean()
    return t.sort_values("swing", ascending=False, na_position="last").reset_index(drop=True)


def tornado(result, path, lang="en", column=None, target=None, max_parameters=15):
    """For each parameter, the mean of the target over the design points with the parameter in
    its lowest quarter and in its highest quarter, as bars from the mean over all points, sorted
    by the swing between the two (the largest `max_parameters`)."""
    check_lang(lang)
    what = "tornado"
    sweep = _need_sweep(result, what)
    column = _column(sweep, column, what)
    target = _target(result, target, what)
    t = tornado_table(result, target, column)
    unit = sweep.columns.set_index("column").loc[column, "unit"]
    scale, unit_text = _unit_scale(unit, lang)
    total = len(t)
    t = t.head(max_parameters)
    mean = float(t["mean"].iloc[0]) / scale
    fig, ax = plt.subplots(figsize=FIGSIZE)
    ys = np.arange(len(t))[::-1]
    h = 0.38
    for y, row in zip(ys, t.itertuples()):
        if np.isfinite(row.low):
            ax.barh(y + h / 2, row.low / scale - mean, left=mean, height=h, color="0.85", edgecolor="black",
                    hatch="///", lw=0.6, gid=f"low:{row.parameter}")
        if np.isfinite(row.high):
            ax.barh(y - h / 2, row.high / scale - mean, left=mean, height=h, color="0.3", edgecolor="black",
                    lw=0.6, gid=f"high:{row.parameter}")
    ax.axvline(mean, color="black", lw=1, gid="mean")
    ax.set_yticks(ys)
    ax.set_yticklabels([_parameter_label(p) for p in t["parameter"]], fontsize=6.5, linespacing=0.95)
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlabel(label("axis.tornado", lang, target=target, column=column, unit=unit_text), fontsize=9)
    title = label("title.tornado", lang)
    if total > len(t):
        title += f" ({label('note.top_parameters', lang, n=len(t), total=total, what=label('swing', lang))})"
    ax.set_title(_wrap(title, 75), fontsize=9)
    handles = [Patch(facecolor="0.85", edgecolor="black", hatch="///", label=label("lowest quarter", lang)),
               Patch(facecolor="0.3", edgecolor="black", label=label("highest quarter", lang)),
               Line2D([], [], color="black", lw=1, label=f"{label('overall mean', lang)} ({_number(mean, lang)})")]
    _legend_below(fig, handles, fontsize=7, top=1)
    return _finish(fig, path, lang)


def _indices_for(result, what, name, field, column, target):
    """The sweep, the column and target chosen (defaults as documented) and their rows of the
    sweep's `field` index table ("sobol" or "morris"); ValueError when the file has none."""
    sweep = _need_sweep(result, what)
    table = getattr(sweep, field)
    if table is None or table.empty:
        raise _no_indices(result, what, name)
    column = _column(sweep, column, what)
    target = _target(result, target, what, available=_ordered(table["target"]))
    return sweep, column, target, table[(table["target"] == target) & (table["column"] == column)]


def sobol_indices(result, path, lang="en", column=None, target=None, max_parameters=15):
    """First-order (hatched) and total (solid) Sobol indices per parameter with their bootstrap
    intervals, sorted by the total index."""
    check_lang(lang)
    sweep, column, target, t = _indices_for(result, "sobol_indices", "Sobol", "sobol", column, target)
    t = t.sort_values("total", ascending=False)
    total = len(t)
    t = t.head(max_parameters)
    fig, ax = plt.subplots(figsize=FIGSIZE)
    ys = np.arange(len(t))[::-1]
    h = 0.38
    for key, dy, face, hatch, name in (("first", h / 2, "0.85", "///", "first-order index"),
                                       ("total", -h / 2, "0.3", "", "total index")):
        v = t[key].to_numpy()
        err = np.clip(np.vstack([v - t[f"{key}_low"].to_numpy(), t[f"{key}_high"].to_numpy() - v]), 0, None)
        ax.barh(ys + dy, v, height=h, color=face, edgecolor="black", hatch=hatch, lw=0.6, label=label(name, lang),
                xerr=err, error_kw={"ecolor": "black" if key == "first" else "0.55", "capsize": 2, "lw": 0.8},
                gid=key)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(ys)
    ax.set_yticklabels([_parameter_label(p) for p in t["parameter"]], fontsize=6.5, linespacing=0.95)
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlabel(label("axis.sobol_index", lang), fontsize=9)
    title = label("title.sobol", lang, target=target, column=column)
    if total > len(t):
        title += f" ({label('note.top_parameters', lang, n=len(t), total=total, what=label('total index', lang))})"
    ax.set_title(_wrap(title, 75), fontsize=9)
    ax.legend(fontsize=7, loc="lower right", frameon=True, framealpha=0.9)
    fig.tight_layout()
    return _finish(fig, path, lang)


def _spread(positions, gap, low, high):
    """Label positions moved apart to at least `gap`, kept within [low, high], order kept."""
    order = np.argsort(positions)
    p = np.asarray(positions, dtype=float)[order].copy()
    for i in range(1, len(p)):
        p[i] = max(p[i], p[i - 1] + gap)
    overflow = p[-1] - high if len(p) else 0
    if overflow > 0:
        p -= overflow
        for i in range(len(p) - 2, -1, -1):
            p[i] = min(p[i], p[i + 1] - gap)
    p = np.maximum(p, low)
    out = np.empty_like(p)
    out[order] = p
    return out


def morris_mu_sigma(result, path, lang="en", column=None, target=None, n_labels=10):
    """Morris screening: mu* (x) against sigma (y) per parameter; the `n_labels` parameters with
    the largest mu* are named."""
    check_lang(lang)
    sweep, column, target, t = _indices_for(result, "morris_mu_sigma", "Morris", "morris", column, target)
    unit = sweep.columns.set_index("column").loc[column, "unit"]
    scale, unit_text = _unit_scale(unit, lang)
    x, y = t["mu_star"].to_numpy() / scale, t["sigma"].to_numpy() / scale
    fig, ax = plt.subplots(figsize=FIGSIZE)
    ax.scatter(x, y, s=22, facecolor="0.35", edgecolor="black", lw=0.5, zorder=3, gid="points")
    top = max(float(np.nanmax(x)) if len(x) else 1.0, float(np.nanmax(y)) if len(y) else 1.0, 1e-12)
    ax.plot([0, top * 1.05], [0, top * 1.05], color="0.5", linestyle="--", lw=0.8, label=label("sigma = mu*", lang))
    xmax, ymax = float(np.nanmax(x)) * 1.05 if len(x) else 1.0, float(np.nanmax(y)) * 1.12 if len(y) else 1.0
    ax.set_xlim(0, xmax * 1.02 or 1.0)
    ax.set_ylim(0, ymax or 1.0)
    # name the largest mu*: labels to the right of their point (left in the right third of the
    # axis), spread vertically so that they do not overlap
    idx = np.argsort(-np.nan_to_num(x, nan=-np.inf))[: min(n_labels, len(x))]
    if len(idx):
        ylo, yhi = ax.get_ylim()
        fy = (y[idx] - ylo) / (yhi - ylo)
        pos = _spread(fy, 0.055, 0.02, 0.97)
        for k, i in enumerate(idx):
            right = x[i] > 0.6 * ax.get_xlim()[1]
            dx = -0.03 if right else 0.03
            tx = x[i] / ax.get_xlim()[1] + dx
            ax.annotate(_short(t["parameter"].iloc[i], 44), xy=(x[i], y[i]), xycoords="data",
                        xytext=(tx, pos[k]), textcoords="axes fraction", fontsize=6.5,
                        ha="right" if right else "left", va="center",
                        arrowprops={"arrowstyle": "-", "color": "0.5", "lw": 0.5}, gid=f"name:{t['parameter'].iloc[i]}")
    ax.set_xlabel(label("axis.mu_star", lang, unit=unit_text), fontsize=9)
    ax.set_ylabel(label("axis.sigma", lang, unit=unit_text), fontsize=9)
    ax.set_title(_wrap(label("title.morris", lang, target=target, column=column), 100), fontsize=10)
    ax.tick_params(labelsize=8)
    ax.legend(fontsize=7, loc="upper left", frameon=False)
    fig.tight_layout()
    return _finish(fig, path, lang)
