// Ageing and frailty: the onset probabilities reproduce the configured prevalence by band.
#include <catch2/catch.hpp>

#include "models/frailty.hpp"
#include "sim/rng.hpp"

using namespace zorgsim::models;

namespace {
double band_mean(const FrailtyTables& t, int lo, int hi) {
  double s = 0;
  for (int y = lo; y <= hi; ++y) s += t.prevalence[static_cast<std::size_t>(y)];
  return s / (hi - lo + 1);
}
}  // namespace

TEST_CASE("a cohort's mean prevalence over each adult band is the configured one", "[unit][frailty]") {
  const FrailtyTables t = prepare_frailty({0.03, 0.08, 0.25, 0.45});
  CHECK(t.onset[0] == 0);  // 18-22 keeps the prevalence drawn at 18
  CHECK(band_mean(t, 18, 22) == Approx(0.03).epsilon(1e-12));
  CHECK(band_mean(t, 23, 64) == Approx(0.08).epsilon(1e-12));
  CHECK(band_mean(t, 65, 74) == Approx(0.25).epsilon(1e-12));
  CHECK(band_mean(t, 75, 75 + frailty_last_band_years - 1) == Approx(0.45).epsilon(1e-12));
  // the path: each birthday multiplies the share without a limitation by 1 - f[band]
  CHECK(t.prevalence[23] == Approx(1 - 0.97 * (1 - t.onset[1])).epsilon(1e-15));
  CHECK(t.prevalence[80] == Approx(1 - (1 - t.prevalence[79]) * (1 - t.onset[3])).epsilon(1e-15));
  for (int y = 19; y < 128; ++y) CHECK(t.prevalence[static_cast<std::size_t>(y)] >= t.prevalence[static_cast<std::size_t>(y - 1)]);
  CHECK(t.prevalence[17] == 0);
  // hand check of band 23-64: entered at 0.03, 42 birthdays; f by the formula's mean
  double sum = 0, without = 1;
  for (int k = 1; k <= 42; ++k) sum += 1 - 0.97 * (without *= 1 - t.onset[1]);
  CHECK(sum / 42 == Approx(0.08).epsilon(1e-12));
  CHECK(t.onset_threshold[1] == zorgsim::sim::probability_threshold(t.onset[1]));
  CHECK(frailty_onset(t, 30, t.onset_threshold[1] - 1));
  CHECK_FALSE(frailty_onset(t, 30, t.onset_threshold[1]));
  CHECK_FALSE(frailty_onset(t, 20, 0));  // no onset at 18-22
}

TEST_CASE("a band whose prevalence is already reached gets no onset", "[unit][frailty]") {
  // 23-64 ends near 0.2: 65-74 at 0.15 is below what the cohort already has
  const FrailtyTables t = prepare_frailty({0.0, 0.1, 0.15, 0.5});
  CHECK(t.prevalence[64] > 0.15);
  CHECK(t.onset[2] == 0);
  CHECK(t.prevalence[74] == t.prevalence[64]);
  CHECK(t.onset[3] > 0);
  const FrailtyTables none = prepare_frailty({0, 0, 0, 0});
  for (double f : none.onset) CHECK(f == 0);
  CHECK(none.prevalence[100] == 0);
}
