"""Tests of zorgsim_analysis.plots and zorgsim_analysis.labels.

They rely on the fixtures run_file, comparison_file (with --attribution and at least one
scenario besides the reference), sobol_file and morris_file from conftest.py: each the path of a
small result file (a loaded Result is accepted too).
"""
from __future__ import annotations

import dataclasses

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from zorgsim_analysis import plots  # noqa: E402
from zorgsim_analysis.labels import LABELS, label  # noqa: E402
from zorgsim_analysis.load import Result, load  # noqa: E402

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MIN_PNG_BYTES = 10_000

_loaded: dict[str, Result] = {}


def _result(file) -> Result:
    """A fixture's file loaded once per session (the plots do not change a Result)."""
    if isinstance(file, Result):
        return file
    key = str(file)
    if key not in _loaded:
        _loaded[key] = load(file)
    return _loaded[key]


@pytest.fixture
def run_result(run_file):
    return _result(run_file)


@pytest.fixture
def comparison_result(comparison_file):
    return _result(comparison_file)


@pytest.fixture
def sobol_result(sobol_file):
    return _result(sobol_file)


@pytest.fixture
def morris_result(morris_file):
    return _result(morris_file)


@pytest.fixture
def draw(tmp_path):
    """Calls a plot function with a fresh PNG path, checks the PNG and closes the figure after the test."""
    figures = []

    def call(function, result, lang="en", **kwargs):
        path = tmp_path / f"{function.__name__}-{lang}-{len(figures)}.png"
        fig = function(result, path, lang=lang, **kwargs)
        figures.append(fig)
        assert isinstance(fig, matplotlib.figure.Figure)
        data = path.read_bytes()
        assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
        assert len(data) > MIN_PNG_BYTES, f"{path} is only {len(data)} bytes"
        return fig

    yield call
    for fig in figures:
        plt.close(fig)


def texts(fig) -> str:
    """Every title, axis label, suptitle, legend entry and y tick label of the figure, one a line
    (wrapped texts joined)."""
    parts = [fig._suptitle.get_text() if fig._suptitle is not None else ""]
    for ax in fig.axes:
        parts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        parts += [t.get_text() for t in ax.get_yticklabels()]
        if ax.get_legend() is not None:
            parts += [t.get_text() for t in ax.get_legend().get_texts()]
    for legend in fig.legends:
        parts += [t.get_text() for t in legend.get_texts()]
    return "\n".join(p.replace("\n", " ") for p in parts)


def artist(fig, gid):
    """The artist with this gid (first found)."""
    found = fig.findobj(lambda a: a.get_gid() == gid)
    assert found, f"no artist with gid {gid!r}"
    return found[0]


def median_by_year(df):
    return df.groupby("year")["value"].median()


# --------------------------------------------------------------------------------------------
# labels


def test_labels_in_both_languages():
    assert label("jeugdwet", "en") == "Youth care (Jeugdwet)"
    assert label("jeugdwet", "nl") == "Jeugdwet"
    assert label("le_100pct", "en") == "≤ 100% of the social minimum"
    assert label("le_100pct", "nl") == "≤ 100% sociaal minimum"
    assert label("foster_care", "nl") == "Pleegzorg"
    assert label("tier3_heavy", "nl").startswith("Trede 3")
    assert label("EUR million", "nl") == "miljoen euro"
    assert label("median", "nl") == "mediaan"
    for key in ("wmo", "participatiewet", "schuldhulpverlening", "family_home", "residential", "closed_youth_care",
                "tier0_self_reliant", "tier1_general", "tier2_bespoke", "100_115pct", "115_130pct", "gt_130pct",
                "cost", "saving", "year", "persons", "50% band", "90% band", "out-of-home placements",
                "waiting lists", "unmet need", "escalations", "first-order index", "total index", "mu*", "sigma"):
        assert key in LABELS and label(key, "en") and label(key, "nl")


def test_label_templates_and_fallback():
    assert label("other measures", "nl", n=3) == "3 overige maatregelen"
    assert label("some_new_category", "nl") == "some_new_category"
    assert label("{not a template}", "en", n=1) == "{not a template}"


