// Paired comparison and attribution (sim/comparison.*) against hand-computed values.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/comparison.hpp"

using namespace zorgsim::sim;

namespace {
// Two years, two columns, `values` per replicate in [replicate][year][column] order.
AnnualResult annual(std::vector<double> values) {
  AnnualResult a;
  a.years = {2026, 2027};
  a.months_in_year = {12, 12};
  a.values = std::move(values);
  return a;
}
}  // namespace

TEST_CASE("Student's t 97.5% quantiles", "[unit][comparison]") {
  CHECK(t_quantile_975(1) == Approx(12.706).epsilon(1e-4));
  CHECK(t_quantile_975(3) == Approx(3.182).epsilon(1e-4));
  CHECK(t_quantile_975(30) == Approx(2.042).epsilon(1e-4));
  CHECK(t_quantile_975(40) == Approx(2.021).epsilon(1e-3));
  CHECK(t_quantile_975(120) == Approx(1.980).epsilon(1e-3));
  CHECK_THROWS(t_quantile_975(0));
}

TEST_CASE("paired differences: mean, standard error and 95% interval over replicates", "[unit][comparison]") {
  // Three replicates; differences in year 0, column 0: 1, 2, 6 (mean 3, sd sqrt(7)).
  const AnnualResult ref = annual({10, 0, 0, 0, /*r1*/ 20, 0, 0, 0, /*r2*/ 30, 0, 0, 0});
  const AnnualResult sc = annual({11, 5, 0, 0, /*r1*/ 22, 5, 0, 0, /*r2*/ 36, 5, 0, 0});
  const PairedDifference d = paired_difference(ref, sc, 3, 2);
  CHECK(d.mean[0] == Approx(3.0));
  CHECK(d.se[0] == Approx(std::sqrt(7.0 / 3.0)));
  CHECK(d.low[0] == Approx(3.0 - 4.303 * std::sqrt(7.0 / 3.0)).epsilon(1e-4));
  CHECK(d.high[0] == Approx(3.0 + 4.303 * std::sqrt(7.0 / 3.0)).epsilon(1e-4));
  CHECK(d.mean[1] == 5.0);  // the same difference in every replicate
  CHECK(d.se[1] == 0.0);
  CHECK(d.mean[2] == 0.0);
  CHECK_THROWS(paired_difference(ref, annual({1, 2, 3}), 3, 2));
}

TEST_CASE("attribution: alone, marginal, and an interaction that closes the sum", "[unit][comparison]") {
  // One replicate, one year of interest: B = 100, A1 = 90, A2 = 95, P = 80, W1 (P without 1) = 95, W2 = 90.
  const AnnualResult b = annual({100, 0, 0, 0}), p = annual({80, 0, 0, 0});
  const AnnualResult a1 = annual({90, 0, 0, 0}), a2 = annual({95, 0, 0, 0});
  const AnnualResult w1 = annual({95, 0, 0, 0}), w2 = annual({90, 0, 0, 0});
  const Attribution at = attribute(b, p, {&a1, &a2}, {&w1, &w2}, 1, 2);
  CHECK(at.package[0] == -20);
  CHECK(at.alone[0][0] == -10);
  CHECK(at.alone[1][0] == -5);
  CHECK(at.marginal[0][0] == -15);
  CHECK(at.marginal[1][0] == -10);
  CHECK(at.interaction[0] == -5);  // the two measures together save more than each alone
  CHECK(at.alone[0][0] + at.alone[1][0] + at.interaction[0] == at.package[0]);
  CHECK(at.interaction_se[0] == 0.0);  // one replicate
}

TEST_CASE("attribution's standard errors come from the replicates", "[unit][comparison]") {
  // Two replicates, column 0 of year 0 only. B = (100, 100), P = (80, 84), A = (90, 96), W = (90, 90).
  const AnnualResult b = annual({100, 0, 0, 0, 100, 0, 0, 0}), p = annual({80, 0, 0, 0, 84, 0, 0, 0});
  const AnnualResult a = annual({90, 0, 0, 0, 96, 0, 0, 0}), w = annual({90, 0, 0, 0, 90, 0, 0, 0});
  const Attribution at = attribute(b, p, {&a}, {&w}, 2, 2);
  CHECK(at.package[0] == -18);
  CHECK(at.package_se[0] == Approx(2.0));    // differences -20, -16: sd 2.83, se 2
  CHECK(at.alone_se[0][0] == Approx(3.0));   // -10, -4
  CHECK(at.marginal_se[0][0] == Approx(2.0));  // -10, -6
  CHECK(at.interaction[0] == -11);           // per replicate -10, -12
  CHECK(at.interaction_se[0] == Approx(1.0));
}
