#include "models/wlz.hpp"

#include <algorithm>

#include "sim/rng.hpp"

namespace zorgsim::models {

WlzTables prepare_wlz(const WmoParams& w, const DemographyParams& d) {
  WlzTables t;
  for (int b = 0; b < adult_band_count; ++b) t.takeover[b] = w.wlz_takeover[b];
  t.mortality_rr = w.wlz_mortality_rr;
  for (int y = 0; y <= max_tabulated_age; ++y) {
    const int b = mortality_band(y);
    const double male = monthly_from_annual_probability(d.mortality_male[b]);
    const double female = monthly_from_annual_probability(d.mortality_female[b]);
    t.death[0][y] = sim::probability_threshold(std::min(1.0, male * t.mortality_rr));
    t.death[1][y] = sim::probability_threshold(std::min(1.0, female * t.mortality_rr));
  }
  return t;
}

double wlz_stationary(double h, double takeover, double q, double mortality_rr, double ageing) {
  const double in = h * takeover, out = std::min(1.0, q * mortality_rr + ageing);
  return in + out > 0 ? in / (in + out) : 0.0;
}

}  // namespace zorgsim::models
