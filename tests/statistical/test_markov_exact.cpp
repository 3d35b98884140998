// A constant-hazard sub-model against the exact Markov-chain result: N children with
// fixed covariates follow the youth-care chain on the access ladder (needs arising, unmet
// needs escalating, resolving or asking for help, the local team's decision, care, matched
// or stepped) through the model's own transition code and keyed streams, with the team
// assessing every request in its month; the occupancy of each position after T months must
// match pi_0 P^T (matrix powers of a transition matrix built here, independently of the
// model's code) within 4 binomial standard errors.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>

#include "models/streams.hpp"
#include "models/youth_care.hpp"
#include "sim/rng.hpp"

using namespace zorgsim;
using namespace zorgsim::models;

namespace {
constexpr int n = youth_position_count;
using Matrix = std::array<std::array<double, n>, n>;

Matrix multiply(const Matrix& a, const Matrix& b) {
  Matrix c{};
  for (int i = 0; i < n; ++i)
    for (int k = 0; k < n; ++k)
      for (int j = 0; j < n; ++j) c[i][j] += a[i][k] * b[k][j];
  return c;
}

YouthParams params() {
  YouthParams p;
  // Large hazards so every state is well populated within three years.
  p.to_general = {0.02, 0.03, 0.03, 0.0};
  p.to_ambulant = {0.01, 0.02, 0.02, 0.0};
  p.to_placement = {0.002, 0.004, 0.004, 0.0};
  p.general_to_ambulant = 0.05;
  p.ambulant_to_placement = 0.02;
  p.general_duration = 6;
  p.ambulant_duration = 9;
  p.placement_duration = {30, 20, 12, 6};
  p.placement_form_share = {0.3, 0.15, 0.4, 0.15};
  p.aftercare_share = 0.5;
  p.foster_breakdown = 0.01;
  p.residential_to_family_home = 0.02;
  p.income_rr = {1, 1, 1, 1};
  p.network_rr = {1, 1, 1};
  p.single_parent_rr = p.vulnerable_parent_rr = p.problematic_debt_rr = p.own_lvb_rr = 1;
  p.extension_after_18 = 0;
  p.placement_to_protected_living = 0;
  p.protection_onset = {0.001, 0.01, 0.05};
  p.protection_to_guardianship = 0.01;
  p.supervision_duration = 25;
  p.guardianship_duration = 80;
  p.waiting_escalation = 0;  // months of unmet need would make the chain non-Markov
  p.unmet_escalation = {0.03, 0.006, 0.01};
  p.unmet_recovery = {0.04, 0.02};
  p.network_recovery_rr = {1, 1.5, 2};
  return p;
}

AccessParams access(const std::string& model) {
  AccessParams a;
  a.care_model = model;
  a.help_seeking = {0.2, 0.35};
  a.stigma = 0.25;
  a.low_literacy_seeking_rr = 0.6;
  a.refusal = {0.2, 0.1};
  a.stepped_review_months = 5;
  a.stepped_resolution = 0.05;
  return a;
}
constexpr int unmet_light = 7, unmet_moderate = 8, stepped = 9;

// The transition matrix from the parameters (written from MODEL.md's description,
// not from youth_care.cpp).
// seek: the child's help-seeking factor (stigma x awareness); network: index for recovery.
Matrix transition_matrix(const YouthParams& p, const AccessParams& a, int band, double rr, double seek, int network) {
  Matrix P{};
  const double recovery = p.network_recovery_rr[network];
  const bool is_stepped = a.care_model == "stepped";
  const auto placement = [&](int from, double h) {
    for (int f = 0; f < 4; ++f) P[from][3 + f] += h * p.placement_form_share[f];
  };
  P[0][unmet_light] = p.to_general[band] * rr;  // needs arise unmet
  P[0][unmet_moderate] = p.to_ambulant[band] * rr;
  placement(0, p.to_placement[band] * rr);      // a severe need: crisis placement
  P[unmet_light][unmet_moderate] = p.unmet_escalation[0] * rr;
  P[unmet_light][0] = p.unmet_recovery[0] * recovery;
  P[unmet_light][1] = a.help_seeking[0] * seek * (1 - a.refusal[0]);  // asked and not refused
  placement(unmet_moderate, p.unmet_escalation[1] * rr);
  P[unmet_moderate][0] = p.unmet_recovery[1] * recovery;
  P[unmet_moderate][is_stepped ? stepped : 2] = a.help_seeking[1] * seek * (1 - a.refusal[1]);
  placement(stepped, p.unmet_escalation[1] * rr);
  P[stepped][1] = a.stepped_resolution;
  P[stepped][2] = 1 / a.stepped_review_months;
  P[1][0] = 1 / p.general_duration;
  P[1][2] = p.general_to_ambulant * rr;
  placement(1, p.to_placement[band] * rr);
  P[2][0] = 1 / p.ambulant_duration;
  placement(2, p.ambulant_to_placement * rr);
  for (int f = 0; f < 4; ++f) {
    P[3 + f][2] = p.aftercare_share / p.placement_duration[f];
    P[3 + f][0] = (1 - p.aftercare_share) / p.placement_duration[f];
  }
  P[3][5] += p.foster_breakdown;            // foster care breaks down into residential care
  P[5][4] += p.residential_to_family_home;  // residential care steps down to a family home
  for (int i = 0; i < n; ++i) {
    double out = 0;
    for (int j = 0; j < n; ++j) out += i == j ? 0 : P[i][j];
    P[i][i] = 1 - out;
  }
  return P;
}

void check_occupancy(const std::string& model) {
  const YouthParams p = params();
  const AccessParams a = access(model);
  const YouthTables t = prepare_youth(p, a);
  const int band = 1, months = 36, first_month = 2025 * 12, network = 0;
  const double rr = 1.0;
  // a low-literate parent's household with a weak network: covariate index of that case
  YouthCovariates cov{3, network, false, false, false, false, true};
  const YouthCase c = t.case_of(band, cov.index(), 0);
  const double seek = (1 - a.stigma) * a.low_literacy_seeking_rr;
  REQUIRE(c.seeking == Approx(seek));
  REQUIRE(c.rr == Approx(rr));
  const std::uint32_t persons = 200000;
  std::array<double, n> count{};
  const sim::RandomKey key{987654321, 0};
  for (std::uint32_t id = 0; id < persons; ++id) {
    int s = 0;
    for (int m = 0; m < months; ++m) {
      const auto w = sim::draw_words(key, id, first_month + m, models::id(Stream::PersonMonth));
      int next = next_youth_position(t, s, false, c, sim::to_unit(w[LaneYouth]));
      if (next == ask_for_help) {
        sim::KeyedStream rng(key, id, first_month + m, models::id(Stream::Triage));
        next = triage_outcome(t, s, rng.uniform01());
      }
      if (next == stepped_review) next = 2;
      if (next == new_placement) {
        sim::KeyedStream rng(key, id, first_month + m, models::id(Stream::PlacementForm));
        next = choose_placement_form(t, rng.uniform01());
      }
      s = next;
    }
    ++count[s];
  }
  Matrix power{};
  for (int i = 0; i < n; ++i) power[i][i] = 1;
  const Matrix P = transition_matrix(p, a, band, rr, seek, network);
  for (int m = 0; m < months; ++m) power = multiply(power, P);
  for (int s = 0; s < n; ++s) {
    const double expected = power[0][s];  // started in state 0
    const double se = std::sqrt(expected * (1 - expected) / persons);
    INFO(model << " care, position " << s << ": observed " << count[s] / persons << ", exact " << expected
                << ", SE " << se);
    if (s == stepped && model == "matched") {
      CHECK(count[s] == 0);
      continue;
    }
    CHECK(expected > 0.001);  // the test has power for every position
    CHECK(std::fabs(count[s] / persons - expected) <= 4 * se);
  }
}
}  // namespace

