// Measures as data (models/measures.*, models/policy_schedule.*, sim/app/measure_files.*):
// ramps, effects, binding, validation, contradictions, and the tables per target cell.
#include <catch2/catch.hpp>

#include "models/measures.hpp"
#include "models/policy_schedule.hpp"
#include "sim/app/measure_files.hpp"
#include "sim/month.hpp"
#include "test_support.hpp"

using namespace zorgsim::models;
using zorgsim::sim::Diagnostics;
using zorgsim::sim::InputError;

namespace {
int month(const char* m) { return zorgsim::sim::parse_month(m)->index(); }

// A measure file with one effect (and optional extra top-level lines).
std::string measure_yaml(const std::string& id, const std::string& effect, const std::string& extra = "",
                         const std::string& start = "2026-01", int ramp = 0) {
  return "id: " + id + "\nlaw: jeugdwet\nkind: behavioural\nlist: test\ntitle_nl: t\ndescription_nl: d\nsummary: s\n"
         "mechanism: m\nstart: " + start + "\nramp_months: " + std::to_string(ramp) + "\n" + extra +
         "effects:\n  - " + effect + "\n";
}

std::string problems(const std::vector<std::string>& texts, const zorgsim::app::Configuration& c) {
  try {
    zorgsim::test::plan_of(c, texts);
  } catch (const InputError& e) {
    std::string all;
    for (const auto& d : e.items()) all += d.str() + "\n";
    return all;
  }
  return "";
}
}  // namespace

TEST_CASE("a measure's intensity: nothing before its start, a linear ramp, full effect in the stated month", "[unit][measures]") {
  Measure m;
  m.start = month("2027-01");
  m.ramp_months = 3;
  m.end = month("2028-06");
  CHECK(m.intensity(month("2026-12")) == 0.0);
  CHECK(m.intensity(month("2027-01")) == 0.25);
  CHECK(m.intensity(month("2027-02")) == 0.5);
  CHECK(m.intensity(month("2027-03")) == 0.75);
  CHECK(m.intensity(month("2027-04")) == 1.0);  // start + ramp_months
  CHECK(m.intensity(month("2028-06")) == 1.0);
  CHECK(m.intensity(month("2028-07")) == 0.0);  // after its end
  m.ramp_months = 0;
  CHECK(m.intensity(month("2027-01")) == 1.0);
}

TEST_CASE("effects multiply, add and set at a share of their full effect; switches flip at once", "[unit][measures]") {
  const auto c = zorgsim::test::config();
  Diagnostics diags;
  Effect e;
  e.parameter = "youth.ambulant_duration";
  e.op = EffectOp::Multiply;
  e.value.real = 0.5;
  REQUIRE(bind_effect(e, c.params, diags));
  const double base = c.model.youth.ambulant_duration;
  CHECK(effect_value(e, 0.0).real == base);
  CHECK(effect_value(e, 0.5).real == Approx(base * 0.75).epsilon(1e-15));
  CHECK(effect_value(e, 1.0).real == Approx(base * 0.5).epsilon(1e-15));
  e.op = EffectOp::Add;
  e.value.real = 2;
  CHECK(effect_value(e, 0.25).real == Approx(base + 0.5).epsilon(1e-15));
  e.op = EffectOp::Set;
  e.value.real = 3;
  CHECK(effect_value(e, 0.5).real == Approx((base + 3) / 2).epsilon(1e-15));

  Effect list;  // one element of a list
  list.parameter = "youth.to_ambulant";
  list.value.real = 2;
  list.elements = {1};
  REQUIRE(bind_effect(list, c.params, diags));
  const auto v = effect_value(list, 1.0).reals;
  CHECK(v[0] == c.model.youth.to_ambulant[0]);
  CHECK(v[1] == Approx(2 * c.model.youth.to_ambulant[1]).epsilon(1e-15));
  CHECK(v[2] == c.model.youth.to_ambulant[2]);

  Effect sw;
  sw.parameter = "wmo.income_dependent_copayment";
  sw.op = EffectOp::Set;
  sw.type = Effect::ValueType::Boolean;
  sw.value.boolean = true;
  REQUIRE(bind_effect(sw, c.params, diags));
  CHECK_FALSE(effect_value(sw, 0.0).boolean);
  CHECK(effect_value(sw, 0.1).boolean);

  Effect rec;  // a record field of the provision catalogue, written into the right record
  rec.parameter = "provisions.begeleiding.tariff";
  rec.value.real = 0.8;
  REQUIRE(bind_effect(rec, c.params, diags));
  ModelParams p = c.model;
  apply_effects({{&rec, 1.0}}, p);
  for (std::size_t k = 0; k < p.provisions.size(); ++k) {
    INFO(p.provisions[k].id);
    if (p.provisions[k].id == "begeleiding") CHECK(p.provisions[k].tariff == Approx(0.8 * c.model.provisions[k].tariff));
    else CHECK(p.provisions[k].tariff == c.model.provisions[k].tariff);
  }
  CHECK(diags.empty());
}

