#pragma once
// The Wlz takeover (Wet langdurige zorg): an adult (65+ in the default) whose home care under the Wmo
// (household help, begeleiding or day activities) no longer suffices needs permanent 24-hour
// care, which the Wlz provides (voorliggend: the Wmo then stops). Each month such a holder
// moves to the Wlz with wmo.wlz_takeover[adult band]; all Wmo provisions, any unmet Wmo need
// and any Wmo waiting end, and the person stays in the Wlz until death (no municipal cost),
// with mortality x wmo.wlz_mortality_rr. The synthesis draws the stationary share in the Wlz.
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
  /// Death thresholds in the Wlz: the population's monthly probability x mortality_rr (capped at 1).
  std::array<std::array<std::uint32_t, max_tabulated_age + 1>, 2> death{};
};

WlzTables prepare_wlz(const WmoParams& w, const DemographyParams& d);

/// Death this month for a person in the Wlz (the same demography word as dies()).
inline bool dies_in_wlz(const WlzTables& t, bool female, int years, std::uint32_t word) {
  return word < t.death[female][years < max_tabulated_age ? years : max_tabulated_age];
}

/// Whether a person holding `held` Wmo provisions can be taken over by the Wlz.
inline bool wlz_candidate(std::uint8_t held) { return held & wlz_home_care; }

/// Stationary probability of being in the Wlz, in an age band, for an adult who outside the
/// Wlz holds home care with probability h: inflow h x takeover against outflow by death
/// (monthly probability q x mortality_rr) and by ageing out of the band (monthly `ageing`:
/// 1/120 for 65-74, 0 for 75+), i.e. h w / (h w + q rr + ageing).
double wlz_stationary(double h, double takeover, double q, double mortality_rr, double ageing);

}  // namespace zorgsim::models
