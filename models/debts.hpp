#pragma once
// Debts per household: none -> payment arrears -> problematic debts -> debt help or
// guardianship (schuldhulpverlening, beschermingsbewind) -> settled, with recovery from
// arrears and from problematic debts. Arrears start more often at low incomes, with a
// vulnerable adult, and for eligible households outside the municipality's collective health
// insurance (health-insurance premiums are a main source of arrears). The onset rate per
// income class is derived so that the base-year shares are the chain's stationary state.
#include <array>
#include <cstdint>

#include "models/categories.hpp"
#include "models/model_params.hpp"
#include "models/streams.hpp"
#include "sim/rng.hpp"

namespace zorgsim::models {

struct DebtTables {
  std::array<double, income_class_count> onset{};  // per month, insured or ineligible, no vulnerable adult (may be < 0: invalid)
  double vulnerable_adult_rr = 1, uninsured_rr = 1;
  double arrears_recovery = 0, to_problematic = 0, problematic_recovery = 0, to_help = 0, help_exit = 0;
  int insurance_limit = 1;
  double insurance_offered = 1;         // share of would-be members the municipality still insures
  double eviction = 0;                  // per month, problematic debts without help
};

/// `job_loss_arrears`: arrears per month caused by job loss per debt-free household not on
/// welfare (employment.hpp); the general onset is derived net of them, so the base-year shares
/// stay stationary. A negative derived onset means the job-loss arrears alone exceed the
/// base year's arrears inflow (reported by validation).
/// `calibrated`: take the onset from these tables instead of deriving it (a measure's tables).
DebtTables prepare_debts(const DebtParams& d, const PopulationParams& p, double job_loss_arrears = 0,
                         const DebtTables* calibrated = nullptr);

/// Share of a class's households not on welfare (class 0 holds every welfare household).
double non_welfare_share_of_income_class(const PopulationParams& p, int income_class);

/// Whether a household is in the collective health insurance: eligible by income and willing.
/// `offer_u`: the household's own uniform for the offer (offer_uniform), so a trimmed policy
/// leaves the same households out every month.
inline bool insured(const DebtTables& t, int income, bool takes_up, double offer_u) {
  return takes_up && income <= t.insurance_limit && offer_u < t.insurance_offered;
}

/// The household's uniform for the insurance offer: drawn once per household (reach_month),
/// and only when the policy is trimmed (0 otherwise).
inline double insurance_offer_uniform(const DebtTables& t, const sim::RandomKey& key, std::uint64_t household) {
  if (t.insurance_offered >= 1) return 0.0;
  return sim::to_unit(sim::draw_words(key, household, reach_month, id(Stream::InsuranceOffer))[0]);
}

/// Next debt state for a uniform u (competing transitions partition u in a fixed order).
int next_debt_state(const DebtTables& t, int state, int income, bool vulnerable_adult, bool uninsured_eligible,
                    double u);

/// Problematic debts, with or without debt help (the covariate other mechanisms use).
inline bool has_problematic_debts(std::uint8_t debt) {
  return debt >= static_cast<std::uint8_t>(DebtState::Problematic);
}

}  // namespace zorgsim::models
