#pragma once
// The model's indicators (what is recorded each month) and the tally that collects
// them: a flat array laid out indicator by indicator, category by category.
#include <array>
#include <vector>

#include "sim/model.hpp"

namespace zorgsim::models {

enum class Ind : int {
  Persons, Households, Births, Deaths, Immigrants, Emigrants, HouseholdEvents, PersonsByAge, PersonsBySexAge, PhysicalLimitation, PhysicalLimitationOnsets,
  YouthStock, YouthInflow, YouthOutflow, YouthTier, YouthCareDuringYear, YouthCareDuringYear18to22, YouthPlacedDuringYear, YouthPlacementStarts,
  YouthPlacementMoves, Protection, ProtectionStarts, ProtectionEnds, YouthCliff,
  YouthWaiting, YouthWaitingByDuration, YouthWaitingByIncome, YouthReferrals, YouthAdmissions, YouthWaitingExits,
  YouthNeed, YouthUnmet, YouthUnmetByIncome, YouthUnmetByDistrict, YouthNeedOnsets, YouthEscalations, YouthEscalationsByIncome,
  YouthUnmetResolved, YouthSteppedOutcomes, YouthLifeEventNeeds, Evictions,
  TriageRequests, TriageAssessments, TriageRefusals, TriageQueue, TriageQueueExits, TriageIndications, TriageCapacity,
  WmoClients, WmoStarts, WmoEnds, WmoTier, WmoAnyBespoke, HomeAdaptations,
  WmoWaiting, WmoReferrals, WmoAdmissions, WmoWaitingExits,
  WmoNeedOnsets, WmoUnmet, WmoUnmetByProvision, WmoUnmetByIncome, WmoUnmetByDistrict, WmoEscalations, WmoEscalationsByIncome, WmoNeedEnds,
  WmoTriageRequests, WmoTriageAssessments, WmoTriageRefusals, WmoTriageQueue, WmoTriageIndications, WmoTriageCapacity,
  WlzPersons, WlzTakeovers, WlzExits,
  WelfareHouseholds, WelfareInflow, WelfareOutflow, WelfareSpells, WelfarePersons, HouseholdsByType,
  HouseholdsByIncome, HouseholdsByDebt, DebtTransitions, InsuranceMembers,
  EmploymentStatus, JobLosses, JobsFound, ArrearsAfterJobLoss,
  ProvisionClients, ProvisionStarts, ProvisionUnits, ProvisionCapped, ProvisionReevaluations, ProvisionRenewals,
  ProvisionStops, ProvisionWaiting, ProvisionAdmissions,
  CostByItem, CostByCareType, CostByLaw, CopaymentRevenue, CostNet,
  MeasureIntensity, MeasureOwnCost, MeasureBudgetLine, BudgetLinesByLaw, AdmissionStop, AdmissionStopRefusals,
  Count
};
inline constexpr int indicator_count = static_cast<int>(Ind::Count);

/// Categories of the HouseholdEvents flow.
enum class HouseholdEvent : int { LeftHome, Separated, PartnerMovedIn, Arrived, Departed, Dissolved };

/// Categories of the YouthWaitingExits flow.
enum class WaitingExit : int { DiedOrMoved, AgedOut, CrisisPlacement };

/// Categories of the DebtTransitions flow.
enum class DebtEvent : int { ArrearsOnset, BecameProblematic, HelpStarted, SettledAfterHelp, Recovered };

/// Categories of the YouthCliff flow.
enum class Cliff : int { CareEndedAt18, ExtendedAt18, ToProtectedLiving, AgedOutAt23, UnmetNeedAt18, ToZvw };

/// Categories of the YouthLifeEventNeeds flow.
enum class LifeEvent : int { Separation, DeathOfParent, BirthToVulnerableParent, JobLossOfParent };

/// Categories of the TriageQueueExits flow.
enum class QueueExit : int { NeedResolved, CrisisPlacement, DiedOrMoved, AgedOut };

/// Categories of the YouthEscalations flow.
enum class Escalation : int { LightToModerate, ModerateToCrisis, WaitingForPlacementToCrisis, UnderIntensityToCrisis };

/// Categories of the WmoNeedEnds flow.
enum class AdultNeedEnd : int { Met, Resolved, SteppedResolved, Crisis, DiedOrMoved, ToWlz };

/// Categories of the WmoUnmet stock.
enum class AdultUnmet : int { NotAsked, InQueue, WaitingForPlace, SteppedCare };

/// The declarations, in Ind order, for a municipality's districts and provision catalogue
/// (the categories of the by-district and by-provision indicators), and each indicator's
/// offset in the tally.
struct IndicatorLayout {
  std::vector<sim::IndicatorSpec> specs;
  std::array<int, indicator_count + 1> offsets{};  // the last entry is the tally's length
  IndicatorLayout() = default;
  /// `measures`: the ids of the measures.* indicators' categories (none: one column "none").
  IndicatorLayout(const std::vector<std::string>& districts, const std::vector<std::string>& provisions,
                  const std::vector<std::string>& measures = {});
};

/// The declarations for documentation and for reading targets: by-district indicators have
/// the single category "population.district_names" standing for the configured districts,
/// by-provision ones "provisions" for the catalogue's ids.
const std::vector<sim::IndicatorSpec>& indicator_specs();
/// The per-year summary table's columns.
const std::vector<sim::SummaryColumn>& summary_columns();

/// Adds to a block's tally (a view on the engine's array for that block).
class Tally {
 public:
  Tally(double* values, const IndicatorLayout& layout) : m_values(values), m_offsets(layout.offsets.data()) {}
  void add(Ind ind, double x = 1.0) { m_values[m_offsets[static_cast<int>(ind)]] += x; }
  void add(Ind ind, int category, double x) { m_values[m_offsets[static_cast<int>(ind)] + category] += x; }
  double get(Ind ind, int category = 0) const { return m_values[m_offsets[static_cast<int>(ind)] + category]; }

 private:
  double* m_values;
  const int* m_offsets;
};

/// An escalation of a child's unmet need: its kind, and the household's income class.
inline void count_youth_escalation(Tally& tally, Escalation kind, int income) {
  tally.add(Ind::YouthEscalations, static_cast<int>(kind), 1);
  tally.add(Ind::YouthEscalationsByIncome, income, 1);
}

/// An escalation of an adult's unmet need (0: to severe, 1: to a crisis), with the income class.
inline void count_adult_escalation(Tally& tally, int kind, int income) {
  tally.add(Ind::WmoEscalations, kind, 1);
  tally.add(Ind::WmoEscalationsByIncome, income, 1);
}

}  // namespace zorgsim::models