@pytest.mark.parametrize("lang", ["de", "EN", "", None])
def test_label_unknown_language(lang):
    with pytest.raises(ValueError, match="unknown language"):
        label("jeugdwet", lang)


# --------------------------------------------------------------------------------------------
# every plot, in English and Dutch: a PNG and the expected words

CASES = [
    # function, fixture, kwargs, words in English, words in Dutch
    (plots.fan_chart_cost, "run_result", {}, ["Cost (EUR million)", "Year", "Youth care (Jeugdwet)", "median", "90% band"],
     ["Lasten (miljoen euro)", "Jaar", "Jeugdwet", "mediaan", "90%-interval"]),
    (plots.fan_chart_cost, "comparison_result", {}, ["Cost (EUR million)", "Social support (Wmo)", "50% band"],
     ["Lasten (miljoen euro)", "Schuldhulpverlening", "50%-interval"]),
    (plots.placements_by_form, "run_result", {}, ["Placements at year end", "Foster care", "Out-of-home placements"],
     ["Uithuisplaatsingen", "Pleegzorg", "Gezinshuis", "Jaar"]),
    (plots.placements_by_form, "comparison_result", {}, ["Placements at year end", "Secure youth care"],
     ["Gesloten jeugdhulp", "Residentiële jeugdhulp"]),
    (plots.waiting_lists, "run_result", {}, ["Waiting lists", "Local team queue, youth", "Waiting for a place"],
     ["Wachtlijsten", "Wachtend op een plek", "Jaar"]),
    (plots.waiting_lists, "comparison_result", {}, ["Local team queue, Wmo", "Year"], ["Wachtlijst toegang wijkteam, Wmo"]),
    (plots.clients_per_tier, "run_result", {}, ["Persons per care tier", "Tier 0: self-reliant", "Youth (0–22)"],
     ["Personen per trede", "Trede 0: zelfredzaam", "Jeugdigen (0–22)"]),
    (plots.clients_per_tier, "comparison_result", {}, ["Adults (18+, Wmo)", "log scale"], ["Volwassenen (18+, Wmo)", "log-schaal"]),
    (plots.savings_waterfall, "comparison_result", {}, ["Saving (EUR million)", "Package total", "Interaction"],
     ["Besparing (miljoen euro)", "Pakket totaal", "Interactie"]),
    (plots.tornado, "sobol_result", {}, ["lowest/highest quarter", "overall mean", "EUR million"],
     ["laagste/hoogste", "kwart", "miljoen euro"]),
    (plots.tornado, "morris_result", {}, ["lowest/highest quarter", "mean over all design points"],
     ["ontwerppunten", "gemiddelde over alle ontwerppunten"]),
    (plots.sobol_indices, "sobol_result", {}, ["Sobol index", "first-order index", "total index", "bootstrap"],
     ["Sobol-index", "eerste-orde-index", "totale index", "bootstrap-intervallen"]),
    (plots.morris_mu_sigma, "morris_result", {}, ["μ*: mean absolute elementary effect (EUR million)", "σ: sd of the elementary effects"],
     ["gemiddeld absoluut elementair effect (miljoen euro)", "elementaire effecten", "Morris-screening"]),
]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("function, fixture, kwargs, english, dutch", CASES,
                         ids=[f"{c[0].__name__}-{c[1].split('_')[0]}" for c in CASES])
def test_plot_png_and_labels(request, draw, lang, function, fixture, kwargs, english, dutch):
    result = request.getfixturevalue(fixture)
    fig = draw(function, result, lang=lang, **kwargs)
    words = texts(fig)
    for word in english if lang == "en" else dutch:
        assert word in words, f"{word!r} not in the {lang} labels of {function.__name__}:\n{words}"
    assert all(ax.get_xlabel() or not ax.get_visible() or ax.get_title() for ax in fig.axes)


# --------------------------------------------------------------------------------------------
# numbers drawn = numbers in the file


