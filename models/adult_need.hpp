#pragma once
// Adult needs (self-reliance, Wmo) on the access ladder. A need for a bespoke Wmo provision
// (household help, begeleiding, day activities, aids, protected living, shelter) arises with
// the provision's start hazard (social_support.hpp), moderate or -- with
// wmo.severe_onset_share -- severe. It is *unmet* until the adult asks the local team
// (help-seeking: severity, stigma, low literacy) and the team indicates the provision
// (gatekeeping: refusal). Under stepped care a share of the needs first gets general
// support and steps up only at review. While unmet -- before asking, in the team's queue,
// waiting for a place, in stepped care -- a need can resolve (own means, network) or
// escalate: moderate -> severe -> crisis. A crisis is met at once, bypassing the team and
// any waiting list, by the provision wmo.crisis_provision names (e.g. an unmet need for
// begeleiding ending in protected living): the adult side of "saving now, cost later".
//
// One unmet need per adult at a time: a need for another provision arising meanwhile is
// not recorded (documented limitation).
#include <array>
#include <cstdint>

#include "models/categories.hpp"
#include "models/model_params.hpp"

namespace zorgsim::models {

/// Bespoke Wmo provisions (1..6) are the ones with needs; index k-1 in per-need arrays.
inline constexpr int bespoke_wmo_count = wmo_provision_count - 1;

struct AdultNeedTables {
  std::array<double, 2> escalation{};   // moderate -> severe, severe -> crisis (per month)
  std::array<double, 2> recovery{};     // moderate, severe (per month, medium network)
  std::array<double, network_count> network_recovery_rr{};
  double waiting_escalation = 0;        // relative rise of escalation per 6 months unmet
  double general_support_escalation_rr = 1;  // escalation while holding general support
  double severe_onset_share = 0;
  std::array<double, 2> help_seeking{};  // moderate, severe, before stigma
  double stigma = 0, low_literacy_seeking_rr = 1;
  std::array<double, 2> refusal{};       // moderate, severe
  bool stepped = false;                  // access.care_model == "stepped"
  std::array<double, bespoke_wmo_count> general_first{};  // stepped care: share first given general support
  double stepped_review = 0, stepped_resolution = 0;       // per month
  std::array<int, wmo_provision_count> crisis_provision{};  // by the need's provision (1..6)
  bool bridging_general = false;         // general support while waiting for a place
};

AdultNeedTables prepare_adult_need(const WmoParams& w, const AccessParams& a);

/// One adult's unmet need this month.
struct AdultNeedCase {
  int severity = 0;          // 0 moderate, 1 severe
  int months_unmet = 0;
  int network = 1;
  bool low_literate = false;
  bool asked_or_waiting = false;  // asked the team already, or indicated and waiting for a place
  bool stepped = false;           // in stepped care (general support first)
  bool general_support = false;   // holds general support (stepped care or bridging)
};

enum class AdultNeedStep : std::uint8_t {
  Stay, ToSevere, Crisis, Resolved, AskForHelp, SteppedReview, SteppedResolved
};

/// Escalation hazard of an unmet need (to severe, or to crisis when severe).
double adult_escalation_hazard(const AdultNeedTables& t, const AdultNeedCase& c);
/// Probability per month that the adult asks the local team (not yet asked or waiting).
double adult_help_seeking(const AdultNeedTables& t, const AdultNeedCase& c);

/// The month's transition of an unmet need for a uniform u in [0,1). The competing
/// transitions partition [0, total) in a fixed order: escalation, recovery, then either
/// stepped care's resolution and review, or help-seeking.
AdultNeedStep next_adult_need_step(const AdultNeedTables& t, const AdultNeedCase& c, double u);

/// The local team's decision on an assessed adult request, for uniforms u (gatekeeping) and
/// v (stepped care's general-support share).
enum class AdultTriage : std::uint8_t { Refused = 0, Indicated = 1, GeneralFirst = 2 };
AdultTriage adult_triage_outcome(const AdultNeedTables& t, int provision, int severity, double u, double v);

/// Stationary shares of an adult without other needs for one bespoke provision: the
/// need is unmet, and the provision is held, given its start hazard s and exit hazard e
/// (matched care, no escalation, unlimited triage and places): none -> unmet at s, unmet ->
/// held at a = help-seeking x (1 - refusal), unmet -> none at recovery r, held -> none at e.
/// `death`: the monthly mortality, a further exit from an unmet need (include it in e too).
struct AdultNeedShares {
  double unmet = 0, held = 0;
};
AdultNeedShares adult_need_stationary(const AdultNeedTables& t, double s, double e, int network, bool low_literate,
                                      double death = 0);

}  // namespace zorgsim::models
