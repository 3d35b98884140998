// Adult needs on the access ladder with injected uniforms: the order of the competing
// transitions, the escalation and help-seeking factors, the team's decision, and the
// stationary shares against powers of the three-state chain's transition matrix.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>

#include "models/adult_need.hpp"

using namespace zorgsim::models;

namespace {
AdultNeedTables tables() {
  AdultNeedTables t;
  t.escalation = {0.02, 0.05};
  t.recovery = {0.1, 0.04};
  t.network_recovery_rr = {0.5, 1.0, 2.0};
  t.waiting_escalation = 0.5;
  t.general_support_escalation_rr = 0.5;
  t.help_seeking = {0.3, 0.6};
  t.stigma = 0.2;
  t.low_literacy_seeking_rr = 0.5;
  t.refusal = {0.25, 0.1};
  t.general_first = {0.5, 1.0, 0.0, 0.0, 0.0, 0.0};
  t.stepped_review = 0.25;
  t.stepped_resolution = 0.1;
  return t;
}
}  // namespace

TEST_CASE("an unmet need: escalation, then recovery, then help-seeking, else no change", "[unit][adult-need]") {
  const AdultNeedTables t = tables();
  AdultNeedCase c;  // moderate, medium network, not asked
  // [0, 0.02) escalation, [0.02, 0.12) recovery, [0.12, 0.12 + 0.3 x 0.8 = 0.36) asks
  CHECK(next_adult_need_step(t, c, 0.0) == AdultNeedStep::ToSevere);
  CHECK(next_adult_need_step(t, c, 0.0199) == AdultNeedStep::ToSevere);
  CHECK(next_adult_need_step(t, c, 0.0201) == AdultNeedStep::Resolved);
  CHECK(next_adult_need_step(t, c, 0.1199) == AdultNeedStep::Resolved);
  CHECK(next_adult_need_step(t, c, 0.1201) == AdultNeedStep::AskForHelp);
  CHECK(next_adult_need_step(t, c, 0.3599) == AdultNeedStep::AskForHelp);
  CHECK(next_adult_need_step(t, c, 0.3601) == AdultNeedStep::Stay);
  // asked already, or waiting for a place: it does not ask again
  c.asked_or_waiting = true;
  CHECK(next_adult_need_step(t, c, 0.2) == AdultNeedStep::Stay);
  CHECK(next_adult_need_step(t, c, 0.05) == AdultNeedStep::Resolved);
  // a severe need escalates into a crisis: [0, 0.05), recovers at 0.04
  c = {};
  c.severity = 1;
  CHECK(next_adult_need_step(t, c, 0.0499) == AdultNeedStep::Crisis);
  CHECK(next_adult_need_step(t, c, 0.0899) == AdultNeedStep::Resolved);
  CHECK(next_adult_need_step(t, c, 0.0901) == AdultNeedStep::AskForHelp);  // 0.6 x 0.8 = 0.48
  CHECK(next_adult_need_step(t, c, 0.5701) == AdultNeedStep::Stay);
}

TEST_CASE("stepped care: resolution by general support, then review; never asks", "[unit][adult-need]") {
  const AdultNeedTables t = tables();
  AdultNeedCase c;
  c.stepped = true;
  c.general_support = true;
  // escalation 0.02 x 0.5 = 0.01, recovery 0.1, resolution 0.1, review 0.25
  CHECK(next_adult_need_step(t, c, 0.0099) == AdultNeedStep::ToSevere);
  CHECK(next_adult_need_step(t, c, 0.1099) == AdultNeedStep::Resolved);
  CHECK(next_adult_need_step(t, c, 0.2099) == AdultNeedStep::SteppedResolved);
  CHECK(next_adult_need_step(t, c, 0.4599) == AdultNeedStep::SteppedReview);
  CHECK(next_adult_need_step(t, c, 0.4601) == AdultNeedStep::Stay);
}