TEST_CASE("bad measures are reported at their file, line and column", "[unit][measures][bad-input]") {
  const auto c = zorgsim::test::config();
  SECTION("an unknown parameter path") {
    const std::string p = problems({measure_yaml("a", "{parameter: youth.no_such_thing, operation: multiply, value: 0.9, plausible: [0.8, 1], source: x}")}, c);
    CHECK_THAT(p, Catch::Contains("measure0.yaml:12:5: youth.no_such_thing: no such model parameter"));
  }
  SECTION("multiply on a switch, a value of the wrong type, an element out of range") {
    CHECK_THAT(problems({measure_yaml("a", "{parameter: wmo.income_dependent_copayment, operation: multiply, value: 2, plausible: [1, 3], source: x}")}, c),
               Catch::Contains("does not fit a boolean parameter"));
    CHECK_THAT(problems({measure_yaml("a", "{parameter: youth.ambulant_duration, operation: set, value: long, source: x}")}, c),
               Catch::Contains("does not fit a number parameter"));
    CHECK_THAT(problems({measure_yaml("a", "{parameter: youth.to_ambulant, operation: multiply, value: 0.9, elements: [7], plausible: [0.8, 1], source: x}")}, c),
               Catch::Contains("element 7 out of range"));
  }
  SECTION("a value outside the valid range at full effect, a central value outside its plausible range") {
    CHECK_THAT(problems({measure_yaml("a", "{parameter: youth.aftercare_share, operation: multiply, value: 5, plausible: [1, 6], source: x}")}, c),
               Catch::Contains("outside the valid range [0, 1]"));
    CHECK_THAT(problems({measure_yaml("a", "{parameter: youth.ambulant_duration, operation: multiply, value: 0.5, plausible: [0.8, 1], source: x}")}, c),
               Catch::Contains("outside its plausible range"));
  }
  SECTION("dates outside the horizon, unknown keys, a missing plausible range") {
    CHECK_THAT(problems({measure_yaml("a", "{parameter: youth.ambulant_duration, operation: multiply, value: 0.9, plausible: [0.8, 1], source: x}", "", "2040-01")}, c),
               Catch::Contains("measure0.yaml:9:8: a: starts 2040-01, outside the run's horizon 2025-01 to 2035-12"));
    CHECK_THAT(problems({measure_yaml("a", "{parameter: youth.ambulant_duration, operation: multiply, value: 0.9, plausible: [0.8, 1], source: x, colour: red}")}, c),
               Catch::Contains("effects[0].colour: unknown key"));
    CHECK_THAT(problems({measure_yaml("a", "{parameter: youth.ambulant_duration, operation: multiply, value: 0.9, source: x}")}, c),
               Catch::Contains("every effect size needs a plausible range"));
  }
  SECTION("a target group on a municipality-wide parameter; a target outside the configuration's districts") {
    CHECK_THAT(problems({measure_yaml("a", "{parameter: access.wijkteam_fte, operation: add, value: 2, plausible: [0, 4], source: x}", "target: {ages: [0, 17]}\n")}, c),
               Catch::Contains("cannot be changed for a target group only"));
    CHECK_THAT(problems({measure_yaml("a", "{parameter: youth.ambulant_duration, operation: multiply, value: 0.9, plausible: [0.8, 1], source: x}", "target: {districts: [atlantis]}\n")}, c),
               Catch::Contains("'atlantis' is not a district of the configuration"));
  }
  SECTION("target provisions: a scope every effect must keep to") {
    CHECK_THAT(problems({measure_yaml("a", "{parameter: youth.ambulant_duration, operation: multiply, value: 0.9, plausible: [0.8, 1], source: x}", "target: {provisions: [begeleiding]}\n")}, c),
               Catch::Contains("outside the measure's target provisions"));
    CHECK_THAT(problems({measure_yaml("a", "{parameter: provisions.begeleiding.tariff, operation: multiply, value: 0.9, plausible: [0.8, 1], source: x}", "target: {provisions: [unicorns]}\n")}, c),
               Catch::Contains("'unicorns' is not a provision of the catalogue"));
    CHECK(problems({measure_yaml("a", "{parameter: provisions.begeleiding.tariff, operation: multiply, value: 0.9, plausible: [0.8, 1], source: x}", "target: {provisions: [begeleiding]}\n")}, c).empty());
  }
  SECTION("a cross-parameter check with the measure at full effect") {
    // Placement forms must sum to one: setting one list to other values breaks it.
    CHECK_THAT(problems({measure_yaml("a", "{parameter: youth.placement_form_share, operation: set, value: [0.5, 0.5, 0.5, 0.5], source: x}")}, c),
               Catch::Contains("with measure 'a' at full effect"));
  }
  SECTION("two measures that set one parameter to different values while both are active") {
    const std::string a = measure_yaml("a", "{parameter: youth.ambulant_duration, operation: set, value: 6, plausible: [5, 7], source: x}");
    const std::string b = measure_yaml("b", "{parameter: youth.ambulant_duration, operation: set, value: 8, plausible: [7, 9], source: x}");
    CHECK_THAT(problems({a, b}, c), Catch::Contains("measures 'a' and 'b' set this parameter to different values"));
    const std::string later = measure_yaml("b", "{parameter: youth.ambulant_duration, operation: set, value: 8, plausible: [7, 9], source: x}", "", "2031-01");
    const std::string ends = measure_yaml("a", "{parameter: youth.ambulant_duration, operation: set, value: 6, plausible: [5, 7], source: x}", "end: 2030-12\n");
    CHECK(problems({ends, later}, c).empty());  // never active together
    // Overlapping groups can contradict; groups that share nobody cannot.
    const std::string young = measure_yaml("b", "{parameter: youth.ambulant_duration, operation: set, value: 8, plausible: [7, 9], source: x}", "target: {ages: [0, 17]}\n");
    const std::string poor = measure_yaml("a", "{parameter: youth.ambulant_duration, operation: set, value: 6, plausible: [5, 7], source: x}", "target: {income_classes: [le_100pct]}\n");
    const std::string old = measure_yaml("a", "{parameter: youth.ambulant_duration, operation: set, value: 6, plausible: [5, 7], source: x}", "target: {ages: [65, 120]}\n");
    CHECK_THAT(problems({poor, young}, c), Catch::Contains("set this parameter to different values"));
    CHECK(problems({old, young}, c).empty());
  }
}