TEST_CASE("youth-care occupancy after T months matches matrix powers (matched care)", "[statistical][markov]") {
  check_occupancy("matched");
}

TEST_CASE("youth-care occupancy after T months matches matrix powers (stepped care)", "[statistical][markov]") {
  check_occupancy("stepped");
}

TEST_CASE("the model's stationary distribution equals the limit of matrix powers", "[statistical][markov]") {
  const YouthParams p = params();
  for (const std::string model : {"matched", "stepped"}) {
    const AccessParams a = access(model);
    const YouthTables t = prepare_youth(p, a);
    YouthCovariates cov{1, 2, true, false, false, false, false};
    const YouthCase c = t.case_of(2, cov.index(), 0);
    Matrix P = transition_matrix(p, a, 2, c.rr, 1 - a.stigma, 2);
    for (int k = 0; k < 12; ++k) P = multiply(P, P);  // P^4096
    const auto pi = youth_stationary(t, c);
    for (int s = 0; s < n; ++s) CHECK(pi[s] == Approx(P[0][s]).epsilon(1e-9).margin(1e-12));
  }
}

TEST_CASE("a synthesised child's position is a cohort's from birth through the bands' matrices", "[statistical][markov]") {
  const YouthParams p = params();
  for (const std::string model : {"matched", "stepped"}) {
    const AccessParams a = access(model);
    const YouthTables t = prepare_youth(p, a);
    YouthCovariates cov{1, 2, true, false, false, false, false};
    const double rr = t.case_of(0, cov.index(), 0).rr;
    std::array<Matrix, 3> P;
    for (int b = 0; b < 3; ++b) P[b] = transition_matrix(p, a, b, rr, 1 - a.stigma, 2);
    std::array<double, n> pi{};
    pi[0] = 1;
    for (int month = 0; month < 18 * 12; ++month) {
      std::array<double, n> next{};
      const Matrix& m = P[month < 48 ? 0 : month < 144 ? 1 : 2];  // 0-3, 4-11, 12-17
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) next[j] += pi[i] * m[i][j];
      pi = next;
      if (month % 12 != 5) continue;  // the synthesis's table is at age y + 6 months
      const int y = month / 12;
      const auto cohort = youth_cohort_distribution(t, cov.index(), month + 1);
      double cum = 0;
      for (int s = 0; s < n; ++s) {
        CHECK(cohort[s] == Approx(pi[s]).epsilon(1e-9).margin(1e-12));
        cum += pi[s];
        if (s + 1 < n) CHECK(t.initial[y][cov.index()][s] == Approx(cum).epsilon(1e-9).margin(1e-12));
      }
    }
    // young children have had less exposure than the stationary share of their band
    const auto stationary = youth_stationary(t, t.case_of(0, cov.index(), 0));
    const auto at_one = youth_cohort_distribution(t, cov.index(), 18);
    CHECK(at_one[3] < stationary[3]);  // foster care at 1.5 years
  }
}
