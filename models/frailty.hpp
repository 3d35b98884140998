#pragma once
// Ageing and frailty: vulnerabilities that come with age. The synthesis gives adults a
// physical limitation with population.physical_limitation_by_adult_band; without more, a
// cohort would keep the prevalence of the band it was born into (a 64-year-old at 8% still at
// 8% at 80), and the older population would lose its limitations as it ages. So:
//  - at 18, a young adult draws the adult vulnerabilities (psychiatric vulnerability, low
//    literacy, a physical limitation) as the synthesis draws them for adults;
//  - at every later birthday, an adult without a physical limitation acquires one with an
//    annual probability f[band], derived so that a cohort's mean prevalence over each adult
//    band equals the configured one. A limitation, once acquired, stays.
// The same path gives the prevalence at each single year of age, which the synthesis, arrivals
// and partners moving in use, so the initial population is already on the path.
#include <array>
#include <cstdint>

#include "models/categories.hpp"
#include "models/model_params.hpp"

namespace zorgsim::models {

/// Single years over which the open 75+ band's mean prevalence is taken (75-89).
inline constexpr int frailty_last_band_years = 15;

struct FrailtyTables {
  std::array<double, adult_band_count> onset{};  // annual probability at a birthday, by adult band
  std::array<std::uint32_t, adult_band_count> onset_threshold{};
  std::array<double, 128> prevalence{};  // prevalence of a physical limitation at each age (0 below 18)
};

/// The onset probabilities and the prevalence path from the prevalence by adult band (18-22,
/// 23-64, 65-74, 75+). 18-22 keeps the prevalence drawn at 18 (no onset); in each later band
/// f solves mean_{k=1..D} [1 - (1 - s)(1 - f)^k] = p, with s the prevalence at the end of the
/// band before and D the band's years (15 for 75+). When s >= p already, f = 0.
FrailtyTables prepare_frailty(const std::vector<double>& prevalence_by_band);

/// Whether an adult without a physical limitation acquires one at this birthday (word: a
/// uniform 32-bit draw).
inline bool frailty_onset(const FrailtyTables& t, int years, std::uint32_t word) {
  return word < t.onset_threshold[static_cast<std::size_t>(adult_band(years))];
}

}  // namespace zorgsim::models
