// Youth care transitions with injected uniforms: "a draw of u sends this child to x".
#include <catch2/catch.hpp>

#include "models/youth_care.hpp"

using namespace zorgsim::models;

namespace {
YouthParams params() {
  YouthParams p;
  p.to_general = {0.01, 0.01, 0.01, 0.0};
  p.to_ambulant = {0.005, 0.005, 0.005, 0.0};
  p.to_placement = {0.001, 0.001, 0.001, 0.0};
  p.general_to_ambulant = 0.02;
  p.ambulant_to_placement = 0.004;
  p.general_duration = 5;
  p.ambulant_duration = 10;
  p.placement_duration = {20, 10, 5, 4};
  p.placement_form_share = {0.4, 0.1, 0.3, 0.2};
  p.aftercare_share = 0.5;
  p.foster_breakdown = 0.01;
  p.residential_to_family_home = 0.02;
  p.income_rr = {2, 1.5, 1.2, 1};
  p.network_rr = {1.5, 1, 0.5};
  p.single_parent_rr = 1.6;
  p.vulnerable_parent_rr = 1.5;
  p.problematic_debt_rr = 1.4;
  p.own_lvb_rr = 1.8;
  p.extension_after_18 = 0.5;
  p.placement_to_protected_living = 0.1;
  p.cost_per_client_year = {1200, 6000, 24000, 60000, 120000, 240000};
  p.capacity = {0, 0, 0, 0, 0};
  p.protection_onset = {0.001, 0.01, 0.05};
  p.protection_to_guardianship = 0.01;
  p.supervision_duration = 25;
  p.guardianship_duration = 80;
  p.protection_cost_per_child_year = 12000;
  return p;
}
}  // namespace

TEST_CASE("entries from self-reliance partition the uniform in a fixed order", "[unit][youth]") {
  const YouthTables t = prepare_youth(params());
  CHECK(next_youth_state(t, 0, 1, 1.0, 0.0) == 1);
  CHECK(next_youth_state(t, 0, 1, 1.0, 0.0099) == 1);
  CHECK(next_youth_state(t, 0, 1, 1.0, 0.0101) == 2);
  CHECK(next_youth_state(t, 0, 1, 1.0, 0.0149) == 2);
  CHECK(next_youth_state(t, 0, 1, 1.0, 0.0151) == new_placement);
  CHECK(next_youth_state(t, 0, 1, 1.0, 0.0161) == 0);
  // a relative risk of 2 doubles every entry interval
  CHECK(next_youth_state(t, 0, 1, 2.0, 0.0199) == 1);
  CHECK(next_youth_state(t, 0, 1, 2.0, 0.0299) == 2);
  CHECK(next_youth_state(t, 0, 1, 2.0, 0.0319) == new_placement);
  CHECK(next_youth_state(t, 0, 1, 2.0, 0.0321) == 0);
}

TEST_CASE("no new entries in the 18-22 band, only continuation", "[unit][youth]") {
  const YouthTables t = prepare_youth(params());
  CHECK(next_youth_state(t, 0, 3, 5.0, 0.0) == 0);
  CHECK(next_youth_state(t, 2, 3, 1.0, 0.05) == 0);  // ambulant care still ends
}

TEST_CASE("exits follow durations; escalation follows the relative risk", "[unit][youth]") {
  const YouthTables t = prepare_youth(params());
  // general: exit 1/5, then step-up 0.02 * rr, then crisis placement 0.001 * rr
  CHECK(next_youth_state(t, 1, 2, 1.0, 0.199) == 0);
  CHECK(next_youth_state(t, 1, 2, 1.0, 0.2199) == 2);
  CHECK(next_youth_state(t, 1, 2, 1.0, 0.2209) == new_placement);
  CHECK(next_youth_state(t, 1, 2, 1.0, 0.2211) == 1);
  // ambulant: exit 1/10, escalation 0.004 * rr
  CHECK(next_youth_state(t, 2, 2, 1.0, 0.0999) == 0);
  CHECK(next_youth_state(t, 2, 2, 3.0, 0.1119) == new_placement);
  CHECK(next_youth_state(t, 2, 2, 3.0, 0.1121) == 2);
  // foster care (state 3): exit 1/20, half into aftercare (ambulant)
  CHECK(next_youth_state(t, 3, 2, 1.0, 0.0249) == 2);
  CHECK(next_youth_state(t, 3, 2, 1.0, 0.0251) == 0);
  CHECK(next_youth_state(t, 3, 2, 1.0, 0.0501) == 5);  // breakdown: [0.05, 0.06)
  CHECK(next_youth_state(t, 3, 2, 1.0, 0.0601) == 3);
  // residential (state 5): exit 1/5, then the step-down to a family home 0.02
  CHECK(next_youth_state(t, 5, 2, 1.0, 0.2099) == 4);
  CHECK(next_youth_state(t, 5, 2, 1.0, 0.2201) == 5);
  // closed youth care (state 6): exit 1/4
  CHECK(next_youth_state(t, 6, 2, 1.0, 0.2499) == 0);
  CHECK(next_youth_state(t, 6, 2, 1.0, 0.2501) == 6);
}

