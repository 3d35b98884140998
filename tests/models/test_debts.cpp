// Debt transitions with injected uniforms, and the stationarity that defines the onset.
#include <catch2/catch.hpp>

#include "models/debts.hpp"

using namespace zorgsim::models;

namespace {
DebtParams debt_params() {
  DebtParams d;
  d.in_help_share = 0.35;
  d.arrears_recovery = 0.07;
  d.arrears_to_problematic = 0.02;
  d.problematic_recovery = 0.01;
  d.problematic_to_help = 0.015;
  d.help_duration = 36;
  d.vulnerable_adult_rr = 2;
  d.insurance_take_up = 0.6;
  d.insurance_income_limit = 1;
  d.uninsured_rr = 1.5;
  return d;
}
PopulationParams population() {
  PopulationParams p;
  p.arrears_share_by_income = {0.25, 0.2, 0.15, 0.06};
  p.problematic_debt_share_by_income = {0.35, 0.22, 0.16, 0.07};
  p.lvb_prevalence = 0.0;
  p.psychiatric_prevalence = 0.0;
  return p;
}
}  // namespace

TEST_CASE("debt transitions partition the uniform in a fixed order", "[unit][debts]") {
  const DebtTables t = prepare_debts(debt_params(), population());
  const double onset3 = t.onset[3];
  CHECK(next_debt_state(t, 0, 3, false, false, onset3 * 0.999) == 1);
  CHECK(next_debt_state(t, 0, 3, false, false, onset3 * 1.001) == 0);
  CHECK(next_debt_state(t, 0, 3, true, false, onset3 * 1.999) == 1);       // vulnerable adult: x2
  CHECK(next_debt_state(t, 0, 1, false, true, t.onset[1] * 1.499) == 1);   // uninsured eligible: x1.5
  CHECK(next_debt_state(t, 1, 3, false, false, 0.0699) == 0);
  CHECK(next_debt_state(t, 1, 3, false, false, 0.0899) == 2);
  CHECK(next_debt_state(t, 1, 3, false, false, 0.0901) == 1);
  CHECK(next_debt_state(t, 2, 3, false, false, 0.0099) == 0);
  CHECK(next_debt_state(t, 2, 3, false, false, 0.0249) == 3);
  CHECK(next_debt_state(t, 2, 3, false, false, 0.0251) == 2);
  CHECK(next_debt_state(t, 3, 3, false, false, 1.0 / 36 - 1e-9) == 0);
  CHECK(next_debt_state(t, 3, 3, false, false, 1.0 / 36 + 1e-9) == 3);
}

TEST_CASE("the onset formula: none x onset x mean relative risk = arrears x exits", "[unit][debts]") {
  // The formula only; tests/statistical/test_population_marginals.cpp checks the balance on a
  // synthesised population, where the vulnerable-adult share is approximated.
  const PopulationParams p = population();
  const DebtParams d = debt_params();
  const DebtTables t = prepare_debts(d, p);
  for (int c = 0; c < 4; ++c) {
    const double arrears = p.arrears_share_by_income[c], none = 1 - arrears - p.problematic_debt_share_by_income[c];
    // mean relative risk of the class: the uninsured share among eligible classes (no vulnerable adults here)
    const double rr = c <= 1 ? 0.6 + 0.4 * 1.5 : 1.0;
    INFO("income class " << c);
    CHECK(none * t.onset[c] * rr == Approx(arrears * (0.07 + 0.02)).epsilon(1e-12));
  }
}

TEST_CASE("insurance eligibility, the trimmed offer and the problematic-debt covariate", "[unit][debts]") {
  const DebtTables t = prepare_debts(debt_params(), population());
  CHECK(insured(t, 0, true, 0.0));
  CHECK(insured(t, 1, true, 0.99));
  CHECK_FALSE(insured(t, 2, true, 0.0));
  CHECK_FALSE(insured(t, 0, false, 0.0));
  CHECK(insurance_offer_uniform(t, {1, 0}, 42) == 0.0);  // the full offer draws nothing
  DebtParams trimmed = debt_params();
  trimmed.insurance_offered = 0.4;
  const DebtTables u = prepare_debts(trimmed, population());
  CHECK(insured(u, 0, true, 0.39));
  CHECK_FALSE(insured(u, 0, true, 0.41));  // left out by the trimmed policy
  const double first = insurance_offer_uniform(u, {1, 0}, 42);
  CHECK(first > 0.0);
  CHECK(insurance_offer_uniform(u, {1, 0}, 42) == first);  // the same household every month
  CHECK_FALSE(has_problematic_debts(0));
  CHECK_FALSE(has_problematic_debts(1));
  CHECK(has_problematic_debts(2));
  CHECK(has_problematic_debts(3));
}