TEST_CASE("a targeted measure's tables: the target's cell carries it, cell 0 does not; unreachable cells stay empty", "[unit][measures]") {
  const auto c = zorgsim::test::config();
  const std::string young = measure_yaml("young", "{parameter: youth.ambulant_duration, operation: multiply, value: 0.5, plausible: [0.4, 1], source: x}",
                                         "target: {ages: [0, 17]}\n", "2026-01", 1);
  const std::string old = measure_yaml("old", "{parameter: wmo.household_help.duration, operation: multiply, value: 0.5, plausible: [0.4, 1], source: x}",
                                       "target: {ages: [65, 120]}\n", "2026-01");
  const std::string all = measure_yaml("all", "{parameter: youth.unmet_recovery, operation: multiply, value: 2, plausible: [1, 3], source: x}");
  PolicySchedule s(c.model, 1.0, zorgsim::test::plan_of(c, {young, old, all}));
  const PolicyMonth& before = s.month(month("2025-12"));
  CHECK(before.cells() == 1);
  CHECK(&before.base() == &s.initial());
  const PolicyMonth& first = s.month(month("2026-01"));
  REQUIRE(first.cells() == 4);
  const double base = c.model.youth.ambulant_duration;
  CHECK(first.base().params.youth.ambulant_duration == base);                   // outside both targets
  CHECK(first.base().params.youth.unmet_recovery[0] == Approx(2 * c.model.youth.unmet_recovery[0]));  // untargeted
  CHECK(first.at(1).params.youth.ambulant_duration == Approx(base * 0.75));       // ramp: half way
  CHECK(first.at(2).params.wmo.household_help.duration == Approx(0.5 * c.model.wmo.household_help.duration));
  CHECK(first.by_cell[3] == nullptr);  // nobody is both 0-17 and 65+
  CHECK(&first({10, 0, 0, 0}) == first.by_cell[1]);
  CHECK(&first({70, 0, 0, 0}) == first.by_cell[2]);
  CHECK(&first({40, 0, 0, 0}) == &first.base());
  const PolicyMonth& second = s.month(month("2026-02"));
  CHECK(second.at(1).params.youth.ambulant_duration == Approx(base * 0.5));  // full effect at start + ramp
  CHECK(second.intensity == std::vector<double>{1.0, 1.0, 1.0});
}