TEST_CASE("escalation grows with months unmet and slows with general support; help-seeking factors",
          "[unit][adult-need]") {
  const AdultNeedTables t = tables();
  AdultNeedCase c;
  CHECK(adult_escalation_hazard(t, c) == Approx(0.02));
  c.months_unmet = 12;  // 1 + 0.5 x 12 / 6 = 2
  CHECK(adult_escalation_hazard(t, c) == Approx(0.04));
  c.general_support = true;
  CHECK(adult_escalation_hazard(t, c) == Approx(0.02));
  c = {};
  CHECK(adult_help_seeking(t, c) == Approx(0.3 * 0.8));
  c.low_literate = true;
  CHECK(adult_help_seeking(t, c) == Approx(0.3 * 0.8 * 0.5));
  c.severity = 1;
  CHECK(adult_help_seeking(t, c) == Approx(0.6 * 0.8 * 0.5));
  // recovery depends on the network: weak networks recover less
  c = {};
  c.network = 0;
  CHECK(next_adult_need_step(t, c, 0.0201 + 0.05 - 0.0002) == AdultNeedStep::Resolved);
  CHECK(next_adult_need_step(t, c, 0.0201 + 0.05) == AdultNeedStep::AskForHelp);
}

TEST_CASE("the team's decision: refusal by severity, general support first only under stepped care",
          "[unit][adult-need]") {
  AdultNeedTables t = tables();
  CHECK(adult_triage_outcome(t, 1, 0, 0.2499, 0.0) == AdultTriage::Refused);
  CHECK(adult_triage_outcome(t, 1, 0, 0.2501, 0.0) == AdultTriage::Indicated);  // matched care
  CHECK(adult_triage_outcome(t, 1, 1, 0.0999, 0.9) == AdultTriage::Refused);
  CHECK(adult_triage_outcome(t, 1, 1, 0.1001, 0.9) == AdultTriage::Indicated);
  t.stepped = true;
  CHECK(adult_triage_outcome(t, 1, 0, 0.5, 0.4999) == AdultTriage::GeneralFirst);  // household help: half
  CHECK(adult_triage_outcome(t, 1, 0, 0.5, 0.5001) == AdultTriage::Indicated);
  CHECK(adult_triage_outcome(t, 2, 0, 0.5, 0.9999) == AdultTriage::GeneralFirst);  // begeleiding: all
  CHECK(adult_triage_outcome(t, 4, 0, 0.5, 0.0) == AdultTriage::Indicated);        // aids: none
  CHECK(adult_triage_outcome(t, 2, 0, 0.1, 0.0) == AdultTriage::Refused);          // refusal comes first
}

TEST_CASE("stationary shares equal the limit of the three-state chain's matrix powers", "[unit][adult-need]") {
  const AdultNeedTables t = tables();
  const double s = 0.01, e = 1.0 / 24;
  for (int network = 0; network < 3; ++network)
    for (bool low_literate : {false, true}) {
      AdultNeedCase c;
      c.network = network;
      c.low_literate = low_literate;
      const double a = adult_help_seeking(t, c) * (1 - t.refusal[0]);
      const double r = t.recovery[0] * t.network_recovery_rr[network];
      // states: none, unmet, held
      const std::array<std::array<double, 3>, 3> P = {{{1 - s, s, 0}, {r, 1 - a - r, a}, {e, 0, 1 - e}}};
      std::array<double, 3> pi = {1, 0, 0};
      for (int n = 0; n < 20000; ++n) {
        std::array<double, 3> next{};
        for (int i = 0; i < 3; ++i)
          for (int j = 0; j < 3; ++j) next[j] += pi[i] * P[i][j];
        pi = next;
      }
      const AdultNeedShares sh = adult_need_stationary(t, s, e, network, low_literate);
      INFO("network " << network << " low literate " << low_literate);
      CHECK(sh.unmet == Approx(pi[1]).epsilon(1e-9));
      CHECK(sh.held == Approx(pi[2]).epsilon(1e-9));
    }
}

TEST_CASE("crisis provisions are looked up by name", "[unit][adult-need]") {
  WmoParams w;
  w.need_escalation = {0.01, 0.01};
  w.need_recovery = {0.01, 0.01};
  w.network_recovery_rr = {1, 1, 1};
  w.general_first = {0, 0, 0, 0, 0, 0};
  w.crisis_provision = {"household_help", "protected_living", "begeleiding", "aids", "protected_living", "shelter"};
  AccessParams a;
  a.care_model = "stepped";
  a.wmo_help_seeking = {0.3, 0.6};
  a.wmo_refusal = {0.1, 0.0};
  a.stepped_review_months = 4;
  const AdultNeedTables t = prepare_adult_need(w, a);
  CHECK(t.crisis_provision[1] == 1);
  CHECK(t.crisis_provision[2] == 5);  // begeleiding -> protected living
  CHECK(t.crisis_provision[3] == 2);  // day activities -> begeleiding
  CHECK(t.crisis_provision[6] == 6);
  CHECK(t.stepped);
  CHECK(t.stepped_review == Approx(0.25));
}