def test_fan_chart_median_is_the_median_over_replicates(draw, comparison_result):
    r = comparison_result
    fig = draw(plots.fan_chart_cost, r)
    a = r.annual
    for s in r.scenarios:
        expected = median_by_year(a[(a.indicator == "cost.by_law") & (a.category == "jeugdwet") & (a.scenario == s)]) / 1e6
        line = artist(fig, f"median:jeugdwet:{s}")
        np.testing.assert_allclose(line.get_xdata(), expected.index)
        np.testing.assert_allclose(line.get_ydata(), expected.to_numpy())
    assert [ax.get_title() for ax in fig.axes][:4] == [label(law, "en") for law in
                                                      ("jeugdwet", "wmo", "participatiewet", "schuldhulpverlening")]
    assert fig.axes[-1].get_xlabel() == "Year"
    assert fig.axes[0].get_ylabel() == "Cost (EUR million)"


def test_fan_chart_bands_hold_the_median(draw, run_result):
    fig = draw(plots.fan_chart_cost, run_result)
    for law in ("jeugdwet", "wmo"):
        y = artist(fig, f"median:{law}:{run_result.scenarios[0]}").get_ydata()
        band = artist(fig, f"band90:{law}:{run_result.scenarios[0]}").get_paths()[0].vertices[:, 1]
        assert band.min() <= y.min() + 1e-12 and band.max() >= y.max() - 1e-12


def test_fan_chart_scenario_choice(draw, comparison_result):
    s = comparison_result.scenarios[-1]
    fig = draw(plots.fan_chart_cost, comparison_result, scenarios=[s])
    assert fig.findobj(lambda a: a.get_gid() == f"median:wmo:{s}")
    assert not fig.findobj(lambda a: a.get_gid() == f"median:wmo:{comparison_result.scenarios[0]}")
    with pytest.raises(ValueError, match="unknown scenario"):
        plots.fan_chart_cost(comparison_result, None, scenarios=["no-such-scenario"])


def test_placements_median_per_form_and_total(draw, comparison_result):
    r = comparison_result
    fig = draw(plots.placements_by_form, r)
    assert len(fig.axes) == len(r.scenarios)
    a = r.annual
    x = a[(a.indicator == "youth.stock_by_state") & (a.scenario == r.scenarios[-1])]
    expected = median_by_year(x[x.category == "foster_care"])
    np.testing.assert_allclose(artist(fig, f"median:foster_care:{r.scenarios[-1]}").get_ydata(), expected.to_numpy())
    forms = ["foster_care", "family_home", "residential", "closed_youth_care"]
    total = x[x.category.isin(forms)].groupby(["replicate", "year"]).value.sum().groupby("year").median()
    np.testing.assert_allclose(artist(fig, f"median:total:{r.scenarios[-1]}").get_ydata(), total.to_numpy())


def test_waiting_lists_sum_light_and_moderate(draw, comparison_result):
    r = comparison_result
    fig = draw(plots.waiting_lists, r)
    a = r.annual
    s = r.scenarios[0]
    q = a[(a.indicator == "wijkteam.queue") & (a.scenario == s)]
    assert set(q.category) == {"light", "moderate"}
    expected = q.groupby(["replicate", "year"]).value.sum().groupby("year").median()
    np.testing.assert_allclose(artist(fig, f"median:wijkteam.queue:{s}").get_ydata(), expected.to_numpy())
    assert fig.axes[0].get_ylabel() == "Waiting at year end (persons)"
    assert [ax.get_title() for ax in fig.axes] == ["Local team queue, youth", "Local team queue, Wmo", "Waiting for a place"]


def test_clients_per_tier(draw, run_result):
    r = run_result
    fig = draw(plots.clients_per_tier, r)
    assert [ax.get_title() for ax in fig.axes] == ["Youth (0–22)", "Adults (18+, Wmo)"]
    assert all(ax.get_yscale() == "log" for ax in fig.axes)
    a = r.annual
    s = r.scenarios[0]
    expected = median_by_year(a[(a.indicator == "wmo.persons_by_tier") & (a.category == "tier2_bespoke") & (a.scenario == s)])
    np.testing.assert_allclose(artist(fig, f"median:wmo.persons_by_tier:tier2_bespoke:{s}").get_ydata(), expected.to_numpy())


def _package_saving(r, scenario, first, last):
    at = r.attribution
    p = at[(at.indicator == "cost.net_total") & (at.scenario == scenario) & (at.term == "package")
           & (at.year >= first) & (at.year <= last)]
    return -p.value.sum() / 1e6


