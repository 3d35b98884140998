// Employment: the derived job-finding rate makes the configured rate stationary, the hazards by
// group, the debt onset net of arrears through job loss, and the validation of derived rates.
#include <catch2/catch.hpp>

#include "models/debts.hpp"
#include "models/employment.hpp"
#include "test_support.hpp"

using namespace zorgsim::models;

namespace {
EmploymentParams employment_params() {
  EmploymentParams e;
  e.job_loss = 0.01;
  e.finding_vulnerable_rr = 0.5;
  e.finding_problematic_debt_rr = 0.25;
  e.job_loss_arrears = 0.2;
  e.welfare_exit_to_work = 0.5;
  return e;
}
PopulationParams population() {
  PopulationParams p;
  p.employment_rate = 0.7;
  p.lvb_prevalence = 0.1;
  p.psychiatric_prevalence = 0.1;  // vulnerable: 0.19
  p.income_share_non_welfare = {0.1, 0.2, 0.3, 0.4};
  p.problematic_debt_share_by_income = {0.2, 0.1, 0.05, 0.0};  // mean 0.02 + 0.02 + 0.015 = 0.055
  p.arrears_share_by_income = {0.2, 0.15, 0.1, 0.05};
  p.household_type_share = {0.4, 0.3, 0.2, 0.05, 0.05};
  p.welfare_share_by_type = {0.1, 0.0, 0.0, 0.2, 0.0};
  // 25-29 (3), 65-69 (1: two of its five years below 67) and 85-89 (1): (3 + 0.4) of 5 below 67: 0.68
  p.adult_age_group_weight.assign(16, 0.0);
  p.adult_age_group_weight[2] = 3;
  p.adult_age_group_weight[10] = 1;
  p.adult_age_group_weight[14] = 1;
  p.children_count_share = {0.5, 0.5, 0, 0};         // 1.5 children per family household
  p.child_age_weight.assign(30, 0.0);
  for (int a = 0; a < 24; ++a) p.child_age_weight[a] = 1;  // a quarter of them aged 18-23: 0.375 adults
  return p;
}
}  // namespace

TEST_CASE("the job-finding rate makes the employment rate stationary", "[unit][employment]") {
  const EmploymentTables t = prepare_employment(employment_params(), population(), 67 * 12);
  const double v = 0.19, d = 0.055;
  const double share[4] = {(1 - v) * (1 - d), v * (1 - d), (1 - v) * d, v * d};
  const double rr[4] = {1, 0.5, 0.25, 0.125};
  double employed = 0;
  for (int g = 0; g < 4; ++g) {
    INFO("group " << g);
    const double f = t.finding * rr[g];
    CHECK(employment_hazard(t, false, g) == Approx(f).epsilon(1e-12));
    CHECK(employment_hazard(t, true, g) == 0.01);
    // stationary: inflow = outflow of the two-state chain
    CHECK(t.stationary[g] == Approx(f / (f + 0.01)).epsilon(1e-12));
    employed += share[g] * t.stationary[g];
  }
  CHECK(employed == Approx(0.7).epsilon(1e-9));
  // vulnerable and indebted adults work less
  CHECK(t.stationary[0] > t.stationary[1]);
  CHECK(t.stationary[1] > t.stationary[3]);
  CHECK(employment_group(true, false) == 1);
  CHECK(employment_group(false, true) == 2);
}

TEST_CASE("without job loss the status is frozen at the configured rate", "[unit][employment]") {
  EmploymentParams e = employment_params();
  e.job_loss = 0;
  const EmploymentTables t = prepare_employment(e, population(), 67 * 12);
  for (int g = 0; g < 4; ++g) CHECK(t.stationary[g] == 0.7);
  CHECK(employment_hazard(t, false, 0) == 0);
}

TEST_CASE("the debt onset is derived net of arrears through job loss", "[unit][employment][debts]") {
  const PopulationParams p = population();
  const EmploymentTables et = prepare_employment(employment_params(), p, 67 * 12);
  // adults of working age per household: 0.4x1x0.68 + 0.3x2x0.68 + 0.2x(2 + 0.375) + 0.05x(1 + 0.375)
  // + 0.05x2x0.68 = 1.29175
  const double per_household = 1.29175 * ((1 - 0.19) * et.stationary[0] + 0.19 * et.stationary[1]);
  CHECK(employed_adults_per_debt_free_household(et, p) == Approx(per_household).epsilon(1e-12));
  const double job_loss = per_household * 0.01 * 0.2;
  CHECK(job_loss_arrears_per_household(et, p) == Approx(job_loss).epsilon(1e-12));
  DebtParams d;
  d.arrears_recovery = 0.07;
  d.arrears_to_problematic = 0.02;
  d.problematic_to_help = 0.01;
  d.help_duration = 24;
  d.vulnerable_adult_rr = 1;
  d.insurance_take_up = 1;
  d.insurance_income_limit = 1;
  d.uninsured_rr = 1;
  const DebtTables with = prepare_debts(d, p, job_loss), without = prepare_debts(d, p, 0);
  // welfare households: 0.4 x 0.1 + 0.05 x 0.2 = 0.05; class 0 not on welfare: 0.95 x 0.1 of 0.145
  CHECK(non_welfare_share_of_income_class(p, 0) == Approx(0.095 / 0.145).epsilon(1e-12));
  CHECK(non_welfare_share_of_income_class(p, 2) == 1.0);
  for (int c = 0; c < 4; ++c) {
    INFO("income class " << c);
    // insured, no vulnerable adults: the mean relative risk is 1, so the onset drops by the inflow
    CHECK(without.onset[c] - with.onset[c] == Approx(job_loss * non_welfare_share_of_income_class(p, c)).epsilon(1e-9));
  }
}

TEST_CASE("derived rates that are not probabilities are reported", "[unit][employment][config]") {
  using zorgsim::test::config;
  CHECK_THROWS_WITH(config({"employment.job_loss_arrears=1", "employment.job_loss=0.05"}),
                    Catch::Contains("employment.job_loss_arrears: arrears through job loss exceed the base year's arrears inflow"));
  CHECK_THROWS_WITH(config({"population.employment_rate=0.999", "employment.job_loss=0.05"}),
                    Catch::Contains("population.employment_rate: needs a job-finding probability of"));
  CHECK_THROWS_WITH(config({"population.employment_rate=1"}),
                    Catch::Contains("population.employment_rate: must be strictly between 0 and 1"));
  CHECK_NOTHROW(config({"population.employment_rate=1", "employment.job_loss=0"}));  // frozen: allowed
  CHECK_NOTHROW(config());
}
