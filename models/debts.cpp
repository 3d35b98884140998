#include "models/debts.hpp"

#include <cmath>

namespace zorgsim::models {

double non_welfare_share_of_income_class(const PopulationParams& p, int income_class) {
  if (income_class > 0) return 1.0;
  double welfare = 0;
  for (int k = 0; k < household_type_count; ++k) welfare += p.household_type_share[k] * p.welfare_share_by_type[k];
  const double low = (1.0 - welfare) * p.income_share_non_welfare[0];
  return low + welfare > 0 ? low / (low + welfare) : 1.0;
}

DebtTables prepare_debts(const DebtParams& d, const PopulationParams& p, double job_loss_arrears,
                         const DebtTables* calibrated) {
  DebtTables t;
  t.vulnerable_adult_rr = d.vulnerable_adult_rr;
  t.uninsured_rr = d.uninsured_rr;
  t.arrears_recovery = d.arrears_recovery;
  t.to_problematic = d.arrears_to_problematic;
  t.problematic_recovery = d.problematic_recovery;
  t.to_help = d.problematic_to_help;
  t.help_exit = 1.0 / d.help_duration;
  t.insurance_limit = static_cast<int>(d.insurance_income_limit);
  t.eviction = d.eviction;
  t.insurance_offered = d.insurance_offered;
  if (calibrated) {
    t.onset = calibrated->onset;
    return t;
  }
  // Stationary arrears: households without debts x onset = households in arrears x exits.
  // The onset of a class is scaled by the class's mean relative risk (vulnerable adults:
  // roughly 1 - (1 - lvb - psychiatric)^1.8 for ~1.8 adults per household; uninsured share
  // among the eligible).
  const double vulnerable = 1.0 - std::pow(1.0 - p.lvb_prevalence - p.psychiatric_prevalence, 1.8);
  const double mean_vulnerable_rr = 1.0 - vulnerable + vulnerable * d.vulnerable_adult_rr;
  for (int c = 0; c < income_class_count; ++c) {
    const double arrears = p.arrears_share_by_income[c], problematic = p.problematic_debt_share_by_income[c];
    const double none = 1.0 - arrears - problematic;
    double rr = mean_vulnerable_rr;
    if (c <= t.insurance_limit) rr *= d.insurance_take_up + (1.0 - d.insurance_take_up) * d.uninsured_rr;
    // Arrears through job loss come on top of the onset (only households not on welfare work).
    const double inflow = none > 0 ? arrears * (d.arrears_recovery + d.arrears_to_problematic) / none : 0.0;
    const double job_loss = job_loss_arrears > 0 ? job_loss_arrears * non_welfare_share_of_income_class(p, c) : 0.0;
    t.onset[c] = (inflow - job_loss) / rr;
  }
  return t;
}

int next_debt_state(const DebtTables& t, int state, int income, bool vulnerable_adult, bool uninsured_eligible,
                    double u) {
  double edge = 0;
  const auto hit = [&](double h) { return u < (edge += h); };
  switch (static_cast<DebtState>(state)) {
    case DebtState::None: {
      double h = t.onset[income];
      if (vulnerable_adult) h *= t.vulnerable_adult_rr;
      if (uninsured_eligible) h *= t.uninsured_rr;
      return hit(h) ? 1 : 0;
    }
    case DebtState::Arrears:
      if (hit(t.arrears_recovery)) return 0;
      if (hit(t.to_problematic)) return 2;
      return 1;
    case DebtState::Problematic:
      if (hit(t.problematic_recovery)) return 0;
      if (hit(t.to_help)) return 3;
      return 2;
    case DebtState::ReliefOrGuardianship:
      return hit(t.help_exit) ? 0 : 3;
  }
  return state;
}

}  // namespace zorgsim::models
