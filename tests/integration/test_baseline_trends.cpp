// The default without new measures stays plausible after the base year (issue: calibration,
// "stays plausible in the years after"): the demography ages the population the way the
// synthesis set it up, so care stocks move with their age groups instead of settling away
// from a synthesised state that the dynamics cannot sustain.
#include <catch2/catch.hpp>

#include <cmath>

#include "test_support.hpp"

using namespace zorgsim;

namespace {
const sim::RunResult& baseline() {  // 2025-2035, the default's size, 8 replicates
  static const sim::RunResult r = test::run(test::config({"run.replicates=8"}), 2);
  return r;
}

// Mean over replicates and the twelve months of year `year` (0 = 2025) of a stock.
double yearly(const sim::RunResult& r, const std::string& name, int from, int to, int year) {
  double s = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 12 * year; m < 12 * year + 12; ++m) s += test::col_sum(r, rep, m, name, from, to);
  return s / (12.0 * r.replicates);
}

double change(const sim::RunResult& r, const std::string& name, int from, int to) {
  return yearly(r, name, from, to, 10) / yearly(r, name, from, to, 0) - 1;
}
}  // namespace

TEST_CASE("without new measures the care stocks change with their age groups over 2025-2035", "[determinism][trends]") {
  const auto& r = baseline();
  REQUIRE(r.months == 132);
  const double children = change(r, "population.persons_by_age", 0, 3), old = change(r, "population.persons_by_age", 6, 7);
  INFO("0-17: " << children << ", 75+: " << old);
  // Yearly means over 8 replicates: the bounds are wide against the noise (~95 placements
  // vary by ~4% between such means) and narrow against the drifts the synthesis once had
  // (placements -19% while children fell 5%, the Wlz -25% while 75+ grew 18%).
  const double ambulant = change(r, "youth.stock_by_state", 2, 3), placed = change(r, "youth.stock_by_state", 3, 7);
  const double wmo = change(r, "wmo.clients_any_bespoke", 0, 1), wlz = change(r, "wlz.persons_by_age_band", 0, 4);
  const double welfare = change(r, "welfare.households", 0, 1);
  INFO("ambulant " << ambulant << ", placed " << placed << ", wmo " << wmo << ", wlz " << wlz << ", welfare " << welfare);
  CHECK(std::fabs(ambulant - children) < 0.08);
  CHECK(std::fabs(placed - children) < 0.12);
  CHECK(old > 0.05);  // the 65-74 of 2025 (a large cohort) become 75+
  CHECK(wlz > 0);     // ... and the Wlz grows with them
  CHECK(wlz < 2 * old + 0.05);
  CHECK(wmo > -0.03);
  CHECK(std::fabs(welfare) < 0.08);
}

TEST_CASE("the prevalence of physical limitations by age band holds as the population ages", "[determinism][trends]") {
  // Without onsets at birthdays the 75+ would keep the prevalence of the bands they came from
  // (~0.25-0.34 instead of 0.45), and 18-22 would lose theirs as children turn 18 without it.
  const auto& r = baseline();
  for (int band = 0; band < 4; ++band) {
    const double start = yearly(r, "population.physical_limitation_by_adult_band", band, band + 1, 0) /
                         yearly(r, "population.persons_by_age", band + 3, band + 4, 0);
    const double end = yearly(r, "population.physical_limitation_by_adult_band", band, band + 1, 10) /
                       yearly(r, "population.persons_by_age", band + 3, band + 4, 10);
    INFO("band " << band << ": " << start << " -> " << end);
    CHECK(std::fabs(end - start) < 0.1 * start + 0.005);
  }
}
