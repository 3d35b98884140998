#include "models/demography.hpp"

#include <cmath>

#include "sim/rng.hpp"

namespace zorgsim::models {

double monthly_from_annual_probability(double q) {
  if (q >= 1.0) return 1.0;
  return 1.0 - std::pow(1.0 - q, 1.0 / 12.0);
}

double monthly_from_annual_rate(double r) { return 1.0 - std::exp(-r / 12.0); }

DemographyTables prepare_demography(const DemographyParams& p) {
  DemographyTables t;
  for (int b = 0; b < mortality_band_count; ++b) {
    t.death[0][b] = sim::probability_threshold(monthly_from_annual_probability(p.mortality_male[b]));
    t.death[1][b] = sim::probability_threshold(monthly_from_annual_probability(p.mortality_female[b]));
  }
  for (int b = 0; b < 7; ++b) t.birth[b] = sim::probability_threshold(monthly_from_annual_rate(p.fertility[b]));
  t.male_at_birth = sim::probability_threshold(p.male_share_at_birth);
  return t;
}

}  // namespace zorgsim::models
