#include "models/frailty.hpp"

#include <algorithm>
#include <cmath>

#include "sim/rng.hpp"

namespace zorgsim::models {

namespace {
constexpr std::array<int, adult_band_count> band_lo = {18, 23, 65, 75};
constexpr std::array<int, adult_band_count> band_years = {5, 42, 10, frailty_last_band_years};

// Mean prevalence over a band of D years entered at prevalence s, onset f at each birthday.
double band_mean(double s, double f, int years) {
  double sum = 0, without = 1;
  for (int k = 1; k <= years; ++k) sum += 1 - (1 - s) * (without *= 1 - f);
  return sum / years;
}
}  // namespace

FrailtyTables prepare_frailty(const std::vector<double>& p) {
  FrailtyTables t;
  double s = p.empty() ? 0.0 : p[0];  // drawn at 18, kept through 18-22
  for (int y = 18; y < 23; ++y) t.prevalence[static_cast<std::size_t>(y)] = s;
  for (std::size_t b = 1; b < adult_band_count && b < p.size(); ++b) {
    double lo = 0, hi = 1;  // band_mean increases in f: bisection to double precision
    if (band_mean(s, 0, band_years[b]) >= p[b]) {
      hi = 0;
    } else {
      for (int it = 0; it < 200; ++it) {
        const double mid = 0.5 * (lo + hi);
        (band_mean(s, mid, band_years[b]) < p[b] ? lo : hi) = mid;
      }
    }
    t.onset[b] = hi;
    t.onset_threshold[b] = sim::probability_threshold(hi);
    const int last = b + 1 < adult_band_count ? band_lo[b + 1] : static_cast<int>(t.prevalence.size());
    for (int y = band_lo[b]; y < last; ++y) {
      s = 1 - (1 - s) * (1 - hi);  // the birthday at age y
      t.prevalence[static_cast<std::size_t>(y)] = s;
    }
  }
  return t;
}

}  // namespace zorgsim::models