def test_waterfall_package_bar_is_the_package_saving(draw, comparison_result):
    r = comparison_result
    fig = draw(plots.savings_waterfall, r)
    scenario = next(s for s in r.scenarios if s in set(r.attribution.scenario))
    years = sorted(r.annual.year.unique())
    first = years[1] if len(years) > 1 else years[0]
    package = artist(fig, "package")
    assert package.get_x() == 0
    assert package.get_width() == pytest.approx(_package_saving(r, scenario, first, years[-1]), rel=1e-9, abs=1e-12)
    # the steps (measures, other measures, interaction) end where the package does
    end = artist(fig, "interaction")
    assert end.get_x() + end.get_width() == pytest.approx(package.get_width(), rel=1e-6, abs=1e-9)
    assert scenario in fig.axes[0].get_title().replace("\n", " ")


def test_waterfall_options(draw, comparison_result):
    r = comparison_result
    scenarios = [s for s in r.scenarios if s in set(r.attribution.scenario)]
    years = sorted(r.annual.year.unique())
    s = scenarios[-1]
    fig = draw(plots.savings_waterfall, r, scenario=s, first_year=years[-1], last_year=years[-1], max_measures=3)
    assert artist(fig, "package").get_width() == pytest.approx(_package_saving(r, s, years[-1], years[-1]), abs=1e-12)
    n_measures = len(r.measures[s])
    if n_measures > 4:
        assert any(t.get_text().startswith(f"{n_measures - 3} other measures") for t in fig.axes[0].get_yticklabels())
    with pytest.raises(ValueError, match="no attribution for scenario"):
        plots.savings_waterfall(r, None, scenario="no-such-scenario")
    with pytest.raises(ValueError, match="not within"):
        plots.savings_waterfall(r, None, first_year=years[0] - 5)


def _with_escalations(r: Result) -> Result:
    """A copy of r with the *.escalations_by_income_class indicators, made from the unmet-need
    indicators when the file lacks them (files of zorgsim before they were added)."""
    a = r.annual
    if "youth.escalations_by_income_class" in set(a.indicator):
        return r
    extra = a[a.indicator.isin(plots.UNMET_BY_INCOME)].copy()
    extra["indicator"] = extra["indicator"].str.replace("unmet_need_by_income_class", "escalations_by_income_class")
    extra["value"] = extra["value"] * 0.5 + extra["replicate"]
    return dataclasses.replace(r, annual=pd.concat([a, extra], ignore_index=True))


def _without_escalations(r: Result) -> Result:
    return dataclasses.replace(r, annual=r.annual[~r.annual.indicator.isin(plots.ESCALATIONS_BY_INCOME)])


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_unmet_need_by_income_difference(draw, comparison_result, lang):
    r = _with_escalations(comparison_result)
    fig = draw(plots.unmet_need_by_income, r, lang=lang)
    ref, s = r.reference, [x for x in r.scenarios if x != r.reference][0]
    a = r.annual
    w = (a[a.indicator.isin(plots.UNMET_BY_INCOME) & (a.category == "le_100pct")]
         .groupby(["scenario", "replicate", "year"]).value.sum().unstack("scenario"))
    expected = (w[s] - w[ref]).groupby("year").median()
    np.testing.assert_allclose(artist(fig, f"diff:unmet_need_by_income_class:le_100pct:{s}").get_ydata(), expected.to_numpy())
    words = texts(fig)
    if lang == "en":
        assert "Unmet need (youth + Wmo)" in words and "Escalations" in words and "≤ 100% of the social minimum" in words
        assert f"scenario − {label(ref, 'en')}" in fig.axes[0].get_ylabel().replace("\n", " ")
    else:
        assert "Onvervulde hulpvraag" in words and "Escalaties" in words and "≤ 100% sociaal minimum" in words


def test_unmet_need_by_income_levels(draw, run_result):
    r = _with_escalations(run_result)
    fig = draw(plots.unmet_need_by_income, r)
    a = r.annual
    s = r.scenarios[0]
    x = a[a.indicator.isin(plots.ESCALATIONS_BY_INCOME) & (a.category == "gt_130pct")]
    expected = x.groupby(["replicate", "year"]).value.sum().groupby("year").median()
    np.testing.assert_allclose(artist(fig, f"median:escalations_by_income_class:gt_130pct:{s}").get_ydata(), expected.to_numpy())
    assert fig.axes[1].get_ylabel() == "Escalations in the year (persons)"


