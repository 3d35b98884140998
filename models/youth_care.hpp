#pragma once
// Youth care (Jeugdwet) as a monthly state machine per person aged 0-22, on the access
// ladder: self-reliant -> general provision -> ambulant care -> out-of-home placement (4 forms).
//
// A child's *position* joins the care state with its need. In positions 0..6 the need is
// met by the care state (or there is none). A need arises at a level (light fits a general
// provision, moderate fits ambulant care; a severe need is a crisis placement at once) and is
// *unmet* until the household asks for help and the local team (wijkteam) indicates care:
// positions 7 (light, unmet) and 8 (moderate, unmet). Under stepped care a moderate need first
// gets a general provision: position 9 (care below need) until review steps it up. An unmet
// need can resolve by itself (own means, network) or escalate; escalation ends, at the top,
// in a crisis placement -- the model's "saving now, cost later".
//
// Entry and escalation hazards are base rates (by age band) times a relative risk from
// the household's covariates; exits follow mean durations (exit probability 1/duration).
#include <array>
#include <vector>
#include <cstdint>

#include "models/categories.hpp"
#include "models/model_params.hpp"

namespace zorgsim::models {

/// Positions beyond the care states 0..6 (see the header comment).
inline constexpr int pos_unmet_light = 7;
inline constexpr int pos_unmet_moderate = 8;
inline constexpr int pos_stepped = 9;
inline constexpr int youth_position_count = 10;
/// The care state a position is in (unmet needs are at home; stepped care is a general provision).
inline constexpr int position_care(int pos) { return pos < 7 ? pos : pos == pos_stepped ? 1 : 0; }
/// The need level of a position: 0 none, 1 light, 2 moderate, 3 out-of-home care.
inline constexpr int position_need(int pos) { return pos < 7 ? youth_tier(pos) : pos == pos_unmet_light ? 1 : 2; }
/// Whether a position is an unmet (or under-served) need.
inline constexpr bool position_unmet(int pos) { return pos >= 7; }

/// Destinations of next_youth_position beyond the positions 0..9.
inline constexpr int new_placement = 10;   // a new placement; draw its form (choose_placement_form)
inline constexpr int ask_for_help = 11;    // the household asks the local team (a triage request)
inline constexpr int stepped_review = 12;  // stepped care's review: step up to ambulant care

/// Covariates that scale youth-care entry and escalation.
struct YouthCovariates {
  int income = 3;
  int network = 1;
  bool single_parent = false;
  bool vulnerable_parent = false;
  bool problematic_debt = false;
  bool own_lvb = false;
  bool low_literate_parent = false;  // changes help-seeking only
  int index() const {  // 0..383
    return (((((low_literate_parent * income_class_count + income) * network_count + network) * 2 + single_parent) * 2 +
             vulnerable_parent) * 2 + problematic_debt) * 2 + own_lvb;
  }
};
inline constexpr int youth_covariate_combinations = 2 * income_class_count * network_count * 16;

/// Per-child factors of one month's transitions.
struct YouthCase {
  int band = 0;          // youth band
  double rr = 1;         // relative risk of entry and escalation
  double seeking = 1;    // relative help-seeking (stigma, awareness)
  double recovery = 1;   // relative recovery of an unmet need (network)
  int months_unmet = 0;  // completed months of unmet need (raises escalation)
};

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
  bool capacity_limited = false;
  bool bridging_general = false;
  double waiting_escalation = 0;
  std::array<double, 3> protection_onset{};  // by tier group: 0-1, ambulant, placed
  double protection_to_guardianship = 0, supervision_exit = 0, guardianship_exit = 0;
  // Unmet need and access.
  std::array<double, 3> unmet_escalation{};  // light->moderate, moderate->crisis, placement need->crisis
  std::array<double, 2> unmet_recovery{};
  std::array<double, 2> help_seeking{};
  std::array<double, 2> refusal{};
  bool stepped = false;
  double stepped_review = 0, stepped_resolution = 0;  // per month
  std::array<double, youth_covariate_combinations> seeking{};   // by covariate index
  std::array<double, youth_covariate_combinations> recovery{};  // by covariate index
  /// Position distribution (cumulative) of a child at age y + 6 months (y = 0..17) by covariate
  /// index: the initial position of a synthesised child. A cohort born self-reliant followed
  /// through the monthly chain of each age's band (youth_cohort_distribution), so that a young
  /// child has had only its years of exposure (unlimited triage and places). Empty in tables
  /// that never synthesise (a measure's months: prepare_youth(..., false)); 0.5 MB otherwise.
  std::vector<std::array<std::array<double, youth_position_count>, youth_covariate_combinations>> initial;
  /// The full per-child factors for a covariate combination.
  YouthCase case_of(int band, int covariates, int months_unmet) const {
    return {band, rr[covariates], seeking[covariates], recovery[covariates], months_unmet};
  }
};

/// `with_initial`: also follow the cohorts for the synthesis's initial positions (`initial`).
YouthTables prepare_youth(const YouthParams& p, const AccessParams& a, bool with_initial = true);

/// The relative risk of a covariate combination (product of the configured RRs).
double youth_relative_risk(const YouthParams& p, const YouthCovariates& c);

/// Next position from `pos` (0..9) for a uniform `u` in [0,1): `pos` (no change), another
/// position, new_placement, ask_for_help or stepped_review. `asked`: the household has asked
/// already and waits for its assessment (it does not ask again). Competing transitions
/// partition [0, total hazard) in a fixed order.
int next_youth_position(const YouthTables& t, int pos, bool asked, const YouthCase& c, double u);

/// Escalation hazard of an unmet need: level 0 light->moderate, 1 moderate->crisis,
/// 2 placement need->crisis; rises by youth.waiting_escalation per 6 months unmet.
double escalation_hazard(const YouthTables& t, int level, const YouthCase& c);

/// The local team's decision on an assessed request from position 7 or 8, for a uniform u:
/// the position itself when refused (gatekeeping), else the indicated position: 1 (general
/// provision), 2 (ambulant care, matched care) or 9 (stepped care).
int triage_outcome(const YouthTables& t, int pos, double u);

/// Placement form (state 3..6) for a uniform u.
int choose_placement_form(const YouthTables& t, double u);

/// Tier group of a youth state for child protection: 0 none or general, 1 ambulant, 2 placed.
inline int protection_group(int youth_state) { return youth_state <= 1 ? 0 : youth_state == 2 ? 1 : 2; }

/// Next child-protection state (0 none, 1 supervision order, 2 guardianship) for a uniform u.
int next_protection(const YouthTables& t, int protection, int youth_state, double rr, double u);

/// Stationary distribution of child protection for a youth state and relative risk (synthesis).
std::array<double, 3> protection_stationary(const YouthTables& t, int youth_state, double rr);

/// Exact stationary distribution of the position chain for a child (no months-dependence,
/// unlimited triage and places; exposed for the statistical test). Solves pi P = pi by
/// Gaussian elimination.
std::array<double, youth_position_count> youth_stationary(const YouthTables& t, const YouthCase& c);

/// The chain's monthly transition matrix P[from][to] for a case (band, covariates), with a
/// request assessed in the month it is made and every indication admitted at once.
using YouthMatrix = std::array<std::array<double, youth_position_count>, youth_position_count>;
YouthMatrix youth_transition_matrix(const YouthTables& t, const YouthCase& c);

/// Position distribution of a child born self-reliant after `months` months (the band of
/// each month from the child's age then), for a covariate index.
std::array<double, youth_position_count> youth_cohort_distribution(const YouthTables& t, int covariates, int months);

}  // namespace zorgsim::models
