#pragma once
// The Wlz takeover (Wet langdurige zorg): an adult (65+ in the default) whose home care under the Wmo
// (household help, begeleiding or day activities) no longer suffices needs permanent 24-hour
// care, which the Wlz provides (voorliggend: the Wmo then stops). Each month such a holder
// moves to the Wlz with wmo.wlz_takeover[adult band]; all Wmo provisions, any unmet Wmo need
// and any Wmo waiting end, and the person stays in the Wlz until death (no municipal cost),
// with mortality x wmo.wlz_mortality_rr against others of the same age and sex. The configured
// mortality tables are the whole population's: with a share s of an age band in the Wlz
// (wmo.wlz_population_share), the others die at 1 / (1 + s (rr - 1)) of the table's rate, so
// that the population's mortality stays the table's. The synthesis draws the share in the
// Wlz of a cohort that has lived under these rates since 18 (wlz_cohort_share).
#include <array>
#include <cstdint>

#include "models/categories.hpp"
#include "models/demography.hpp"
#include "models/model_params.hpp"

namespace zorgsim::models {

/// Wmo provisions of home care (bits 1-3) whose holders the Wlz can take over.
inline constexpr std::uint8_t wlz_home_care = (1u << 1) | (1u << 2) | (1u << 3);

struct WlzTables {
  std::array<double, adult_band_count> takeover{};  // per month, holders of home care
  double mortality_rr = 1;
  /// Mortality outside the Wlz relative to the configured tables, by adult band.
  std::array<double, adult_band_count> outside{};
  /// Death thresholds in the Wlz: the tables' monthly probability x outside x mortality_rr (capped at 1).
  std::array<std::array<std::uint32_t, max_tabulated_age + 1>, 2> death{};
};

WlzTables prepare_wlz(const WmoParams& w, const DemographyParams& d);

/// Death this month for a person in the Wlz (the same demography word as dies()).
inline bool dies_in_wlz(const WlzTables& t, bool female, int years, std::uint32_t word) {
  return word < t.death[female][years < max_tabulated_age ? years : max_tabulated_age];
}

/// Mortality outside the Wlz relative to the population's when a share `share` of the age
/// group is in the Wlz and dies `rr` times as often: 1 / (1 + share (rr - 1)).
double mortality_outside_wlz(double share, double rr);

/// Whether a person holding `held` Wmo provisions can be taken over by the Wlz.
inline bool wlz_candidate(std::uint8_t held) { return held & wlz_home_care; }

/// Monthly rates of one age for the cohort recursion below.
struct WlzMonthRates {
  double takeover = 0;       // h x w: holding home care outside the Wlz, and taken over
  double death_outside = 0;  // monthly probability of death outside the Wlz
  double death_inside = 0;   // in the Wlz (death_outside x mortality_rr, capped at 1)
};

/// The share in the Wlz among the survivors of a cohort after `months` more months at the
/// rates r, starting from `share`: each month deaths come first, then the takeover of the
/// survivors outside (the monthly step's order). Iterated from 18 over a person's past ages,
/// this is the probability that a person of that age is in the Wlz when the rates have been
/// the same for a lifetime: the synthesis's initial state, which ages consistently (takeovers
/// at 75-84 carried into the higher mortality of 85+).
double wlz_cohort_share(double share, const WlzMonthRates& r, int months);


}  // namespace zorgsim::models