def test_unmet_need_by_income_names_missing_indicators(run_result, comparison_result):
    for r in (run_result, comparison_result):
        with pytest.raises(ValueError, match="youth.escalations_by_income_class.*wmo.escalations_by_income_class"):
            plots.unmet_need_by_income(_without_escalations(r), None)


def _default_target(r, available):
    """The first scenario difference among the targets, else the reference's level."""
    return next((t for t in available if t not in r.scenarios), r.reference)


def _target_per_point(r, column):
    """Per point: mean over replicates of the first other scenario minus the reference (the
    reference's level when the sweep has one scenario), computed here."""
    o = r.sweep.outputs
    o = o[(o.column == column) & o.done]
    a = o[o.scenario == r.scenarios[-1]].set_index(["point", "replicate"]).value
    if len(r.scenarios) == 1:
        return a.groupby("point").mean()
    b = o[o.scenario == r.scenarios[0]].set_index(["point", "replicate"]).value
    return (a - b).dropna().groupby("point").mean()


@pytest.mark.parametrize("fixture", ["sobol_result", "morris_result"])
def test_tornado_bars_are_quarter_means(request, draw, fixture):
    r = request.getfixturevalue(fixture)
    fig = draw(plots.tornado, r)
    if len(r.scenarios) > 2:
        pytest.skip("the test computes the target of a sweep with one or two scenarios")
    column = r.sweep.columns.column.iloc[0]
    scale = 1e6 if r.sweep.columns.unit.iloc[0] == "EUR" else 1.0
    y = _target_per_point(r, column) / scale
    unit = r.sweep.design.pivot(index="point", columns="parameter", values="unit_value").loc[y.index]
    mean = y.mean()
    assert artist(fig, "mean").get_xdata()[0] == pytest.approx(mean)
    swings = {}
    for p in r.sweep.parameters.name:
        lo, hi = y[unit[p] < 0.25].mean(), y[unit[p] > 0.75].mean()
        swings[p] = abs(hi - lo)
        bars = fig.findobj(lambda a, p=p: a.get_gid() == f"low:{p}")
        if bars:
            assert bars[0].get_x() == pytest.approx(mean)
            assert bars[0].get_x() + bars[0].get_width() == pytest.approx(lo)
            assert artist(fig, f"high:{p}").get_x() + artist(fig, f"high:{p}").get_width() == pytest.approx(hi)
    # the parameter with the largest swing is drawn (at the top)
    top = max(swings, key=swings.get)
    assert fig.findobj(lambda a: a.get_gid() == f"low:{top}")
    assert r.scenarios[-1] in fig.axes[0].get_xlabel() and column in fig.axes[0].get_xlabel()
    assert "lowest/highest quarter" in fig.axes[0].get_title()


def test_tornado_level_target_and_column(draw, sobol_result):
    r = sobol_result
    column = r.sweep.columns.column.iloc[-1]
    fig = draw(plots.tornado, r, column=column, target=r.reference)
    assert fig.axes[0].get_xlabel().startswith(f"{r.reference}: {column}")
    with pytest.raises(ValueError, match="unknown column"):
        plots.tornado(r, None, column="no such column")
    with pytest.raises(ValueError, match="unknown target"):
        plots.tornado(r, None, target="no such target")


def test_sobol_bars_are_the_indices_sorted_by_total(draw, sobol_result):
    r = sobol_result
    fig = draw(plots.sobol_indices, r)
    s = r.sweep.sobol
    target = _default_target(r, s.target.unique())
    t = s[(s.target == target) & (s.column == r.sweep.columns.column.iloc[0])].sort_values("total", ascending=False)
    total_bars = sorted(fig.findobj(lambda a: a.get_gid() == "total"), key=lambda b: -b.get_y())
    first_bars = sorted(fig.findobj(lambda a: a.get_gid() == "first"), key=lambda b: -b.get_y())
    np.testing.assert_allclose([b.get_width() for b in total_bars], t.total.to_numpy()[: len(total_bars)])
    np.testing.assert_allclose([b.get_width() for b in first_bars], t["first"].to_numpy()[: len(first_bars)])
    assert first_bars[0].get_hatch() and not total_bars[0].get_hatch()
    assert fig.axes[0].get_xlabel() == "Sobol index"
    assert target in fig.axes[0].get_title()