TEST_CASE("measures on one parameter compound in the scenario's order; together they must stay valid", "[unit][measures]") {
  const auto c = zorgsim::test::config();
  const std::string a = measure_yaml("a", "{parameter: youth.general_to_ambulant, operation: multiply, value: 0.9, plausible: [0.8, 1], source: x}");
  const std::string b = measure_yaml("b", "{parameter: youth.general_to_ambulant, operation: multiply, value: 0.95, plausible: [0.8, 1], source: x}", "", "2026-01", 1);
  const std::string s = measure_yaml("s", "{parameter: youth.general_to_ambulant, operation: set, value: 0.02, plausible: [0.01, 0.03], source: x}");
  const double base = c.model.youth.general_to_ambulant;
  {
    PolicySchedule both(c.model, 1.0, zorgsim::test::plan_of(c, {a, b}));
    CHECK(both.month(month("2026-01")).base().params.youth.general_to_ambulant == Approx(base * 0.9 * 0.975));
    CHECK(both.month(month("2026-02")).base().params.youth.general_to_ambulant == Approx(base * 0.9 * 0.95));
  }
  {  // set, then multiply: the multiplication acts on the set value
    PolicySchedule set_first(c.model, 1.0, zorgsim::test::plan_of(c, {s, a}));
    CHECK(set_first.month(month("2026-01")).base().params.youth.general_to_ambulant == Approx(0.02 * 0.9));
  }
  // Each alone within the valid range, together not: 0.8 x 0.8 x ... of a share above one.
  const std::string up1 = measure_yaml("up1", "{parameter: youth.aftercare_share, operation: multiply, value: 1.5, plausible: [1, 2], source: x}");
  const std::string up2 = measure_yaml("up2", "{parameter: youth.aftercare_share, operation: multiply, value: 1.5, plausible: [1, 2], source: x}");
  CHECK(problems({up1}, c).empty());
  CHECK_THAT(problems({up1, up2}, c), Catch::Contains("together, measures 'up1', 'up2' gives 1.125 at full effect, outside the valid range [0, 1]"));
  const std::string later = measure_yaml("up2", "{parameter: youth.aftercare_share, operation: multiply, value: 1.5, plausible: [1, 2], source: x}", "", "2031-01");
  const std::string ends = measure_yaml("up1", "{parameter: youth.aftercare_share, operation: multiply, value: 1.5, plausible: [1, 2], source: x}", "end: 2030-12\n");
  CHECK(problems({ends, later}, c).empty());  // never active together
}

