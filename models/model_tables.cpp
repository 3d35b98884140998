#include "models/model_tables.hpp"

#include <cmath>

namespace zorgsim::models {

ModelTables prepare_tables(const ModelParams& p) {
  ModelTables t;
  t.params = p;
  t.demography = prepare_demography(p.demography);
  t.youth = prepare_youth(p.youth);
  t.wmo = prepare_wmo(p.wmo);
  t.welfare = prepare_welfare(p.welfare);
  double mean = 0;
  for (std::size_t d = 0; d < p.population.district_low_income_rr.size(); ++d)
    mean += p.population.district_household_share[d] * p.population.district_low_income_rr[d];
  for (double rr : p.population.district_low_income_rr) t.district_rr.push_back(mean > 0 ? rr / mean : 1.0);
  t.indexation_per_year = p.money.indexation_per_year;
  t.price_base_year = static_cast<int>(p.money.price_base_year);
  return t;
}

double ModelTables::price_index(int month_index) const {
  const int year = month_index / 12;
  return std::pow(1.0 + indexation_per_year, year - price_base_year);
}

}  // namespace zorgsim::models
