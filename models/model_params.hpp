#pragma once
// The model's parameters as plain structs, declared (path, unit, range, description,
// Dutch term) in model_params.cpp. Values and sources live in configs/almelo.yaml.
// Hazards are probabilities per month unless the name says otherwise.
#include <string>
#include <vector>

#include "models/provisions.hpp"
#include "sim/diagnostics.hpp"
#include "sim/parameters.hpp"

namespace zorgsim::models {

struct PopulationParams {
  std::string municipality;
  std::string cbs_code;
  double households = 0;                        // at scale 1
  std::vector<double> household_type_share;     // by HouseholdType
  std::vector<double> children_count_share;     // family households with 1, 2, 3, 4 children
  std::vector<double> child_age_weight;         // children living at home, ages 0..29
  double parent_age_at_oldest_child_min = 0;    // years
  double parent_age_at_oldest_child_max = 0;
  std::vector<double> adult_age_group_weight;   // heads of non-family households, 16 age groups
  double partner_age_gap_max = 0;               // years, partner = head +- uniform gap
  std::vector<std::string> district_names;
  std::vector<double> district_household_share;
  std::vector<double> district_low_income_rr;   // relative odds of welfare / low income
  std::vector<double> welfare_share_by_type;    // share of households on bijstand, by type
  std::vector<double> income_share_non_welfare; // income classes of households not on welfare
  std::vector<double> network_share;            // weak, medium, strong
  std::vector<double> problematic_debt_share_by_income;
  std::vector<double> arrears_share_by_income;
  double lvb_prevalence = 0;
  double psychiatric_prevalence = 0;
  double low_literacy_prevalence = 0;
  std::vector<double> physical_limitation_by_adult_band;
  double employment_rate = 0;                   // adults 18-66 not on welfare
};

struct DemographyParams {
  std::vector<double> mortality_male;    // annual probability by mortality band
  std::vector<double> mortality_female;
  std::vector<double> fertility;         // annual births per woman by 5-year band 15-49
  double male_share_at_birth = 0.5;
  std::vector<double> leave_home;        // annual probability, children at home aged 18-22, 23-29
  double separation = 0;                 // annual probability that a couple separates
  std::vector<double> partnering;        // annual probability a single head (18-29, 30-44, 45-59) gains a partner
  double separation_income_drop = 0;     // probability the household keeping the children drops an income class
  double bereavement_network_loss = 0;   // probability the household's network weakens one class when a parent dies
};

struct MigrationParams {
  double arrivals = 0;                   // households arriving per year, as a fraction of the base-year households
  std::vector<double> departure;         // annual probability a household leaves, by head age 18-29, 30-44, 45-64, 65+
  std::vector<double> arrival_adult_age_group_weight;  // head ages of arriving non-family households
};

struct YouthParams {
  std::vector<double> to_general;        // per month from self-reliant, by youth band
  std::vector<double> to_ambulant;       // per month from self-reliant, by youth band
  std::vector<double> to_placement;      // per month from self-reliant/general (crisis)
  double general_to_ambulant = 0;        // per month
  double ambulant_to_placement = 0;      // per month
  double general_duration = 0;           // months
  double ambulant_duration = 0;          // months
  std::vector<double> placement_duration;   // months, by form
  std::vector<double> placement_form_share; // at entry, by form
  double aftercare_share = 0;            // placement exits that continue as ambulant care
  double foster_breakdown = 0;           // per month, foster care -> residential
  double residential_to_family_home = 0; // per month, residential -> family home (step-down)
  std::vector<double> income_rr;
  std::vector<double> network_rr;
  double single_parent_rr = 1;
  double vulnerable_parent_rr = 1;
  double problematic_debt_rr = 1;
  double own_lvb_rr = 1;
  double extension_after_18 = 0;         // share of youth in care at 18 whose care continues
  double placement_to_protected_living = 0;  // share of placed youth moving to Wmo at 18/23
  double ambulant_to_zvw = 0;                // share of ambulant youth care continuing under the Zvw at 18/23
  bool capacity_limited = false;         // the catalogue's places apply; requests beyond them wait
  bool bridging_general = false;         // a child waiting for bespoke care gets a general provision meanwhile
  double waiting_escalation = 0;         // crisis-placement hazard +x per 6 months of waiting
  std::vector<double> protection_onset;  // per month, supervision order starts, by tier (0-1, ambulant, placed)
  double protection_to_guardianship = 0; // per month, supervision order -> guardianship
  double supervision_duration = 0;       // months
  double guardianship_duration = 0;      // months
  double under_intensity_escalation = 0;  // per month, a child in care whose Q is capped by max_units: crisis placement
  // Need dynamics while a need is unmet (not yet asked for, in the triage queue, waiting for
  // a place, or under-served by stepped care).
  std::vector<double> unmet_escalation;  // per month: light -> moderate, moderate -> crisis placement, placement need -> crisis placement
  std::vector<double> unmet_recovery;    // per month, the need resolves without care: light, moderate
  std::vector<double> network_recovery_rr;  // relative rate of that recovery, by network strength
  // Life events that give a child without a need a (light) need at once.
  double separation_need = 0;       // probability, a child 0-17 whose parents separate
  double bereavement_need = 0;      // probability, a child 0-17 whose parent dies
  double job_loss_need = 0;         // probability, a child 0-17 whose parent loses their job
  double vulnerable_birth_need = 0; // probability, a child born to a mother with LVB or a psychiatric vulnerability
};

/// The access ladder (toegang): help-seeking, the local team's triage, matched or stepped care.
struct AccessParams {
  std::string care_model;                // "matched" or "stepped"
  std::vector<double> help_seeking;      // per month, a household with an unmet need asks for help: light, moderate
  double stigma = 0;                     // help-seeking is multiplied by (1 - stigma)
  double low_literacy_seeking_rr = 1;    // relative help-seeking when a parent has low literacy (awareness)
  std::vector<double> refusal;           // gatekeeping: share of assessed requests refused, light, moderate
  double stepped_review_months = 1;      // stepped care: mean months in a general provision before review
  double stepped_resolution = 0;         // stepped care: per month, the general provision meets the need after all
  bool triage_limited = false;           // assessments per month are limited by the team's FTE
  double wijkteam_fte = 0;               // FTE (at run.scale 1) doing youth intake and triage
  double assessments_per_fte_month = 0;  // new assessments one FTE completes per month
  double salary_per_fte_year = 0;        // EUR, employer cost
  std::vector<double> wmo_help_seeking;  // per month, an adult with an unmet Wmo need asks: moderate, severe
  std::vector<double> wmo_refusal;       // gatekeeping of adult requests: moderate, severe
  double wmo_fte = 0;                    // FTE (at run.scale 1) doing Wmo intake (keukentafelgesprekken)
};

struct WmoProvisionParams {
  std::vector<double> start;             // per month, by adult band (18-22, 23-64, 65-74, 75+)
  double duration = 0;                   // months
  std::vector<double> vulnerability_rr;  // lvb, psychiatric, physical, low literacy
};

struct WmoParams {
  WmoProvisionParams general, household_help, begeleiding, day_activities, aids,
      protected_living, shelter;
  std::vector<double> income_rr;
  std::vector<double> network_rr;
  std::vector<double> home_adaptation;   // per month, by adult band
  double copayment_per_month = 0;        // EUR per household-month, flat (abonnementstarief)
  bool income_dependent_copayment = false;  // from income_dependent_copayment_from
  std::string income_dependent_copayment_from;  // YYYY-MM
  std::vector<double> copayment_by_income_class;  // EUR per household-month
  bool capacity_limited = false;         // the catalogue's places apply; requests beyond them wait
  // Adult needs (adult_need.hpp).
  std::vector<double> need_escalation;   // per month: moderate -> severe, severe -> crisis
  std::vector<double> need_recovery;     // per month: moderate, severe (medium network)
  std::vector<double> network_recovery_rr;  // weak, medium, strong
  double waiting_escalation = 0;         // relative rise of escalation per 6 months unmet
  double general_support_escalation_rr = 1;  // escalation while holding general support
  double severe_onset_share = 0;         // share of new needs that are severe at once
  std::vector<std::string> crisis_provision;  // per bespoke provision: what a crisis starts
  std::vector<double> general_first;     // stepped care: share first given general support, per bespoke provision
  bool bridging_general = false;         // general support while waiting for a place
  // The Wlz takeover (wlz.hpp).
  std::vector<double> wlz_takeover;      // per month, holders of Wmo home care, by adult band
  double wlz_mortality_rr = 1;           // mortality in the Wlz relative to others of the same age and sex
  std::vector<double> wlz_population_share;  // share of the population in the Wlz that mortality tables average over
  const WmoProvisionParams& provision(int p) const;
};

struct WelfareParams {
  std::vector<double> inflow_by_type;    // per month, households not on welfare
  std::vector<double> income_rr;
  double vulnerable_adult_rr = 1;
  double problematic_debt_rr = 1;
  std::vector<double> outflow_per_year;  // by spell duration band
  double outflow_problematic_debt_rr = 1; // job finding with problematic debts
  double outflow_vulnerable_adult_rr = 1; // job finding with an LVB or psychiatrically vulnerable adult
  std::vector<double> exit_income_share; // income class after leaving (100-115, 115-130, >130)
  double pension_age = 67;               // years; welfare ends (AOW)
};

struct EmploymentParams {
  double job_loss = 0;                     // per month, employed adult 18-66 not on welfare
  double finding_vulnerable_rr = 1;        // job finding, LVB or psychiatric vulnerability
  double finding_problematic_debt_rr = 1;  // job finding, household with problematic debts
  double job_loss_arrears = 0;             // probability a debt-free household falls into arrears at a job loss
  double welfare_exit_to_work = 0;         // share of welfare exits (not to the pension) where the head starts work
};

struct DebtParams {
  double in_help_share = 0;          // of households with problematic debts in the base year: share in debt help
  double arrears_recovery = 0;       // per month, arrears -> none
  double arrears_to_problematic = 0; // per month
  double problematic_recovery = 0;   // per month, problematic -> none (without help)
  double problematic_to_help = 0;    // per month, start of debt help or guardianship (schuldhulp, bewind)
  double help_duration = 0;          // months in debt help / guardianship before the debts are settled
  double vulnerable_adult_rr = 1;    // arrears onset, a household with an LVB or psychiatrically vulnerable adult
  double insurance_take_up = 0;      // share of eligible households in the collective health insurance
  double insurance_offered = 1;      // share of would-be members the municipal policy still insures (a policy lever)
  double insurance_income_limit = 1; // highest eligible income class (1 = up to 115% of the social minimum)
  double uninsured_rr = 1;           // arrears onset of eligible households outside the collective insurance
  double eviction = 0;               // per month, a household with problematic debts and no debt help is evicted
};

struct MoneyParams {
  double indexation_per_year = 0;        // yearly price/wage indexation of all tariffs
  long long price_base_year = 2024;      // the year the tariffs are expressed in
};

/// A budget ceiling per law with an admission stop (cliëntenstop): the advisory council's
/// warning, testable. Off in the default.
struct BudgetCeilingParams {
  bool admission_stop = false;           // stop new bespoke admissions of a law over its ceiling
  std::vector<double> per_year;          // EUR per year, base-year prices, per law; -1 = none
};

struct ModelParams {
  PopulationParams population;
  DemographyParams demography;
  YouthParams youth;
  AccessParams access;
  WmoParams wmo;
  WelfareParams welfare;
  MigrationParams migration;
  EmploymentParams employment;
  DebtParams debts;
  MoneyParams money;
  BudgetCeilingParams budget_ceiling;
  std::vector<ProvisionParams> provisions;  // the provision catalogue
};

/// Declarations of every model parameter.
std::vector<sim::ParamSpec> declare_model_parameters();

/// Cross-parameter checks (shares sum to one, list lengths that must agree, ...).
void validate(const ModelParams& p, const sim::ResolvedParams& where, sim::Diagnostics& diags);

/// Mortality bands (years): 0, 1-14, 15-29, 30-44, 45-54, 55-64, 65-74, 75-84, 85+.
inline constexpr int mortality_band_count = 9;
inline int mortality_band(int years) {
  if (years < 1) return 0;
  if (years <= 14) return 1;
  if (years <= 29) return 2;
  if (years <= 44) return 3;
  if (years <= 54) return 4;
  if (years <= 64) return 5;
  if (years <= 74) return 6;
  if (years <= 84) return 7;
  return 8;
}

}  // namespace zorgsim::models
