#pragma once
// Derived quantities computed once from the parameters before any simulation: monthly
// thresholds, exit probabilities, relative-risk tables, stationary initial distributions.
// Never written in YAML (they would drift from the parameters they derive from).
#include <array>
#include <vector>

#include "models/adult_need.hpp"
#include "models/debts.hpp"
#include "models/demography.hpp"
#include "models/employment.hpp"
#include "models/frailty.hpp"
#include "models/indicators.hpp"
#include "models/model_params.hpp"
#include "models/provisions.hpp"
#include "models/social_support.hpp"
#include "models/welfare.hpp"
#include "models/wlz.hpp"
#include "models/youth_care.hpp"

namespace zorgsim::models {

struct ModelTables {
  ModelParams params;
  IndicatorLayout layout;  // the indicators with this municipality's districts
  DemographyTables demography;
  YouthTables youth;
  WmoTables wmo;
  AdultNeedTables adult_need;
  WlzTables wlz;
  FrailtyTables frailty;
  WelfareTables welfare;
  EmploymentTables employment;
  DebtTables debts;
  ProvisionTables provisions;
  std::vector<double> district_rr;  // normalised so the share-weighted mean is 1
  // Household events, monthly probabilities.
  std::array<double, 2> leave_home{};   // 18-22, 23-29
  double separation = 0;
  std::array<double, 3> partnering{};   // 18-29, 30-44, 45-59
  std::array<double, 4> departure{};    // head 18-29, 30-44, 45-64, 65+
  double arrivals_per_month = 0;        // fraction of the base-year households
  std::int64_t triage_capacity = -1;     // youth assessments per month (scaled); -1 = unlimited
  std::int64_t wmo_triage_capacity = -1; // adult (Wmo) assessments per month (scaled); -1 = unlimited
  double wijkteam_cost_per_month = 0;   // youth intake, base-year prices
  double wmo_team_cost_per_month = 0;   // Wmo intake, base-year prices
  double indexation_per_year = 0;
  std::array<double, law_count> budget_ceiling_per_month{};  // EUR, base-year prices (scaled); < 0: none
  bool admission_stop = false;           // budget_ceiling.admission_stop
  int income_copayment_from = 0;         // month index of the income-dependent Wmo co-payment
  int price_base_year = 2024;
  /// Price index of a month relative to the base year: (1 + i)^(year - base year).
  double price_index(int month_index) const;
};

/// `calibrated`: the tables of the configuration without measures. Rates that are derived so
/// that base-year stocks stay stationary (the debt onset, job finding) are taken from it
/// rather than derived again, so a measure changes the hazards it names and the calibration
/// does not undo it.
ModelTables prepare_tables(const ModelParams& p, const ModelTables* calibrated = nullptr);

}  // namespace zorgsim::models
