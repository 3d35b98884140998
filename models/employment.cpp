#include "models/employment.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace zorgsim::models {

namespace {
// Share of adults with LVB or a psychiatric vulnerability (drawn independently).
double vulnerable_share(const PopulationParams& p) {
  return p.lvb_prevalence + p.psychiatric_prevalence - p.lvb_prevalence * p.psychiatric_prevalence;
}
// Stationary P(employed) of a two-state chain: finding f, loss l.
double stationary(double f, double l) { return f / (f + l); }
// Shares of the four job-finding groups among adults not on welfare: vulnerability x
// problematic debts (household shares by income class).
std::array<double, 4> group_shares(const PopulationParams& p) {
  const double v = vulnerable_share(p);
  double d = 0;
  for (int c = 0; c < income_class_count; ++c) d += p.income_share_non_welfare[c] * p.problematic_debt_share_by_income[c];
  return {(1 - v) * (1 - d), v * (1 - d), (1 - v) * d, v * d};
}
double rr_of(const EmploymentParams& e, int g) {
  return ((g & 1) ? e.finding_vulnerable_rr : 1.0) * ((g & 2) ? e.finding_problematic_debt_rr : 1.0);
}
}  // namespace

EmploymentTables prepare_employment(const EmploymentParams& e, const PopulationParams& p, int pension_age_months,
                                    const EmploymentTables* calibrated) {
  EmploymentTables t;
  t.max_age_months = pension_age_months;
  t.job_loss = e.job_loss;
  t.job_loss_arrears = e.job_loss_arrears;
  t.exit_to_work = e.welfare_exit_to_work;
  const double rate = p.employment_rate;
  if (t.job_loss <= 0 || rate <= 0 || rate >= 1) {  // frozen status: the rate as drawn
    t.stationary.fill(rate);
    return t;
  }
  // The base finding rate f solves sum_g share_g x f rr_g / (f rr_g + loss) = rate (increasing
  // in f: bisection on a log scale).
  const std::array<double, 4> share = group_shares(p);
  const auto employed = [&](double f) {
    double s = 0;
    for (int g = 0; g < 4; ++g) s += share[g] * stationary(f * rr_of(e, g), t.job_loss);
    return s;
  };
  double lo = 1e-12, hi = 1.0;
  if (employed(hi) < rate) hi = 1e6;  // very low relative risks: allow rates above 1 (validated later)
  for (int k = 0; k < 200; ++k) {
    const double mid = std::sqrt(lo * hi);
    (employed(mid) < rate ? lo : hi) = mid;
  }
  t.finding = calibrated ? calibrated->finding : std::sqrt(lo * hi);
  for (int g = 0; g < 4; ++g) {
    t.finding_by_group[g] = t.finding * rr_of(e, g);
    t.stationary[g] = stationary(t.finding_by_group[g], t.job_loss);
  }
  return t;
}

double employment_hazard(const EmploymentTables& t, bool employed, int group) {
  return employed ? t.job_loss : t.finding_by_group[group];
}

double employed_adults_per_debt_free_household(const EmploymentTables& t, const PopulationParams& p) {
  // Adults per household type (other: two); families' adults are of working age; heads of the
  // other households by the age-group weights, uniform within a group (the share of a
  // group's years below the pension age counts).
  constexpr std::array<double, household_type_count> adults = {1, 2, 2, 1, 2};
  const auto& w = p.adult_age_group_weight;
  const double all = std::accumulate(w.begin(), w.end(), 0.0);
  const double pension_years = t.max_age_months / 12.0;
  double below = 0;
  for (std::size_t g = 0; g < w.size() && g < adult_age_group_lo.size(); ++g) {
    const double lo = adult_age_group_lo[g], hi = adult_age_group_hi[g] + 1.0;
    below += w[g] * std::clamp((pension_years - lo) / (hi - lo), 0.0, 1.0);
  }
  const double working = all > 0 ? below / all : 0.0;
  // Children 18-29 living at home work too: family households' mean children x the share of
  // them aged 18+ (population.child_age_weight over ages 0-29).
  double children = 0, adult_share = 0;
  for (std::size_t k = 0; k < p.children_count_share.size(); ++k) children += (k + 1.0) * p.children_count_share[k];
  const double child_weights = std::accumulate(p.child_age_weight.begin(), p.child_age_weight.end(), 0.0);
  for (std::size_t a = 18; a < p.child_age_weight.size(); ++a) adult_share += p.child_age_weight[a];
  const double adult_children = child_weights > 0 ? children * adult_share / child_weights : 0.0;
  double per_household = 0;
  for (int k = 0; k < household_type_count; ++k) {
    const bool family = k == static_cast<int>(HouseholdType::CoupleWithChildren) ||
                        k == static_cast<int>(HouseholdType::SingleParent);
    per_household += p.household_type_share[k] * (family ? adults[k] + adult_children : adults[k] * working);
  }
  const double v = vulnerable_share(p);
  return per_household * ((1 - v) * t.stationary[0] + v * t.stationary[1]);
}

double job_loss_arrears_per_household(const EmploymentTables& t, const PopulationParams& p) {
  return employed_adults_per_debt_free_household(t, p) * t.job_loss * t.job_loss_arrears;
}

}  // namespace zorgsim::models
