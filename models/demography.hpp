#pragma once
// Demography: deaths by age and sex, births by mother's age. Rates are annual in the
// parameters and converted once to monthly 32-bit thresholds (see sim::probability_threshold).
#include <array>
#include <cstdint>

#include "models/categories.hpp"
#include "models/model_params.hpp"

namespace zorgsim::models {

/// Monthly probability with the same annual probability: 1 - (1 - q)^(1/12).
double monthly_from_annual_probability(double q);
/// Monthly probability of at least one event for an annual rate r: 1 - exp(-r/12).
double monthly_from_annual_rate(double r);

inline constexpr int max_tabulated_age = 127;  // older ages use the last row

struct DemographyTables {
  // Thresholds by single year of age (looked up per person-month, so no band arithmetic).
  std::array<std::array<std::uint32_t, max_tabulated_age + 1>, 2> death{};  // [female][years]
  std::array<std::uint32_t, max_tabulated_age + 1> birth{};                 // 0 outside 15-49
  std::uint32_t male_at_birth = 0;
};

/// `outside_wlz[adult band]` scales adults' mortality (see mortality_outside_wlz); 1 = the
/// configured tables unchanged.
DemographyTables prepare_demography(const DemographyParams& p,
                                    const std::array<double, adult_band_count>& outside_wlz = {1, 1, 1, 1});

/// Death this month: the demography lane word below the death threshold.
inline bool dies(const DemographyTables& t, bool female, int years, std::uint32_t word) {
  return word < t.death[female][years < max_tabulated_age ? years : max_tabulated_age];
}

/// Fertility band of a woman's age, or -1 outside 15-49.
inline int fertility_band(int years) { return years < 15 || years > 49 ? -1 : (years - 15) / 5; }

/// Birth this month: the demography lane word in the top interval (disjoint from death,
/// so both processes share one word without correlation between their outcomes).
inline bool gives_birth(const DemographyTables& t, int years, std::uint32_t word) {
  return word > 0xFFFFFFFFu - t.birth[years < max_tabulated_age ? years : max_tabulated_age];
}

}  // namespace zorgsim::models
