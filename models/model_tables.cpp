#include "models/model_tables.hpp"

#include <cmath>

#include "sim/month.hpp"

namespace zorgsim::models {

ModelTables prepare_tables(const ModelParams& p, const ModelTables* calibrated) {
  ModelTables t;
  t.params = p;
  std::vector<std::string> provision_ids;
  for (const ProvisionParams& q : p.provisions) provision_ids.push_back(q.id);
  t.layout = IndicatorLayout(p.population.district_names, provision_ids);
  t.provisions = prepare_provisions(p.provisions, p.money.price_base_year, p.money.indexation_per_year, 1.0);
  t.wlz = prepare_wlz(p.wmo, p.demography);  // first: mortality outside the Wlz depends on it
  t.demography = prepare_demography(p.demography, t.wlz.outside);
  t.frailty = prepare_frailty(p.population.physical_limitation_by_adult_band);
  t.youth = prepare_youth(p.youth, p.access, calibrated == nullptr);  // a measure's tables never synthesise
  t.wmo = prepare_wmo(p.wmo);
  t.welfare = prepare_welfare(p.welfare);
  t.employment = prepare_employment(p.employment, p.population, t.welfare.pension_age_months,
                                    calibrated ? &calibrated->employment : nullptr);
  t.debts = prepare_debts(p.debts, p.population, job_loss_arrears_per_household(t.employment, p.population),
                          calibrated ? &calibrated->debts : nullptr);
  double mean = 0;
  for (std::size_t d = 0; d < p.population.district_low_income_rr.size(); ++d)
    mean += p.population.district_household_share[d] * p.population.district_low_income_rr[d];
  for (double rr : p.population.district_low_income_rr) t.district_rr.push_back(mean > 0 ? rr / mean : 1.0);
  for (int i = 0; i < 2; ++i) t.leave_home[i] = monthly_from_annual_probability(p.demography.leave_home[i]);
  t.separation = monthly_from_annual_probability(p.demography.separation);
  for (int i = 0; i < 3; ++i) t.partnering[i] = monthly_from_annual_probability(p.demography.partnering[i]);
  for (int i = 0; i < 4; ++i) t.departure[i] = monthly_from_annual_probability(p.migration.departure[i]);
  t.arrivals_per_month = p.migration.arrivals / 12.0;
  t.adult_need = prepare_adult_need(p.wmo, p.access);
  if (p.access.triage_limited) {
    t.triage_capacity = std::llround(p.access.wijkteam_fte * p.access.assessments_per_fte_month);
    t.wmo_triage_capacity = std::llround(p.access.wmo_fte * p.access.assessments_per_fte_month);
  }
  t.wijkteam_cost_per_month = p.access.wijkteam_fte * p.access.salary_per_fte_year / 12.0;
  t.wmo_team_cost_per_month = p.access.wmo_fte * p.access.salary_per_fte_year / 12.0;
  t.indexation_per_year = p.money.indexation_per_year;
  const auto from = sim::parse_month(p.wmo.income_dependent_copayment_from);
  t.income_copayment_from = from ? from->index() : 0;
  t.price_base_year = static_cast<int>(p.money.price_base_year);
  t.admission_stop = p.budget_ceiling.admission_stop;
  for (int l = 0; l < law_count; ++l) {
    const double c = static_cast<std::size_t>(l) < p.budget_ceiling.per_year.size() ? p.budget_ceiling.per_year[l] : -1;
    t.budget_ceiling_per_month[l] = c < 0 ? -1.0 : c / 12.0;
  }
  return t;
}

double ModelTables::price_index(int month_index) const {
  const int year = month_index / 12;
  return std::pow(1.0 + indexation_per_year, year - price_base_year);
}

}  // namespace zorgsim::models
