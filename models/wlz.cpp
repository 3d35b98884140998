#include "models/wlz.hpp"

#include <algorithm>

#include "sim/rng.hpp"

namespace zorgsim::models {

WlzTables prepare_wlz(const WmoParams& w, const DemographyParams& d) {
  WlzTables t;
  for (int b = 0; b < adult_band_count; ++b) t.takeover[b] = w.wlz_takeover[b];
  t.mortality_rr = w.wlz_mortality_rr;
  for (int b = 0; b < adult_band_count; ++b)
    t.outside[b] = w.wlz_population_share.empty() ? 1.0 : mortality_outside_wlz(w.wlz_population_share[b], t.mortality_rr);
  for (int y = 0; y <= max_tabulated_age; ++y) {
    const int b = mortality_band(y);
    const double rr = t.mortality_rr * (y >= 18 ? t.outside[adult_band(y)] : 1.0);
    const double male = monthly_from_annual_probability(d.mortality_male[b]);
    const double female = monthly_from_annual_probability(d.mortality_female[b]);
    t.death[0][y] = sim::probability_threshold(std::min(1.0, male * rr));
    t.death[1][y] = sim::probability_threshold(std::min(1.0, female * rr));
  }
  return t;
}

double wlz_cohort_share(double share, const WlzMonthRates& r, int months) {
  for (int m = 0; m < months; ++m) {
    const double in = share * (1 - r.death_inside), out = (1 - share) * (1 - r.death_outside);
    if (in + out <= 0) return 0.0;  // nobody survives (a test's extreme rates)
    share = (in + out * r.takeover) / (in + out);
  }
  return share;
}

double mortality_outside_wlz(double share, double rr) { return 1.0 / (1.0 + share * (rr - 1.0)); }

}  // namespace zorgsim::models
