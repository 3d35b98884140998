#include "models/welfare.hpp"

#include <algorithm>

#include "models/demography.hpp"

namespace zorgsim::models {

WelfareTables prepare_welfare(const WelfareParams& p) {
  WelfareTables t;
  for (int i = 0; i < household_type_count; ++i) t.inflow[i] = p.inflow_by_type[i];
  for (int i = 0; i < income_class_count; ++i) t.income_rr[i] = p.income_rr[i];
  t.vulnerable_adult_rr = p.vulnerable_adult_rr;
  t.problematic_debt_rr = p.problematic_debt_rr;
  for (int b = 0; b < welfare_band_count; ++b)
    t.outflow[b] = monthly_from_annual_probability(p.outflow_per_year[b]);
  t.outflow_debt_rr = p.outflow_problematic_debt_rr;
  t.outflow_vulnerable_rr = p.outflow_vulnerable_adult_rr;
  double c = 0;
  for (int i = 0; i < 3; ++i) t.exit_income_cumulative[i] = c += p.exit_income_share[i];
  t.exit_income_cumulative.back() = 1.0;
  t.pension_age_months = static_cast<int>(p.pension_age * 12);
  // Stationary spell durations up to 40 years: P(d) ~ S(d) = prod_{k<d} (1 - out(k)), with the
  // base outflow (the covariates' effect on the synthesised durations is ignored).
  double survival = 1, total = 0;
  std::vector<double> s;
  for (int d = 0; d < 480; ++d) {
    s.push_back(survival);
    total += survival;
    survival *= 1.0 - welfare_outflow_hazard(t, d);
  }
  double cum = 0;
  for (double x : s) t.spell_duration_cumulative.push_back(cum += x / total);
  t.spell_duration_cumulative.back() = 1.0;
  return t;
}

double welfare_inflow_hazard(const WelfareTables& t, int type, int income, bool vulnerable_adult,
                             bool problematic_debt) {
  double h = t.inflow[type] * t.income_rr[income];
  if (vulnerable_adult) h *= t.vulnerable_adult_rr;
  if (problematic_debt) h *= t.problematic_debt_rr;
  return h;
}

int income_after_welfare(const WelfareTables& t, double u) {
  for (int i = 0; i < 3; ++i)
    if (u < t.exit_income_cumulative[i]) return 1 + i;
  return 3;
}

int initial_spell_months(const WelfareTables& t, double u) {
  const auto& c = t.spell_duration_cumulative;
  return static_cast<int>(std::upper_bound(c.begin(), c.end(), u) - c.begin());
}

}  // namespace zorgsim::models
