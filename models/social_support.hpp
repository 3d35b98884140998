#pragma once
// Social support (Wmo) for adults: seven provisions a person can hold at once (general
// support, household help, begeleiding, day activities, aids, protected living, shelter),
// each with a start hazard (age band x income x network x vulnerabilities) and an exit
// hazard 1/duration, plus one-off home adaptations. General support starts at once; for a
// bespoke provision the "start" is the onset of a need for it, met through the access
// ladder (adult_need.hpp). At most one event per person-month:
// the competing hazards partition one uniform in a fixed order.
#include <array>
#include <cstdint>

#include "models/adult_need.hpp"
#include "models/categories.hpp"
#include "models/model_params.hpp"

namespace zorgsim::models {

struct WmoTables {
  std::array<std::array<double, adult_band_count>, wmo_provision_count> start{};
  std::array<double, wmo_provision_count> exit{};
  std::array<std::array<double, 16>, wmo_provision_count> vulnerability_rr{};  // by vulnerability index
  std::array<double, income_class_count> income_rr{};
  std::array<double, network_count> network_rr{};
  std::array<double, adult_band_count> home_adaptation{};
  /// Total monthly hazard of a person holding nothing, by [band][vulnerabilities][income]
  /// [network]: most adults hold nothing, and one comparison settles their month.
  std::array<std::array<std::array<std::array<double, network_count>, income_class_count>, 16>, adult_band_count>
      total_if_none{};
  bool capacity_limited = false;
  /// Highest tier of each holding pattern.
  std::array<std::uint8_t, 128> tier_of{};
};

WmoTables prepare_wmo(const WmoParams& p);

struct WmoEvent {
  enum Kind : std::uint8_t { None, Start, End, HomeAdaptation } kind = None;
  int provision = -1;
};

/// The person's event this month for a uniform u in [0,1) (the general case).
WmoEvent next_wmo_event_full(const WmoTables& t, std::uint8_t held, int band, int vulnerabilities,
                             int income, int network, double u);

/// The person's event this month for a uniform u in [0,1).
/// `held`: bit p set when provision p is held; `vulnerabilities`: trait::vulnerability_index.
/// Inline shortcut for the common case (holds nothing, no event); otherwise the full loop.
inline WmoEvent next_wmo_event(const WmoTables& t, std::uint8_t held, int band, int vulnerabilities,
                               int income, int network, double u) {
  if (held == 0 && u >= t.total_if_none[band][vulnerabilities][income][network]) return {};
  return next_wmo_event_full(t, held, band, vulnerabilities, income, network, u);
}

/// The start hazard of provision p for an adult without it.
double start_hazard(const WmoTables& t, int p, int band, int vulnerabilities, int income, int network);

/// Probability that a synthesised adult holds provision p at the start: for general support
/// the stationary occupancy s / (s + e) of its two-state chain; for a bespoke provision the
/// held share of its three-state chain with the unmet need between (adult_need_stationary).
/// `extra_exit`: a further monthly exit from the provision (the Wlz takeover of home care);
/// `death`: the person's monthly mortality, which ends an unmet need and a holding alike.
double initial_holding_probability(const WmoTables& t, const AdultNeedTables& a, int p, int band,
                                   int vulnerabilities, int income, int network, double extra_exit = 0,
                                   double death = 0);

/// Whether a household with these holdings pays the Wmo co-payment (bespoke care at home).
inline bool pays_copayment(std::uint8_t held) {
  constexpr std::uint8_t at_home = (1u << 1) | (1u << 2) | (1u << 3) | (1u << 4);
  return held & at_home;
}

/// Highest tier among the held provisions (0 when none).
int wmo_tier(std::uint8_t held);

}  // namespace zorgsim::models