def test_morris_points_and_names(draw, morris_result):
    r = morris_result
    fig = draw(plots.morris_mu_sigma, r, n_labels=10)
    m = r.sweep.morris
    target = _default_target(r, m.target.unique())
    t = m[(m.target == target) & (m.column == r.sweep.columns.column.iloc[0])]
    xy = artist(fig, "points").get_offsets()
    scale = 1e6 if r.sweep.columns.unit.iloc[0] == "EUR" else 1.0
    np.testing.assert_allclose(xy[:, 0], t.mu_star.to_numpy() / scale)
    np.testing.assert_allclose(xy[:, 1], t.sigma.to_numpy() / scale)
    named = {a.get_gid()[5:] for a in fig.findobj(lambda a: str(a.get_gid()).startswith("name:"))}
    assert named == set(t.sort_values("mu_star", ascending=False).parameter.head(10))


# --------------------------------------------------------------------------------------------
# wrong inputs


@pytest.mark.parametrize("function", [plots.tornado, plots.sobol_indices, plots.morris_mu_sigma])
def test_sweep_plots_refuse_other_files(function, run_result, comparison_result):
    for r in (run_result, comparison_result):
        with pytest.raises(ValueError, match="needs a sweep file"):
            function(r, None)


@pytest.mark.parametrize("function", [plots.fan_chart_cost, plots.placements_by_form, plots.waiting_lists,
                                      plots.clients_per_tier, plots.unmet_need_by_income])
def test_annual_plots_refuse_sweep_files(function, sobol_result):
    with pytest.raises(ValueError, match="needs a run or comparison file"):
        function(sobol_result, None)


def test_waterfall_needs_attribution(run_result, comparison_result, sobol_result):
    for r in (run_result, sobol_result, dataclasses.replace(comparison_result, attribution=None)):
        with pytest.raises(ValueError, match="attribution"):
            plots.savings_waterfall(r, None)


def test_sobol_and_morris_need_their_indices(sobol_result, morris_result):
    with pytest.raises(ValueError, match="no Sobol indices"):
        plots.sobol_indices(morris_result, None)
    with pytest.raises(ValueError, match="no Morris indices"):
        plots.morris_mu_sigma(sobol_result, None)


def test_missing_indicator_is_named(run_result):
    r = dataclasses.replace(run_result, annual=run_result.annual[run_result.annual.indicator != "cost.by_law"])
    with pytest.raises(ValueError, match="cost.by_law"):
        plots.fan_chart_cost(r, None)


def test_unknown_language(run_result, sobol_result):
    with pytest.raises(ValueError, match="unknown language"):
        plots.fan_chart_cost(run_result, None, lang="fr")
    with pytest.raises(ValueError, match="unknown language"):
        plots.tornado(sobol_result, None, lang="de")


def test_no_file_written_without_path(run_result, tmp_path):
    fig = plots.waiting_lists(run_result, None)
    try:
        assert fig.axes and not list(tmp_path.iterdir())
    finally:
        plt.close(fig)


def test_dutch_tick_labels_have_a_decimal_comma(draw, comparison_result, sobol_result):
    # A Dutch reader takes "2.5" for 2,500: the linear axes' tick labels use a decimal comma.
    fig = draw(plots.fan_chart_cost, comparison_result, lang="nl")
    fig.canvas.draw()
    ticks = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels() if t.get_text()]
    assert any("," in t for t in ticks) and not any("." in t for t in ticks), ticks
    fig = draw(plots.sobol_indices, sobol_result, lang="nl")
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert any("," in t for t in ticks) and not any("." in t for t in ticks), ticks
    fig = draw(plots.sobol_indices, sobol_result, lang="en")
    fig.canvas.draw()
    assert any("." in t.get_text() for t in fig.axes[0].get_xticklabels())