TEST_CASE("rates calibrated to base-year stocks are not derived again under a measure", "[unit][measures]") {
  const auto c = zorgsim::test::config();
  // Faster recovery from arrears: re-deriving the onset for stationary arrears would raise
  // the onset and undo the measure.
  const std::string m = measure_yaml("recover", "{parameter: debts.arrears_recovery, operation: multiply, value: 2, plausible: [1, 3], source: x}");
  PolicySchedule s(c.model, 1.0, zorgsim::test::plan_of(c, {m}));
  const ModelTables& t = s.month(month("2026-01")).base();
  CHECK(t.debts.arrears_recovery == Approx(2 * s.initial().debts.arrears_recovery));
  CHECK(t.debts.onset == s.initial().debts.onset);
  CHECK(t.employment.finding == s.initial().employment.finding);
  CHECK(prepare_tables(t.params).debts.onset != s.initial().debts.onset);  // what re-deriving would have done
}

TEST_CASE("every catalogue measure loads and validates; every scenario resolves", "[unit][measures][catalogue]") {
  const auto c = zorgsim::test::config();
  REQUIRE_NOTHROW(zorgsim::app::check_catalogue(c));
  Diagnostics diags;
  const auto catalogue = zorgsim::app::embedded_catalogue(diags);
  CHECK(diags.empty());
  CHECK(catalogue.size() >= 64);  // both tables of seed 000, plus the scenarios' own measures
  int base_year = 0, package = 0;
  for (const Measure& m : catalogue) {
    base_year += m.list == "maatregelenplannen-1-3";
    package += m.list == "perspectiefnota-2026-2029";
    INFO(m.id);
    CHECK(m.in_base_year == (m.list == "maatregelenplannen-1-3"));
    CHECK(!m.title_nl.empty());
    if (m.kind == MeasureKind::Budgetary) CHECK(m.budget_per_year.source.size() > 0);
  }
  CHECK(base_year == 33);  // seed 000, first table (maatregelenplannen 1-3)
  CHECK(package == 31);    // seed 000, second table (begroting 2025, Perspectiefnota 2026-2029)
  for (const auto& s : zorgsim::app::embedded_scenarios(diags)) {
    INFO(s.name);
    const auto resolved = zorgsim::app::resolve_scenario(s.name);
    CHECK_NOTHROW(zorgsim::app::plan_scenario(resolved, c));
  }
  const auto pn = zorgsim::app::resolve_scenario("perspectiefnota-2026-2029");
  CHECK(pn.measures.size() == 31);
  const auto adv = zorgsim::app::resolve_scenario("adviesraad");
  for (const Measure& m : adv.measures) CHECK(m.id != "collective-insurance-abolish");
  CHECK(adv.measures.back().id == "adviesraad-general-provisions");
  // A base-year measure cannot be added again.
  zorgsim::app::ResolvedScenario again{"again", "", {}};
  for (const Measure& m : catalogue)
    if (m.in_base_year) again.measures.push_back(m);
  CHECK_THROWS_WITH(zorgsim::app::plan_scenario(again, c), Catch::Contains("part of the calibrated 2024 figures"));
}
