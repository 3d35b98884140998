#pragma once
// Welfare (Participatiewet, bijstand) per household: inflow for households not on
// welfare whose head is below pension age (household type x income x vulnerabilities x
// debts); outflow that falls with spell duration (long spells become sticky); the spell
// ends at the head's pension age. Leaving welfare moves the household to a higher income class.
#include <array>
#include <cstdint>
#include <vector>

#include "models/categories.hpp"
#include "models/model_params.hpp"

namespace zorgsim::models {

struct WelfareTables {
  std::array<double, household_type_count> inflow{};
  std::array<double, income_class_count> income_rr{};
  double vulnerable_adult_rr = 1, problematic_debt_rr = 1;
  std::array<double, welfare_band_count> outflow{};  // per month
  double outflow_debt_rr = 1, outflow_vulnerable_rr = 1;
  std::array<double, 3> exit_income_cumulative{};
  int pension_age_months = 67 * 12;
  /// Cumulative distribution of the months already on welfare of a household on welfare
  /// in a stationary population (P(d) proportional to the survival S(d)); for synthesis.
  std::vector<double> spell_duration_cumulative;
};

WelfareTables prepare_welfare(const WelfareParams& p);

/// Inflow hazard per month of a household not on welfare.
double welfare_inflow_hazard(const WelfareTables& t, int type, int income, bool vulnerable_adult,
                             bool problematic_debt);
/// Outflow hazard per month after `months_on` months on welfare (debts and vulnerable adults
/// make work harder to find).
inline double welfare_outflow_hazard(const WelfareTables& t, int months_on, bool problematic_debt = false,
                                     bool vulnerable_adult = false) {
  double h = t.outflow[welfare_band(months_on)];
  if (problematic_debt) h *= t.outflow_debt_rr;
  if (vulnerable_adult) h *= t.outflow_vulnerable_rr;
  return h;
}
/// Income class (1..3) after leaving welfare, for a uniform u.
int income_after_welfare(const WelfareTables& t, double u);
/// Months already on welfare for a synthesised household, for a uniform u.
int initial_spell_months(const WelfareTables& t, double u);

}  // namespace zorgsim::models
