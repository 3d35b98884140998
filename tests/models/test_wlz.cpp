// The Wlz takeover's tables: mortality in and outside the Wlz, who can be taken over, and the
// cohort share of the synthesis against an independent month-by-month computation.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <utility>

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

TEST_CASE("outside the Wlz adults die less often, so that the population's mortality is the table's", "[unit][wlz]") {
  WmoParams w;
  w.wlz_takeover = {0, 0, 0.001, 0.004};
  w.wlz_mortality_rr = 3;
  w.wlz_population_share = {0, 0, 0.01, 0.1};
  DemographyParams d;
  d.mortality_male = {0.004, 0.0002, 0.0005, 0.001, 0.002, 0.006, 0.015, 0.05, 0.5};
  d.mortality_female = d.mortality_male;
  d.fertility.assign(7, 0.05);
  const WlzTables t = prepare_wlz(w, d);
  CHECK(t.outside[0] == 1);
  CHECK(t.outside[3] == Approx(1 / 1.2).epsilon(1e-15));  // 1 / (1 + 0.1 x 2)
  CHECK(mortality_outside_wlz(0.01, 3) == Approx(1 / 1.02).epsilon(1e-15));
  const DemographyTables outside = prepare_demography(d, t.outside), table = prepare_demography(d);
  const double q80 = monthly_from_annual_probability(0.05);
  // a share 0.1 at 3 x the others' rate and 0.9 at the others' rate average to the table's q
  const double others = q80 / 1.2, in_wlz = 3 * q80 / 1.2;
  CHECK(0.9 * others + 0.1 * in_wlz == Approx(q80).epsilon(1e-12));
  CHECK(outside.death[0][80] == zorgsim::sim::probability_threshold(others));
  CHECK(t.death[0][80] == zorgsim::sim::probability_threshold(in_wlz));
  CHECK(outside.death[1][70] == zorgsim::sim::probability_threshold(monthly_from_annual_probability(0.015) / 1.02));
  CHECK(outside.death[0][40] == table.death[0][40]);  // below 65 nobody is in the Wlz here
  CHECK(outside.death[0][0] == table.death[0][0]);
  CHECK(outside.birth == table.birth);
}

TEST_CASE("only holders of home care (household help, begeleiding, day activities) are taken over", "[unit][wlz]") {
  CHECK_FALSE(wlz_candidate(0));
  CHECK_FALSE(wlz_candidate(1u << 0));  // general support
  CHECK(wlz_candidate(1u << 1));
  CHECK(wlz_candidate(1u << 2));
  CHECK(wlz_candidate(1u << 3));
  CHECK_FALSE(wlz_candidate((1u << 4) | (1u << 5) | (1u << 6)));  // aids, protected living, shelter
}

TEST_CASE("the cohort share in the Wlz follows the survivors of both states", "[unit][wlz]") {
  // Independent formulation: the masses outside and inside, month by month (deaths first, then
  // the takeover of the survivors outside); the share is inside / (inside + outside).
  const WlzMonthRates young{0.001, 0.001, 0.003}, old{0.002, 0.008, 0.024};
  double out = 1, in = 0, share = 0;
  for (const auto& [r, months] : {std::pair{young, 120}, std::pair{old, 7}, std::pair{young, 0}, std::pair{old, 200}}) {
    for (int m = 0; m < months; ++m) {
      const double survivors_out = out * (1 - r.death_outside);
      in = in * (1 - r.death_inside) + survivors_out * r.takeover;
      out = survivors_out * (1 - r.takeover);
    }
    share = wlz_cohort_share(share, r, months);
    CHECK(share == Approx(in / (in + out)).epsilon(1e-12));
  }
  CHECK(share > 0.05);
  // no takeover, nobody in: stays 0; everyone dying: 0 (nobody survives)
  CHECK(wlz_cohort_share(0, {0, 0.01, 0.03}, 100) == 0);
  CHECK(wlz_cohort_share(0.5, {0.1, 1, 1}, 1) == 0);
  // with equal mortality inside and out the share approaches 1 at the takeover rate
  CHECK(wlz_cohort_share(0, {0.01, 0.02, 0.02}, 50) == Approx(1 - std::pow(0.99, 50)).epsilon(1e-12));
}