TEST_CASE("placement forms by cumulative share", "[unit][youth]") {
  const YouthTables t = prepare_youth(params());
  CHECK(choose_placement_form(t, 0.0) == 3);
  CHECK(choose_placement_form(t, 0.399) == 3);
  CHECK(choose_placement_form(t, 0.401) == 4);
  CHECK(choose_placement_form(t, 0.501) == 5);
  CHECK(choose_placement_form(t, 0.801) == 6);
  CHECK(choose_placement_form(t, 0.99999) == 6);
}

TEST_CASE("relative risk is the product of the configured factors", "[unit][youth]") {
  const YouthParams p = params();
  YouthCovariates c{0, 0, true, true, true, true};
  CHECK(youth_relative_risk(p, c) == Approx(2 * 1.5 * 1.6 * 1.5 * 1.4 * 1.8));
  c = YouthCovariates{3, 1, false, false, false, false};
  CHECK(youth_relative_risk(p, c) == 1.0);
  const YouthTables t = prepare_youth(p);
  CHECK(t.rr[YouthCovariates{0, 0, true, true, true, true}.index()] == Approx(2 * 1.5 * 1.6 * 1.5 * 1.4 * 1.8));
  CHECK(t.rr[YouthCovariates{2, 2, false, true, false, false}.index()] == Approx(1.2 * 0.5 * 1.5));
}

TEST_CASE("zero hazards: nobody moves", "[unit][youth][extreme]") {
  YouthParams p = params();
  p.to_general = p.to_ambulant = p.to_placement = {0, 0, 0, 0};
  const YouthTables t = prepare_youth(p);
  for (double u : {0.0, 1e-9, 0.5}) CHECK(next_youth_state(t, 0, 1, 10.0, u) == 0);
  const auto pi = youth_stationary(t, 1, 10.0);
  CHECK(pi[0] == Approx(1.0));
}

TEST_CASE("the stationary distribution is a fixed point of the chain", "[unit][youth]") {
  const YouthTables t = prepare_youth(params());
  const auto pi = youth_stationary(t, 2, 1.7);
  double total = 0;
  for (double x : pi) total += x;
  CHECK(total == Approx(1.0).epsilon(1e-12));
  // flow balance for state 2 (ambulant): inflow = outflow
  const double rr = 1.7;
  const double in = pi[0] * 0.005 * rr + pi[1] * 0.02 * rr + (pi[3] / 20 + pi[4] / 10 + pi[5] / 5 + pi[6] / 4) * 0.5;
  // and for foster care (state 3), which only entries feed and exits and breakdown drain
  const double foster_in = (pi[0] * 0.001 * rr + pi[1] * 0.001 * rr + pi[2] * 0.004 * rr) * 0.4;
  CHECK(foster_in == Approx(pi[3] * (1.0 / 20 + 0.01)).epsilon(1e-9));
  const double out = pi[2] * (0.1 + 0.004 * rr);
  CHECK(in == Approx(out).epsilon(1e-9));
}

TEST_CASE("child protection: onset by care tier, supervision to guardianship, exits", "[unit][youth][protection]") {
  const YouthTables t = prepare_youth(params());
  CHECK(next_protection(t, 0, 0, 1.0, 0.00099) == 1);
  CHECK(next_protection(t, 0, 0, 1.0, 0.00101) == 0);
  CHECK(next_protection(t, 0, 2, 2.0, 0.0199) == 1);   // ambulant: 0.01 x rr 2
  CHECK(next_protection(t, 0, 5, 1.0, 0.0499) == 1);   // placed: 0.05
  CHECK(next_protection(t, 1, 5, 9.0, 0.0399) == 0);   // supervision ends at 1/25 (rr does not apply)
  CHECK(next_protection(t, 1, 5, 1.0, 0.0499) == 2);   // then guardianship 0.01
  CHECK(next_protection(t, 1, 5, 1.0, 0.0501) == 1);
  CHECK(next_protection(t, 2, 5, 1.0, 1.0 / 80 - 1e-9) == 0);
  CHECK(next_protection(t, 2, 5, 1.0, 1.0 / 80 + 1e-9) == 2);
  const auto pi = protection_stationary(t, 3, 1.0);
  CHECK(pi[0] + pi[1] + pi[2] == Approx(1.0));
  CHECK(pi[0] * 0.05 == Approx(pi[1] / 25 + pi[2] / 80));  // balance of the unprotected state
  CHECK(pi[1] * 0.01 == Approx(pi[2] / 80));                // balance of guardianship
}
