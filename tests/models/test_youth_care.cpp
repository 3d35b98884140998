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
  p.protection_onset = {0.001, 0.01, 0.05};
  p.protection_to_guardianship = 0.01;
  p.supervision_duration = 25;
  p.guardianship_duration = 80;
  p.waiting_escalation = 0.5;
  p.unmet_escalation = {0.02, 0.004, 0.01};
  p.unmet_recovery = {0.03, 0.01};
  p.network_recovery_rr = {0.5, 1.0, 2.0};
  return p;
}
AccessParams access(const std::string& model = "matched") {
  AccessParams a;
  a.care_model = model;
  a.help_seeking = {0.3, 0.5};
  a.stigma = 0.2;
  a.low_literacy_seeking_rr = 0.5;
  a.refusal = {0.1, 0.05};
  a.stepped_review_months = 4;
  a.stepped_resolution = 0.1;
  return a;
}
YouthTables tables(const YouthParams& p = params(), const AccessParams& a = access()) { return prepare_youth(p, a); }
// A month's transition with no months of unmet need and neutral access factors.
int next_youth_state(const YouthTables& t, int pos, int band, double rr, double u) {
  return next_youth_position(t, pos, false, YouthCase{band, rr, 1.0, 1.0, 0}, u);
}
}  // namespace

TEST_CASE("needs arise from self-reliance, partitioning the uniform in a fixed order", "[unit][youth]") {
  const YouthTables t = tables();
  CHECK(next_youth_state(t, 0, 1, 1.0, 0.0) == pos_unmet_light);
  CHECK(next_youth_state(t, 0, 1, 1.0, 0.0099) == pos_unmet_light);
  CHECK(next_youth_state(t, 0, 1, 1.0, 0.0101) == pos_unmet_moderate);
  CHECK(next_youth_state(t, 0, 1, 1.0, 0.0149) == pos_unmet_moderate);
  CHECK(next_youth_state(t, 0, 1, 1.0, 0.0151) == new_placement);  // a severe need: crisis placement at once
  CHECK(next_youth_state(t, 0, 1, 1.0, 0.0161) == 0);
  // a relative risk of 2 doubles every entry interval
  CHECK(next_youth_state(t, 0, 1, 2.0, 0.0199) == pos_unmet_light);
  CHECK(next_youth_state(t, 0, 1, 2.0, 0.0299) == pos_unmet_moderate);
  CHECK(next_youth_state(t, 0, 1, 2.0, 0.0319) == new_placement);
  CHECK(next_youth_state(t, 0, 1, 2.0, 0.0321) == 0);
}

TEST_CASE("no new entries in the 18-22 band, only continuation", "[unit][youth]") {
  const YouthTables t = tables();
  CHECK(next_youth_state(t, 0, 3, 5.0, 0.0) == 0);
  CHECK(next_youth_state(t, 2, 3, 1.0, 0.05) == 0);  // ambulant care still ends
}

TEST_CASE("exits follow durations; escalation follows the relative risk", "[unit][youth]") {
  const YouthTables t = tables();
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
  const YouthTables t = tables();
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
  const YouthTables t = tables(p);
  CHECK(t.rr[YouthCovariates{0, 0, true, true, true, true}.index()] == Approx(2 * 1.5 * 1.6 * 1.5 * 1.4 * 1.8));
  CHECK(t.rr[YouthCovariates{2, 2, false, true, false, false}.index()] == Approx(1.2 * 0.5 * 1.5));
}

TEST_CASE("zero hazards: nobody moves", "[unit][youth][extreme]") {
  YouthParams p = params();
  p.to_general = p.to_ambulant = p.to_placement = {0, 0, 0, 0};
  const YouthTables t = tables(p);
  for (double u : {0.0, 1e-9, 0.5}) CHECK(next_youth_state(t, 0, 1, 10.0, u) == 0);
  const auto pi = youth_stationary(t, YouthCase{1, 10.0, 1, 1, 0});
  CHECK(pi[0] == Approx(1.0));
}

TEST_CASE("the stationary distribution is a fixed point of the chain", "[unit][youth]") {
  const YouthTables t = tables();
  const double rr = 1.7;
  const auto pi = youth_stationary(t, YouthCase{2, rr, 0.8, 1.0, 0});
  double total = 0;
  for (double x : pi) total += x;
  CHECK(total == Approx(1.0).epsilon(1e-12));
  CHECK(pi[pos_stepped] == Approx(0.0).margin(1e-15));  // matched care: nobody is under-served
  // flow balance for state 2 (ambulant): inflow (assessed moderate needs, step-ups, aftercare) = outflow
  const double in = pi[pos_unmet_moderate] * 0.5 * 0.8 * 0.95 + pi[1] * 0.02 * rr +
                    (pi[3] / 20 + pi[4] / 10 + pi[5] / 5 + pi[6] / 4) * 0.5;
  // and for foster care (state 3), which only entries feed and exits and breakdown drain
  const double foster_in = (pi[0] * 0.001 * rr + pi[1] * 0.001 * rr + pi[2] * 0.004 * rr +
                            pi[pos_unmet_moderate] * 0.004 * rr) * 0.4;
  CHECK(foster_in == Approx(pi[3] * (1.0 / 20 + 0.01)).epsilon(1e-9));
  const double out = pi[2] * (0.1 + 0.004 * rr);
  CHECK(in == Approx(out).epsilon(1e-9));
}

