// The Wlz takeover's tables: mortality in the Wlz, who can be taken over, and the stationary
// share against the two-state chain's matrix powers.
#include <catch2/catch.hpp>

#include <array>

#include "models/wlz.hpp"
#include "sim/rng.hpp"

using namespace zorgsim::models;

TEST_CASE("mortality in the Wlz is the population's times the relative rate, capped at 1", "[unit][wlz]") {
  WmoParams w;
  w.wlz_takeover = {0, 0, 0.001, 0.004};
  w.wlz_mortality_rr = 3;
  DemographyParams d;
  d.mortality_male = {0.004, 0.0002, 0.0005, 0.001, 0.002, 0.006, 0.015, 0.05, 0.5};
  d.mortality_female = d.mortality_male;
  const WlzTables t = prepare_wlz(w, d);
  CHECK(t.takeover[3] == 0.004);
  const double q80 = monthly_from_annual_probability(0.05);
  CHECK(t.death[0][80] == zorgsim::sim::probability_threshold(3 * q80));
  CHECK(t.death[1][100] == zorgsim::sim::probability_threshold(3 * monthly_from_annual_probability(0.5)));
  CHECK(dies_in_wlz(t, false, 80, zorgsim::sim::probability_threshold(3 * q80) - 1));
  CHECK_FALSE(dies_in_wlz(t, false, 80, zorgsim::sim::probability_threshold(3 * q80)));
  w.wlz_mortality_rr = 20;  // 20 x 0.056 > 1: everyone in the Wlz dies that month
  const WlzTables capped = prepare_wlz(w, d);
  CHECK(capped.death[0][100] == zorgsim::sim::probability_threshold(1.0));
}

TEST_CASE("only holders of home care (household help, begeleiding, day activities) are taken over", "[unit][wlz]") {
  CHECK_FALSE(wlz_candidate(0));
  CHECK_FALSE(wlz_candidate(1u << 0));  // general support
  CHECK(wlz_candidate(1u << 1));
  CHECK(wlz_candidate(1u << 2));
  CHECK(wlz_candidate(1u << 3));
  CHECK_FALSE(wlz_candidate((1u << 4) | (1u << 5) | (1u << 6)));  // aids, protected living, shelter
}

TEST_CASE("the stationary Wlz share equals the limit of the chain's matrix powers", "[unit][wlz]") {
  // outside the Wlz -> in at h w; in -> out (death, or ageing out of the band) at q rr + ageing
  const double h = 0.3, w = 0.004, q = 0.005, rr = 3;
  for (double ageing : {0.0, 1.0 / 120}) {
    const double in = h * w, out = q * rr + ageing;
    std::array<double, 2> pi = {1, 0};
    for (int n = 0; n < 20000; ++n) pi = {pi[0] * (1 - in) + pi[1] * out, pi[0] * in + pi[1] * (1 - out)};
    CHECK(wlz_stationary(h, w, q, rr, ageing) == Approx(pi[1]).epsilon(1e-9));
  }
  CHECK(wlz_stationary(0.3, 0, q, rr, 0) == 0);
}
