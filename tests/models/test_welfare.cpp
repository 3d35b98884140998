#include <catch2/catch.hpp>

#include <cmath>

#include "models/welfare.hpp"

using namespace zorgsim::models;

namespace {
WelfareParams params() {
  WelfareParams p;
  p.inflow_by_type = {0.001, 0.0005, 0.0005, 0.003, 0.001};
  p.income_rr = {6, 4, 2, 1};
  p.vulnerable_adult_rr = 2;
  p.problematic_debt_rr = 1.5;
  p.outflow_per_year = {0.25, 0.15, 0.10, 0.08};
  p.outflow_problematic_debt_rr = 0.5;
  p.outflow_vulnerable_adult_rr = 0.8;
  p.exit_income_share = {0.6, 0.25, 0.15};
  p.pension_age = 67;
  return p;
}
}  // namespace

TEST_CASE("welfare inflow multiplies type rate by covariate risks", "[unit][welfare]") {
  const WelfareTables t = prepare_welfare(params());
  CHECK(welfare_inflow_hazard(t, 3, 0, true, true) == Approx(0.003 * 6 * 2 * 1.5));
  CHECK(welfare_inflow_hazard(t, 1, 3, false, false) == Approx(0.0005));
}

TEST_CASE("welfare outflow falls with spell duration", "[unit][welfare]") {
  const WelfareTables t = prepare_welfare(params());
  CHECK(1 - std::pow(1 - welfare_outflow_hazard(t, 0), 12) == Approx(0.25));
  CHECK(welfare_outflow_hazard(t, 11) == welfare_outflow_hazard(t, 0));
  CHECK(welfare_outflow_hazard(t, 12) < welfare_outflow_hazard(t, 11));
  CHECK(1 - std::pow(1 - welfare_outflow_hazard(t, 200), 12) == Approx(0.08));
  CHECK(welfare_outflow_hazard(t, 5, true, false) == Approx(0.5 * welfare_outflow_hazard(t, 5)));
  CHECK(welfare_outflow_hazard(t, 5, true, true) == Approx(0.4 * welfare_outflow_hazard(t, 5)));
  CHECK(t.pension_age_months == 804);
}

TEST_CASE("income after welfare and initial spells", "[unit][welfare]") {
  const WelfareTables t = prepare_welfare(params());
  CHECK(income_after_welfare(t, 0.59) == 1);
  CHECK(income_after_welfare(t, 0.61) == 2);
  CHECK(income_after_welfare(t, 0.86) == 3);
  CHECK(initial_spell_months(t, 0.0) == 0);
  // P(d = 0) = 1 / sum_d S(d): the first entry of the cumulative table
  CHECK(initial_spell_months(t, t.spell_duration_cumulative[0] * 0.999) == 0);
  CHECK(initial_spell_months(t, t.spell_duration_cumulative[0] * 1.001) == 1);
  CHECK(initial_spell_months(t, 0.999999) < 480);
}