TEST_CASE("child protection: onset by care tier, supervision to guardianship, exits", "[unit][youth][protection]") {
  const YouthTables t = tables();
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

TEST_CASE("an unmet need escalates, resolves, or asks for help, in that order", "[unit][youth][access]") {
  const YouthTables t = tables();
  const YouthCase c{1, 2.0, 0.8, 2.0, 0};  // rr 2, help-seeking x0.8, recovery x2
  // light: escalation 0.02 x 2 = 0.04, recovery 0.03 x 2 = 0.06, asking 0.3 x 0.8 = 0.24
  CHECK(next_youth_position(t, pos_unmet_light, false, c, 0.0399) == pos_unmet_moderate);
  CHECK(next_youth_position(t, pos_unmet_light, false, c, 0.0401) == 0);
  CHECK(next_youth_position(t, pos_unmet_light, false, c, 0.0999) == 0);
  CHECK(next_youth_position(t, pos_unmet_light, false, c, 0.1001) == ask_for_help);
  CHECK(next_youth_position(t, pos_unmet_light, false, c, 0.3399) == ask_for_help);
  CHECK(next_youth_position(t, pos_unmet_light, false, c, 0.3401) == pos_unmet_light);
  CHECK(next_youth_position(t, pos_unmet_light, true, c, 0.2) == pos_unmet_light);  // asked already: waits
  // moderate: escalation 0.004 x 2 = 0.008 is a crisis placement, recovery 0.02, asking 0.4
  CHECK(next_youth_position(t, pos_unmet_moderate, false, c, 0.0079) == new_placement);
  CHECK(next_youth_position(t, pos_unmet_moderate, false, c, 0.0279) == 0);
  CHECK(next_youth_position(t, pos_unmet_moderate, false, c, 0.4279) == ask_for_help);
  CHECK(next_youth_position(t, pos_unmet_moderate, false, c, 0.4281) == pos_unmet_moderate);
}

TEST_CASE("escalation of unmet need rises with the months it has lasted", "[unit][youth][access]") {
  const YouthTables t = tables();
  // waiting_escalation 0.5 per 6 months: after 12 months the hazard doubles
  CHECK(escalation_hazard(t, 0, YouthCase{1, 1.0, 1, 1, 0}) == Approx(0.02));
  CHECK(escalation_hazard(t, 0, YouthCase{1, 1.0, 1, 1, 12}) == Approx(0.04));
  CHECK(escalation_hazard(t, 2, YouthCase{1, 3.0, 1, 1, 6}) == Approx(0.01 * 3 * 1.5));
  CHECK(next_youth_position(t, pos_unmet_light, false, YouthCase{1, 1.0, 1, 1, 12}, 0.0399) == pos_unmet_moderate);
}

TEST_CASE("zero escalation: an unmet need never worsens", "[unit][youth][access][extreme]") {
  YouthParams p = params();
  p.unmet_escalation = {0, 0, 0};
  const YouthTables t = tables(p);
  for (int months : {0, 12, 31})
    for (double u = 0; u < 1; u += 0.001) {
      const YouthCase c{1, 20.0, 1, 1, months};
      const int light = next_youth_position(t, pos_unmet_light, false, c, u);
      const int moderate = next_youth_position(t, pos_unmet_moderate, false, c, u);
      CHECK((light == pos_unmet_light || light == 0 || light == ask_for_help));
      CHECK((moderate == pos_unmet_moderate || moderate == 0 || moderate == ask_for_help));
    }
}

TEST_CASE("matched vs stepped care: who starts where", "[unit][youth][access]") {
  const YouthTables matched = tables(params(), access("matched"));
  const YouthTables stepped = tables(params(), access("stepped"));
  // refusal 0.1 (light), 0.05 (moderate): below it the need stays unmet
  CHECK(triage_outcome(matched, pos_unmet_light, 0.0999) == pos_unmet_light);
  CHECK(triage_outcome(matched, pos_unmet_moderate, 0.0499) == pos_unmet_moderate);
  // a light need gets a general provision in both models
  CHECK(triage_outcome(matched, pos_unmet_light, 0.5) == 1);
  CHECK(triage_outcome(stepped, pos_unmet_light, 0.5) == 1);
  // a moderate need: ambulant care at once (matched), a general provision below need (stepped)
  CHECK(triage_outcome(matched, pos_unmet_moderate, 0.5) == 2);
  CHECK(triage_outcome(stepped, pos_unmet_moderate, 0.5) == pos_stepped);
  // stepped care: escalation 0.004 x rr, resolution 0.1, review 1/4
  const YouthCase c{1, 1.0, 1, 1, 0};
  CHECK(next_youth_position(stepped, pos_stepped, false, c, 0.0039) == new_placement);
  CHECK(next_youth_position(stepped, pos_stepped, false, c, 0.1039) == 1);
  CHECK(next_youth_position(stepped, pos_stepped, false, c, 0.3539) == stepped_review);
  CHECK(next_youth_position(stepped, pos_stepped, false, c, 0.3541) == pos_stepped);
  // in the stationary state stepped care has fewer children in ambulant care and more in
  // general provisions (some of them below need)
  const YouthCase s{2, 1.5, 1, 1, 0};
  const auto pm = youth_stationary(matched, s), ps = youth_stationary(stepped, s);
  CHECK(ps[2] < pm[2]);
  CHECK(ps[1] + ps[pos_stepped] > pm[1]);
  CHECK(ps[pos_stepped] > 0);
}

TEST_CASE("position helpers", "[unit][youth]") {
  CHECK(position_care(pos_unmet_light) == 0);
  CHECK(position_care(pos_unmet_moderate) == 0);
  CHECK(position_care(pos_stepped) == 1);
  CHECK(position_care(5) == 5);
  CHECK(position_need(0) == 0);
  CHECK(position_need(pos_unmet_light) == 1);
  CHECK(position_need(pos_stepped) == 2);
  CHECK(position_need(6) == 3);
}
