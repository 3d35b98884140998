#include "models/adult_need.hpp"

#include <algorithm>

namespace zorgsim::models {

namespace {
int wmo_provision_index(const std::string& name) {
  for (int k = 1; k < wmo_provision_count; ++k)
    if (wmo_provision_names[k] == name) return k;
  return -1;  // rejected by validation before tables are prepared
}
}  // namespace

AdultNeedTables prepare_adult_need(const WmoParams& w, const AccessParams& a) {
  AdultNeedTables t;
  for (int s = 0; s < 2; ++s) {
    t.escalation[s] = w.need_escalation[s];
    t.recovery[s] = w.need_recovery[s];
    t.help_seeking[s] = a.wmo_help_seeking[s];
    t.refusal[s] = a.wmo_refusal[s];
  }
  for (int n = 0; n < network_count; ++n) t.network_recovery_rr[n] = w.network_recovery_rr[n];
  t.waiting_escalation = w.waiting_escalation;
  t.general_support_escalation_rr = w.general_support_escalation_rr;
  t.severe_onset_share = w.severe_onset_share;
  t.stigma = a.stigma;
  t.low_literacy_seeking_rr = a.low_literacy_seeking_rr;
  t.stepped = a.care_model == "stepped";
  for (int k = 0; k < bespoke_wmo_count; ++k) t.general_first[k] = w.general_first[k];
  t.stepped_review = 1.0 / a.stepped_review_months;
  t.stepped_resolution = a.stepped_resolution;
  t.crisis_provision[0] = 0;
  for (int k = 1; k < wmo_provision_count; ++k)
    t.crisis_provision[k] = std::max(1, wmo_provision_index(w.crisis_provision[k - 1]));
  t.bridging_general = w.bridging_general;
  return t;
}

double adult_escalation_hazard(const AdultNeedTables& t, const AdultNeedCase& c) {
  return t.escalation[c.severity] * (1.0 + t.waiting_escalation * c.months_unmet / 6.0) *
         (c.general_support ? t.general_support_escalation_rr : 1.0);
}

double adult_help_seeking(const AdultNeedTables& t, const AdultNeedCase& c) {
  return t.help_seeking[c.severity] * (1.0 - t.stigma) * (c.low_literate ? t.low_literacy_seeking_rr : 1.0);
}

AdultNeedStep next_adult_need_step(const AdultNeedTables& t, const AdultNeedCase& c, double u) {
  double edge = 0;
  const auto hit = [&](double h) { return u < (edge += h); };
  if (hit(adult_escalation_hazard(t, c))) return c.severity == 0 ? AdultNeedStep::ToSevere : AdultNeedStep::Crisis;
  if (hit(t.recovery[c.severity] * t.network_recovery_rr[c.network])) return AdultNeedStep::Resolved;
  if (c.stepped) {
    if (hit(t.stepped_resolution)) return AdultNeedStep::SteppedResolved;
    if (hit(t.stepped_review)) return AdultNeedStep::SteppedReview;
    return AdultNeedStep::Stay;
  }
  if (!c.asked_or_waiting && hit(adult_help_seeking(t, c))) return AdultNeedStep::AskForHelp;
  return AdultNeedStep::Stay;
}

AdultTriage adult_triage_outcome(const AdultNeedTables& t, int provision, int severity, double u, double v) {
  if (u < t.refusal[severity]) return AdultTriage::Refused;
  if (t.stepped && v < t.general_first[provision - 1]) return AdultTriage::GeneralFirst;
  return AdultTriage::Indicated;
}

AdultNeedShares adult_need_stationary(const AdultNeedTables& t, double s, double e, int network, bool low_literate,
                                      double death) {
  AdultNeedCase c;
  c.network = network;
  c.low_literate = low_literate;
  const double a = adult_help_seeking(t, c) * (1.0 - t.refusal[0]);
  const double r = t.recovery[0] * t.network_recovery_rr[network] + death;
  if (a + r <= 0) return {s > 0 ? 1.0 : 0.0, 0.0};  // a need that never ends: everyone ends up with it
  const double unmet = s / (a + r), held = unmet * a / e;
  const double none = 1.0 / (1.0 + unmet + held);
  return {unmet * none, held * none};
}

}  // namespace zorgsim::models
