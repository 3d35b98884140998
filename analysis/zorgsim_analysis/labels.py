"""Dutch and English labels for the plots: laws, placement forms, tiers, income classes,
axis titles, plot titles and statistical terms.

`label(key, lang)` returns the text for `key` in `lang` ("en" or "nl"). A key this module does
not know comes back unchanged, so a category added to zorgsim later still plots (under its id).
Some labels are templates with `{fields}`: pass them as keyword arguments,
e.g. `label("title.savings_waterfall", "nl", scenario="adviesraad", years="2026-2029")`.
"""
from __future__ import annotations

LANGUAGES = ("en", "nl")

#: key -> (English, Dutch)
LABELS: dict[str, tuple[str, str]] = {
    # --- laws (the categories of cost.by_law)
    "jeugdwet": ("Youth care (Jeugdwet)", "Jeugdwet"),
    "wmo": ("Social support (Wmo)", "Wmo"),
    "participatiewet": ("Welfare and work (Participatiewet)", "Participatiewet"),
    "schuldhulpverlening": ("Debt help (schuldhulpverlening)", "Schuldhulpverlening"),
    # --- out-of-home placement forms (youth.stock_by_state 3-6)
    "foster_care": ("Foster care", "Pleegzorg"),
    "family_home": ("Family-style group home", "Gezinshuis"),
    "residential": ("Residential youth care", "Residentiële jeugdhulp"),
    "closed_youth_care": ("Secure youth care", "Gesloten jeugdhulp"),
    # --- tiers (youth.persons_by_tier, wmo.persons_by_tier)
    "tier0_self_reliant": ("Tier 0: self-reliant", "Trede 0: zelfredzaam"),
    "tier1_general": ("Tier 1: general provision", "Trede 1: algemene voorziening"),
    "tier2_bespoke": ("Tier 2: bespoke care", "Trede 2: maatwerk"),
    "tier3_heavy": ("Tier 3: heavy care", "Trede 3: zware zorg"),
    # --- household income classes (share of the social minimum)
    "le_100pct": ("≤ 100% of the social minimum", "≤ 100% sociaal minimum"),
    "100_115pct": ("100–115% of the social minimum", "100–115% sociaal minimum"),
    "115_130pct": ("115–130% of the social minimum", "115–130% sociaal minimum"),
    "gt_130pct": ("> 130% of the social minimum", "> 130% sociaal minimum"),
    # --- populations
    "youth": ("Youth (0–22)", "Jeugdigen (0–22)"),
    "adults_wmo": ("Adults (18+, Wmo)", "Volwassenen (18+, Wmo)"),
    # --- waiting lists
    "wijkteam.queue": ("Local team queue, youth", "Wachtlijst toegang wijkteam, jeugd"),
    "wijkteam.wmo_queue": ("Local team queue, Wmo", "Wachtlijst toegang wijkteam, Wmo"),
    "provisions.waiting": ("Waiting for a place", "Wachtend op een plek"),
    # --- scenarios
    "baseline": ("Baseline", "Basispad"),
    # --- terms
    "cost": ("cost", "lasten"),
    "saving": ("saving", "besparing"),
    "savings": ("savings", "besparingen"),
    "year": ("Year", "Jaar"),
    "persons": ("persons", "personen"),
    "EUR": ("EUR", "euro"),
    "EUR million": ("EUR million", "miljoen euro"),
    "median": ("median", "mediaan"),
    "50% band": ("50% band", "50%-interval"),
    "90% band": ("90% band", "90%-interval"),
    "out-of-home placements": ("out-of-home placements", "uithuisplaatsingen"),
    "waiting lists": ("waiting lists", "wachtlijsten"),
    "unmet need": ("unmet need", "onvervulde hulpvraag"),
    "escalations": ("escalations", "escalaties"),
    "first-order index": ("first-order index", "eerste-orde-index"),
    "total index": ("total index", "totale index"),
    "mu*": ("μ*", "μ*"),
    "sigma": ("σ", "σ"),
    "interaction": ("Interaction (the rest)", "Interactie (de rest)"),
    "package": ("Package total", "Pakket totaal"),
    "other measures": ("{n} other measures", "{n} overige maatregelen"),
    "lowest quarter": ("parameter in its lowest quarter", "parameter in laagste kwart"),
    "highest quarter": ("parameter in its highest quarter", "parameter in hoogste kwart"),
    "overall mean": ("mean over all design points", "gemiddelde over alle ontwerppunten"),
    "difference": ("difference", "verschil"),
    "level": ("level", "niveau"),
    "sigma = mu*": ("σ = μ*", "σ = μ*"),
    "replicates": ("replicates", "replicaties"),
    "total": ("Total", "Totaal"),
    # --- axis titles
    "axis.cost_eur_million": ("Cost (EUR million)", "Lasten (miljoen euro)"),
    "axis.saving_eur_million": ("Saving (EUR million)", "Besparing (miljoen euro)"),
    "axis.persons": ("Persons at year end", "Personen aan het eind van het jaar"),
    "axis.placements": ("Placements at year end", "Uithuisplaatsingen aan het eind van het jaar"),
    "axis.waiting": ("Waiting at year end (persons)", "Wachtend aan het eind van het jaar (personen)"),
    "axis.persons_log": ("Persons at year end (log scale)", "Personen aan het eind van het jaar (log-schaal)"),
    "axis.unmet_need": ("Unmet need at year end (persons)", "Onvervulde hulpvraag aan het eind van het jaar (personen)"),
    "axis.unmet_need_diff": (
        "Unmet need at year end, scenario − {reference} (persons)",
        "Onvervulde hulpvraag aan het eind van het jaar, scenario − {reference} (personen)",
    ),
    "axis.escalations": ("Escalations in the year (persons)", "Escalaties in het jaar (personen)"),
    "axis.escalations_diff": (
        "Escalations in the year, scenario − {reference} (persons)",
        "Escalaties in het jaar, scenario − {reference} (personen)",
    ),
    "axis.parameter": ("Parameter", "Parameter"),
    "axis.sobol_index": ("Sobol index", "Sobol-index"),
    "axis.mu_star": ("μ*: mean absolute elementary effect ({unit})", "μ*: gemiddeld absoluut elementair effect ({unit})"),
    "axis.sigma": ("σ: sd of the elementary effects ({unit})", "σ: sd van de elementaire effecten ({unit})"),
    "axis.tornado": (
        "{target}: {column} ({unit})",
        "{target}: {column} ({unit})",
    ),
    # --- plot titles
    "title.fan_chart_cost": ("Cost per law: median over replicates with 50% and 90% bands",
                             "Lasten per wet: mediaan over replicaties met 50%- en 90%-interval"),
    "title.placements_by_form": ("Out-of-home placements by form at year end (median over replicates)",
                                 "Uithuisplaatsingen naar vorm aan het eind van het jaar (mediaan over replicaties)"),
    "title.waiting_lists": ("Waiting lists at year end (median over replicates)",
                            "Wachtlijsten aan het eind van het jaar (mediaan over replicaties)"),
    "title.clients_per_tier": ("Persons per care tier at year end (median over replicates)",
                               "Personen per trede aan het eind van het jaar (mediaan over replicaties)"),
    "title.savings_waterfall": ("Savings on net cost, {scenario} vs {reference}, {years}: measures alone, interaction, package",
                                "Besparing op netto lasten, {scenario} t.o.v. {reference}, {years}: maatregelen los, interactie, pakket"),
    "title.unmet_need_by_income_levels": ("Unmet need and escalations by household income (median over replicates)",
                                          "Onvervulde hulpvraag en escalaties naar huishoudinkomen (mediaan over replicaties)"),
    "title.unmet_need_by_income_diff": ("Unmet need and escalations by household income: scenario − {reference} (median of paired differences)",
                                        "Onvervulde hulpvraag en escalaties naar huishoudinkomen: scenario − {reference} (mediaan van gepaarde verschillen)"),
    "title.unmet_need_panel": ("Unmet need (youth + Wmo)", "Onvervulde hulpvraag (jeugd + Wmo)"),
    "title.escalations_panel": ("Escalations from unmet need (youth + Wmo)", "Escalaties door onvervulde hulpvraag (jeugd + Wmo)"),
    "title.tornado": ("Mean over design points with the parameter in its lowest/highest quarter, as bars from the overall mean",
                      "Gemiddelde over ontwerppunten met de parameter in zijn laagste/hoogste kwart, als balken vanaf het totale gemiddelde"),
    "title.sobol": ("Sobol indices of {target}: {column} (bootstrap intervals)",
                    "Sobol-indices van {target}: {column} (bootstrap-intervallen)"),
    "title.morris": ("Morris screening of {target}: {column}", "Morris-screening van {target}: {column}"),
    "note.waterfall_errors": ("Error bars: ±1.96 standard errors (approximate: the years' errors added in quadrature)",
                              "Foutbalken: ±1,96 standaardfout (benadering: de fouten van de jaren kwadratisch opgeteld)"),
    "note.top_parameters": ("the {n} of {total} parameters with the largest {what}",
                            "de {n} van {total} parameters met de grootste {what}"),
    "swing": ("swing", "uitslag"),
}


def check_lang(lang: str) -> str:
    """`lang` if it is a language this module knows; ValueError otherwise."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(map(repr, LANGUAGES))}")
    return lang


def label(key: str, lang: str = "en", **fields) -> str:
    """The label of `key` in `lang` ("en" or "nl"); the key itself when unknown.

    Keyword arguments fill the label's `{fields}` (templates such as plot titles).
    """
    check_lang(lang)
    text = LABELS[key][LANGUAGES.index(lang)] if key in LABELS else str(key)
    return text.format(**fields) if fields and key in LABELS else text


def labels(keys, lang: str = "en") -> list[str]:
    """`label` of each key."""
    return [label(k, lang) for k in keys]
