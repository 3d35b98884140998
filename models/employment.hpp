#pragma once
// Employment of adults 18-66 in households not on welfare: job loss and job finding each
// month. Job finding is lower with problematic debts and for vulnerable adults (LVB or
// psychiatric); the base rate is derived so that the configured employment rate is the
// stationary share, and the synthesised population starts in that stationary state by group.
// Job loss is a life event: a debt-free household may fall into payment arrears (work lowers
// debt risk: the debt onset rate is derived net of these arrears), and a child may get a need.
// Households on welfare have no employment transitions: leaving welfare (not for the state
// pension) gives the head a job with the configured share.
#include <array>

#include "models/model_params.hpp"

namespace zorgsim::models {

struct EmploymentTables {
  double job_loss = 0;             // per month, employed adult
  double finding = 0;              // per month, not employed, no vulnerability, no problematic debts
  double job_loss_arrears = 0;     // probability a debt-free household falls into arrears at a job loss
  double exit_to_work = 0;         // share of welfare exits (not to the pension) where the head starts work
  std::array<double, 4> finding_by_group{};  // per month: finding x the group's relative risks
  std::array<double, 4> stationary{};  // P(employed) by employment_group
  int max_age_months = 67 * 12;    // from this age nobody is employed (the state pension age)
};

/// `pension_age_months`: work ends at the state pension age (welfare.pension_age).
/// `calibrated`: take the base finding rate from these tables instead of deriving it.
EmploymentTables prepare_employment(const EmploymentParams& e, const PopulationParams& p, int pension_age_months,
                                    const EmploymentTables* calibrated = nullptr);

/// Group of an adult for job finding: bit 0 vulnerable (LVB or psychiatric), bit 1 problematic debts.
inline int employment_group(bool vulnerable, bool problematic_debts) { return (vulnerable ? 1 : 0) | (problematic_debts ? 2 : 0); }

/// The monthly hazard of leaving the current status.
double employment_hazard(const EmploymentTables& t, bool employed, int group);

/// Expected employed adults per debt-free household not on welfare in the stationary state
/// (adults of working age per household x the employment probability of debt-free adults):
/// the debt derivation uses it to net out arrears caused by job loss.
double employed_adults_per_debt_free_household(const EmploymentTables& t, const PopulationParams& p);

/// Arrears per month caused by job loss per debt-free household not on welfare (stationary).
double job_loss_arrears_per_household(const EmploymentTables& t, const PopulationParams& p);

}  // namespace zorgsim::models
