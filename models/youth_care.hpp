#pragma once
// Youth care (Jeugdwet) as a monthly state machine per person aged 0-22:
// self-reliant -> general provision -> ambulant care -> out-of-home placement (4 forms).
// Entry and escalation hazards are base rates (by age band) times a relative risk from
// the household's covariates; exits follow mean durations (exit probability 1/duration).
#include <array>
#include <cstdint>

#include "models/categories.hpp"
#include "models/model_params.hpp"

namespace zorgsim::models {

/// Destination meaning "a new placement; draw its form" (see choose_placement_form).
inline constexpr int new_placement = 7;

/// Covariates that scale youth-care entry and escalation.
struct YouthCovariates {
  int income = 3;
  int network = 1;
  bool single_parent = false;
  bool vulnerable_parent = false;
  bool problematic_debt = false;
  bool own_lvb = false;
  int index() const {  // 0..191
    return ((((income * network_count + network) * 2 + single_parent) * 2 + vulnerable_parent) * 2 +
            problematic_debt) * 2 + own_lvb;
  }
};
inline constexpr int youth_covariate_combinations = income_class_count * network_count * 16;

struct YouthTables {
  std::array<std::array<double, youth_band_count>, 3> entry{};  // to general, ambulant, placement
  double general_to_ambulant = 0, ambulant_to_placement = 0;
  double general_exit = 0, ambulant_exit = 0;
  std::array<double, placement_form_count> placement_exit{};
  double aftercare_share = 0;
  double foster_breakdown = 0, residential_to_family_home = 0;
  std::array<double, placement_form_count> form_cumulative{};
  std::array<double, youth_covariate_combinations> rr{};
  double extension_after_18 = 0, placement_to_protected_living = 0;
  std::array<double, 6> cost_per_month{};  // states 1..6, base-year prices
  bool capacity_limited = false;
  std::array<std::int64_t, 5> capacity{};   // places for states 2..6 (scaled by run.scale)
  bool bridging_general = false;
  double waiting_escalation = 0;
  std::array<double, 3> protection_onset{};  // by tier group: 0-1, ambulant, placed
  double protection_to_guardianship = 0, supervision_exit = 0, guardianship_exit = 0;
  double protection_cost_per_month = 0;
  /// Stationary state distribution (cumulative) per youth band 0-2 and covariate index:
  /// the initial state of a synthesised child.
  std::array<std::array<std::array<double, youth_state_count>, youth_covariate_combinations>, 3> initial{};
};

YouthTables prepare_youth(const YouthParams& p);

/// The relative risk of a covariate combination (product of the configured RRs).
double youth_relative_risk(const YouthParams& p, const YouthCovariates& c);

/// Next state from `state` for a person in youth band `band` with relative risk `rr`,
/// given a uniform `u` in [0,1): returns `state` (no change), another state 0..2, or
/// new_placement. Competing transitions partition [0, total hazard) in a fixed order.
int next_youth_state(const YouthTables& t, int state, int band, double rr, double u);

/// Placement form (state 3..6) for a uniform u.
int choose_placement_form(const YouthTables& t, double u);

/// Tier group of a youth state for child protection: 0 none or general, 1 ambulant, 2 placed.
inline int protection_group(int youth_state) { return youth_state <= 1 ? 0 : youth_state == 2 ? 1 : 2; }

/// Next child-protection state (0 none, 1 supervision order, 2 guardianship) for a uniform u.
int next_protection(const YouthTables& t, int protection, int youth_state, double rr, double u);

/// Stationary distribution of child protection for a youth state and relative risk (synthesis).
std::array<double, 3> protection_stationary(const YouthTables& t, int youth_state, double rr);

/// Exact stationary distribution of the youth chain for a band and relative risk
/// (exposed for the statistical test). Solves pi P = pi by Gaussian elimination.
std::array<double, youth_state_count> youth_stationary(const YouthTables& t, int band, double rr);

}  // namespace zorgsim::models
