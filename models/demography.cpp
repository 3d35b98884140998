#include "models/demography.hpp"

#include <cmath>

#include "sim/rng.hpp"

namespace zorgsim::models {

double monthly_from_annual_probability(double q) {
  if (q >= 1.0) return 1.0;
  return 1.0 - std::pow(1.0 - q, 1.0 / 12.0);
}

double monthly_from_annual_rate(double r) { return 1.0 - std::exp(-r / 12.0); }

DemographyTables prepare_demography(const DemographyParams& p, const std::array<double, adult_band_count>& outside_wlz) {
  DemographyTables t;
  for (int y = 0; y <= max_tabulated_age; ++y) {
    const int b = mortality_band(y);
    const double out = y >= 18 ? outside_wlz[static_cast<std::size_t>(adult_band(y))] : 1.0;
    t.death[0][y] = sim::probability_threshold(out * monthly_from_annual_probability(p.mortality_male[b]));
    t.death[1][y] = sim::probability_threshold(out * monthly_from_annual_probability(p.mortality_female[b]));
    const int f = fertility_band(y);
    t.birth[y] = f < 0 ? 0 : sim::probability_threshold(monthly_from_annual_rate(p.fertility[f]));
  }
  t.male_at_birth = sim::probability_threshold(p.male_share_at_birth);
  return t;
}

}  // namespace zorgsim::models
