#include "models/youth_care.hpp"

#include <cmath>

namespace zorgsim::models {

namespace {
// One month of the chain: pi P.
std::array<double, youth_position_count> step(const std::array<double, youth_position_count>& pi,
                                              const YouthMatrix& P) {
  std::array<double, youth_position_count> next{};
  for (int i = 0; i < youth_position_count; ++i)
    for (int j = 0; j < youth_position_count; ++j) next[j] += pi[i] * P[i][j];
  return next;
}
}  // namespace

double youth_relative_risk(const YouthParams& p, const YouthCovariates& c) {
  double rr = p.income_rr[c.income] * p.network_rr[c.network];
  if (c.single_parent) rr *= p.single_parent_rr;
  if (c.vulnerable_parent) rr *= p.vulnerable_parent_rr;
  if (c.problematic_debt) rr *= p.problematic_debt_rr;
  if (c.own_lvb) rr *= p.own_lvb_rr;
  return rr;
}

YouthTables prepare_youth(const YouthParams& p, const AccessParams& a, bool with_initial) {
  YouthTables t;
  for (int b = 0; b < youth_band_count; ++b) {
    t.entry[0][b] = p.to_general[b];
    t.entry[1][b] = p.to_ambulant[b];
    t.entry[2][b] = p.to_placement[b];
  }
  t.general_to_ambulant = p.general_to_ambulant;
  t.ambulant_to_placement = p.ambulant_to_placement;
  t.general_exit = 1.0 / p.general_duration;
  t.ambulant_exit = 1.0 / p.ambulant_duration;
  for (int f = 0; f < placement_form_count; ++f) t.placement_exit[f] = 1.0 / p.placement_duration[f];
  t.aftercare_share = p.aftercare_share;
  t.foster_breakdown = p.foster_breakdown;
  t.residential_to_family_home = p.residential_to_family_home;
  double cum = 0;
  for (int f = 0; f < placement_form_count; ++f) t.form_cumulative[f] = cum += p.placement_form_share[f];
  t.form_cumulative.back() = 1.0;
  for (int i = 0; i < youth_covariate_combinations; ++i) {
    YouthCovariates c;
    c.own_lvb = i & 1;
    c.problematic_debt = (i >> 1) & 1;
    c.vulnerable_parent = (i >> 2) & 1;
    c.single_parent = (i >> 3) & 1;
    c.network = (i >> 4) % network_count;
    c.income = ((i >> 4) / network_count) % income_class_count;
    c.low_literate_parent = (i >> 4) / network_count / income_class_count;
    t.rr[i] = youth_relative_risk(p, c);
    t.seeking[i] = (1.0 - a.stigma) * (c.low_literate_parent ? a.low_literacy_seeking_rr : 1.0);
    t.recovery[i] = p.network_recovery_rr[c.network];
  }
  for (int k = 0; k < 3; ++k) t.unmet_escalation[k] = p.unmet_escalation[k];
  for (int k = 0; k < 2; ++k) {
    t.unmet_recovery[k] = p.unmet_recovery[k];
    t.help_seeking[k] = a.help_seeking[k];
    t.refusal[k] = a.refusal[k];
  }
  t.stepped = a.care_model == "stepped";
  t.stepped_review = 1.0 / a.stepped_review_months;
  t.stepped_resolution = a.stepped_resolution;
  t.extension_after_18 = p.extension_after_18;
  t.placement_to_protected_living = p.placement_to_protected_living;
  t.capacity_limited = p.capacity_limited;
  t.bridging_general = p.bridging_general;
  t.waiting_escalation = p.waiting_escalation;
  for (int g = 0; g < 3; ++g) t.protection_onset[g] = p.protection_onset[g];
  t.protection_to_guardianship = p.protection_to_guardianship;
  t.supervision_exit = 1.0 / p.supervision_duration;
  t.guardianship_exit = 1.0 / p.guardianship_duration;
  if (!with_initial) return t;
  t.initial.resize(18);
  for (int i = 0; i < youth_covariate_combinations; ++i) {
    const std::array<YouthMatrix, 3> P = {youth_transition_matrix(t, t.case_of(0, i, 0)),
                                          youth_transition_matrix(t, t.case_of(1, i, 0)),
                                          youth_transition_matrix(t, t.case_of(2, i, 0))};
    std::array<double, youth_position_count> pi{};
    pi[0] = 1;  // born self-reliant
    for (int y = 0; y < 18; ++y) {
      const YouthMatrix& m = P[static_cast<std::size_t>(youth_band(y))];
      for (int month = 0; month < 12; ++month) {
        pi = step(pi, m);
        if (month != 5) continue;  // record at y + 6 months
        double c = 0;
        for (int s = 0; s < youth_position_count; ++s) t.initial[y][i][s] = c += pi[s];
        t.initial[y][i].back() = 1.0;
      }
    }
  }
  return t;
}

std::array<double, youth_position_count> youth_cohort_distribution(const YouthTables& t, int covariates, int months) {
  std::array<YouthMatrix, 3> P;
  for (int b = 0; b < 3; ++b) P[b] = youth_transition_matrix(t, t.case_of(b, covariates, 0));
  std::array<double, youth_position_count> pi{};
  pi[0] = 1;
  for (int m = 0; m < months; ++m) pi = step(pi, P[static_cast<std::size_t>(std::min(youth_band(m / 12), 2))]);
  return pi;
}

double escalation_hazard(const YouthTables& t, int level, const YouthCase& c) {
  return t.unmet_escalation[level] * c.rr * (1.0 + t.waiting_escalation * c.months_unmet / 6.0);
}

int triage_outcome(const YouthTables& t, int pos, double u) {
  const int level = pos == pos_unmet_light ? 0 : 1;
  if (u < t.refusal[level]) return pos;  // refused: the need stays unmet
  if (pos == pos_unmet_light) return 1;
  return t.stepped ? pos_stepped : 2;
}

int next_youth_position(const YouthTables& t, int pos, bool asked, const YouthCase& c, double u) {
  double edge = 0;
  const auto hit = [&](double h) { return u < (edge += h); };
  const int band = c.band;
  const double rr = c.rr;
  switch (pos) {
    case 0:  // a need arises; a severe one is a crisis placement at once
      if (hit(t.entry[0][band] * rr)) return pos_unmet_light;
      if (hit(t.entry[1][band] * rr)) return pos_unmet_moderate;
      if (hit(t.entry[2][band] * rr)) return new_placement;
      return 0;
    case pos_unmet_light:
      if (hit(escalation_hazard(t, 0, c))) return pos_unmet_moderate;
      if (hit(t.unmet_recovery[0] * c.recovery)) return 0;
      if (!asked && hit(t.help_seeking[0] * c.seeking)) return ask_for_help;
      return pos;
    case pos_unmet_moderate:
      if (hit(escalation_hazard(t, 1, c))) return new_placement;
      if (hit(t.unmet_recovery[1] * c.recovery)) return 0;
      if (!asked && hit(t.help_seeking[1] * c.seeking)) return ask_for_help;
      return pos;
    case pos_stepped:  // a moderate need in a general provision
      if (hit(escalation_hazard(t, 1, c))) return new_placement;
      if (hit(t.stepped_resolution)) return 1;
      if (hit(t.stepped_review)) return stepped_review;
      return pos;
    case 1:
      if (hit(t.general_exit)) return 0;
      if (hit(t.general_to_ambulant * rr)) return 2;
      if (hit(t.entry[2][band] * rr)) return new_placement;
      return 1;
    case 2:
      if (hit(t.ambulant_exit)) return 0;
      if (hit(t.ambulant_to_placement * rr)) return new_placement;
      return 2;
    default: {  // a placement: it ends (aftercare or not), or moves to another form
      const double exit = t.placement_exit[pos - 3];
      if (hit(exit * t.aftercare_share)) return 2;
      if (hit(exit * (1.0 - t.aftercare_share))) return 0;
      if (pos == 3 && hit(t.foster_breakdown)) return 5;
      if (pos == 5 && hit(t.residential_to_family_home)) return 4;
      return pos;
    }
  }
}

int next_protection(const YouthTables& t, int protection, int youth_state, double rr, double u) {
  double edge = 0;
  const auto hit = [&](double h) { return u < (edge += h); };
  switch (protection) {
    case 0: return hit(t.protection_onset[protection_group(youth_state)] * rr) ? 1 : 0;
    case 1:
      if (hit(t.supervision_exit)) return 0;
      if (hit(t.protection_to_guardianship)) return 2;
      return 1;
    default: return hit(t.guardianship_exit) ? 0 : 2;
  }
}

std::array<double, 3> protection_stationary(const YouthTables& t, int youth_state, double rr) {
  // pi0 a = pi1 e1 + pi2 e2;  pi1 (e1 + g) = pi0 a;  pi2 e2 = pi1 g
  const double a = t.protection_onset[protection_group(youth_state)] * rr;
  const double p1 = a / (t.supervision_exit + t.protection_to_guardianship);
  const double p2 = p1 * t.protection_to_guardianship / t.guardianship_exit;
  const double total = 1 + p1 + p2;
  return {1 / total, p1 / total, p2 / total};
}

int choose_placement_form(const YouthTables& t, double u) {
  for (int f = 0; f < placement_form_count; ++f)
    if (u < t.form_cumulative[f]) return 3 + f;
  return 3 + placement_form_count - 1;
}

YouthMatrix youth_transition_matrix(const YouthTables& t, const YouthCase& c) {
  constexpr int n = youth_position_count;
  const int band = c.band;
  const double rr = c.rr;
  // Built from the same hazards as next_youth_position.
  YouthMatrix P{};
  const auto place = [&](int from, double h) {
    double prev = 0;
    for (int f = 0; f < placement_form_count; ++f) {
      P[from][3 + f] += h * (t.form_cumulative[f] - prev);
      prev = t.form_cumulative[f];
    }
  };
  P[0][pos_unmet_light] = t.entry[0][band] * rr;
  P[0][pos_unmet_moderate] = t.entry[1][band] * rr;
  place(0, t.entry[2][band] * rr);
  const int moderate_indication = t.stepped ? pos_stepped : 2;
  for (int level = 0; level < 2; ++level) {
    const int pos = level == 0 ? pos_unmet_light : pos_unmet_moderate;
    if (level == 0) P[pos][pos_unmet_moderate] += escalation_hazard(t, 0, c);
    else place(pos, escalation_hazard(t, 1, c));
    P[pos][0] += t.unmet_recovery[level] * c.recovery;
    P[pos][level == 0 ? 1 : moderate_indication] += t.help_seeking[level] * c.seeking * (1.0 - t.refusal[level]);
  }
  place(pos_stepped, escalation_hazard(t, 1, c));
  P[pos_stepped][1] += t.stepped_resolution;
  P[pos_stepped][2] += t.stepped_review;
  P[1][0] = t.general_exit;
  P[1][2] = t.general_to_ambulant * rr;
  place(1, t.entry[2][band] * rr);
  P[2][0] = t.ambulant_exit;
  place(2, t.ambulant_to_placement * rr);
  for (int s = 3; s < youth_state_count; ++s) {
    P[s][2] += t.placement_exit[s - 3] * t.aftercare_share;
    P[s][0] += t.placement_exit[s - 3] * (1.0 - t.aftercare_share);
  }
  P[3][5] += t.foster_breakdown;
  P[5][4] += t.residential_to_family_home;
  for (int s = 0; s < n; ++s) {
    double out = 0;
    for (int j = 0; j < n; ++j)
      if (j != s) out += P[s][j];
    P[s][s] = 1.0 - out;
  }
  return P;
}

std::array<double, youth_position_count> youth_stationary(const YouthTables& t, const YouthCase& c) {
  constexpr int n = youth_position_count;
  const YouthMatrix P = youth_transition_matrix(t, c);
  // Solve pi (P - I) = 0 with sum(pi) = 1: rows of A = (P - I)^T, last row replaced by ones.
  double A[n][n + 1] = {};
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) A[i][j] = P[j][i] - (i == j ? 1.0 : 0.0);
  for (int j = 0; j < n; ++j) A[n - 1][j] = 1.0;
  A[n - 1][n] = 1.0;
  for (int c = 0; c < n; ++c) {
    int piv = c;
    for (int r = c + 1; r < n; ++r)
      if (std::fabs(A[r][c]) > std::fabs(A[piv][c])) piv = r;
    for (int k = 0; k <= n; ++k) std::swap(A[c][k], A[piv][k]);
    for (int r = 0; r < n; ++r) {
      if (r == c || A[c][c] == 0) continue;
      const double f = A[r][c] / A[c][c];
      for (int k = c; k <= n; ++k) A[r][k] -= f * A[c][k];
    }
  }
  std::array<double, n> pi{};
  for (int i = 0; i < n; ++i) pi[i] = A[i][i] != 0 ? std::max(0.0, A[i][n] / A[i][i]) : 0.0;
  return pi;
}

}  // namespace zorgsim::models
