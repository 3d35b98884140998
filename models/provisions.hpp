#pragma once
// The provision catalogue (voorzieningenkaart) as data: every provision the municipality
// finances, with its law, tier, tariff P, intensity Q, indication, eligibility, co-payment and
// capacity, declared in configs/ (a new provision is a YAML entry). A provision serves one
// *slot*: a care state or holding of the model (youth ambulant care, Wmo household help,
// welfare benefit, ...). How people move between slots is the model's mechanism; which of a
// slot's provisions a person gets, at what intensity and cost, is the catalogue's.
//
// Slot kinds:
//  - holdings: each person (household) in the slot holds exactly one of its provisions, chosen
//    at entry among the eligible ones in proportion to `share`, with Q drawn from the
//    provision's distribution (capped at max_units: the intensity norm);
//  - events: a one-off (a home adaptation) chooses its provision the same way, cost P x Q once;
//  - reach: each household in the slot's population takes part with probability `share`
//    (a propensity drawn once per household and provision).
// Cost per month = P x Q per client (indexed yearly) + budget_per_year / 12.
// Places: with youth.capacity_limited (wmo.capacity_limited) a provision with `places` takes
// new clients only while it has free places (waiting_lists.hpp).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/categories.hpp"

namespace zorgsim::models {

/// What a provision serves in the model. Never reorder (the order of cost.by_care_type).
enum class Slot : std::uint8_t {
  YouthGeneral, YouthAmbulant, Foster, FamilyHome, Residential, Closed, ChildProtection,
  WmoGeneral, HouseholdHelp, Begeleiding, DayActivities, Aids, HomeAdaptation, ProtectedLiving, Shelter,
  WelfareBenefit, Reintegration, SpecialAssistance, CollectiveInsurance, EarlySignalling, DebtCoaching, DebtHelp
};
inline constexpr int slot_count = 22;
inline constexpr std::array<std::string_view, slot_count> slot_names = {
    "youth_general_provision", "youth_ambulant", "foster_care", "family_home", "residential", "closed_youth_care",
    "child_protection", "wmo_general_support", "household_help", "begeleiding", "day_activities", "aids",
    "home_adaptation", "protected_living", "shelter", "welfare_benefit", "reintegration", "special_assistance",
    "collective_health_insurance", "early_signalling", "debt_coaching", "debt_help"};
enum class SlotKind : std::uint8_t { PersonHolding, HouseholdHolding, Event, Reach };
inline constexpr std::array<SlotKind, slot_count> slot_kind = {
    SlotKind::PersonHolding, SlotKind::PersonHolding, SlotKind::PersonHolding, SlotKind::PersonHolding,
    SlotKind::PersonHolding, SlotKind::PersonHolding, SlotKind::PersonHolding, SlotKind::PersonHolding,
    SlotKind::PersonHolding, SlotKind::PersonHolding, SlotKind::PersonHolding, SlotKind::PersonHolding,
    SlotKind::Event,         SlotKind::PersonHolding, SlotKind::PersonHolding, SlotKind::HouseholdHolding,
    SlotKind::Reach,         SlotKind::Reach,         SlotKind::Reach,         SlotKind::Reach,
    SlotKind::Reach,         SlotKind::HouseholdHolding};
inline constexpr std::array<Law, slot_count> slot_law = {
    Law::Jeugdwet, Law::Jeugdwet, Law::Jeugdwet, Law::Jeugdwet, Law::Jeugdwet, Law::Jeugdwet, Law::Jeugdwet,
    Law::Wmo, Law::Wmo, Law::Wmo, Law::Wmo, Law::Wmo, Law::Wmo, Law::Wmo, Law::Wmo,
    Law::Participatiewet, Law::Participatiewet, Law::Participatiewet, Law::Participatiewet,
    Law::Schuldhulpverlening, Law::Schuldhulpverlening, Law::Schuldhulpverlening};
/// The tier a slot's provisions have (1 general, 2 bespoke, 3 heavy/residential).
inline constexpr std::array<int, slot_count> slot_tier = {1, 2, 3, 3, 3, 3, 2, 1, 2, 2, 2, 2, 2, 3, 3,
                                                          2, 1, 2, 1, 1, 1, 2};
inline constexpr int slot_of_youth_state(int state) { return state - 1; }  // states 1..6
/// Slots whose provisions can have limited places (bespoke youth care and placements; Wmo
/// bespoke provisions, protected living and shelter): entry goes through a waiting list.
inline constexpr bool slot_has_places(int slot) {
  return (slot >= 1 && slot <= 5) || (slot >= 8 && slot <= 11) || slot == 13 || slot == 14;
}
inline constexpr int slot_of_wmo(int provision) { return provision < 5 ? 7 + provision : 8 + provision; }
/// cost.by_care_type: the slots, then the local team's youth intake (FTE x salary).
inline constexpr int care_type_wijkteam = slot_count;
/// The local team's Wmo intake (Wmo consultants), the care type after it.
inline constexpr int care_type_wijkteam_wmo = slot_count + 1;
/// ... then the policy measures' own cost, one care type per law (Law order).
inline constexpr int care_type_measures = slot_count + 2;
inline constexpr int care_type_count = slot_count + 2 + law_count;
/// The law a care type's cost is booked under.
inline constexpr Law care_type_law(int k) {
  return k < slot_count                ? slot_law[k]
         : k == care_type_wijkteam      ? Law::Jeugdwet
         : k == care_type_wijkteam_wmo  ? Law::Wmo
                                        : static_cast<Law>(k - care_type_measures);
}

/// One catalogue entry as configured (see model_params.cpp for the fields' documentation).
struct ProvisionParams {
  std::string id;
  std::string name_nl;
  std::string law;
  std::string slot;
  long long tier = 0;
  double share = 0;
  double tariff = 0;
  std::string unit;
  std::vector<double> units;
  std::vector<double> units_probability;
  double max_units = 0;
  double budget_per_year = 0;
  double indexation = -1;
  double indication_months = 0;
  double reevaluation_months = 0;
  double stop_at_renewal = 0;
  long long min_age = 0;
  long long max_age = 120;
  long long max_income_class = 3;
  std::vector<std::string> household_types;
  std::string co_payment;
  bool per_member = false;
  double places = -1;
};

/// A person's (household's) provision in one slot: bits 0-3 its index among the slot's
/// provisions, bits 4-7 the level of its Q distribution; no_care when none is chosen yet.
inline constexpr std::uint8_t no_care = 0xFF;
inline constexpr int max_provisions_per_slot = 15;
inline constexpr int max_units_levels = 16;
inline int care_variant(std::uint8_t c) { return c & 15; }
inline int care_level(std::uint8_t c) { return c >> 4; }
inline std::uint8_t make_care(int variant, int level) { return static_cast<std::uint8_t>(variant | (level << 4)); }

/// Who asks: what eligibility looks at.
struct Eligibility {
  int age = 0;             // years
  int income = 0;          // household income class
  int household_type = 0;  // HouseholdType
  int district = 0;        // the household's district (for measures' targets)
};

struct Provision {
  int slot = 0;
  int law = 0;
  int levels = 1;
  std::array<double, max_units_levels> units{};       // capped at max_units
  std::array<bool, max_units_levels> capped{};        // the drawn Q exceeded max_units
  std::array<double, max_units_levels> cumulative{};  // of the level probabilities
  double tariff = 0;           // EUR per unit, price base year
  double budget_per_month = 0; // EUR, price base year (scaled by run.scale)
  double indexation = 0;       // per year
  double reevaluation = 0;     // per month
  double renewal = 0;          // per month: the indication ends (renewed, or stopped)
  double stop_at_renewal = 0;
  double share = 0;
  int min_age = 0, max_age = 120, max_income = 3;
  std::uint8_t type_mask = 0xFF;  // bit per HouseholdType
  bool copayment = false;
  bool per_member = false;
  std::int64_t places = -1;    // clients at a time (scaled by run.scale); -1 unlimited
  bool eligible(const Eligibility& e) const {
    return e.age >= min_age && e.age <= max_age && e.income <= max_income && ((type_mask >> e.household_type) & 1);
  }
  /// Units delivered per month at a level.
  double units_at(int level) const { return units[level]; }
};

struct ProvisionTables {
  std::vector<Provision> provisions;                      // catalogue order
  std::array<std::vector<int>, slot_count> by_slot{};     // catalogue indices per slot, in catalogue order
  int price_base_year = 2024;
  /// Tariff of provision p in a month (nominal, indexed from the price base year).
  double price(int p, int month_index) const;
  /// The catalogue index of a person's care byte in a slot.
  int index(int slot, std::uint8_t care) const { return by_slot[slot][care_variant(care)]; }
};

ProvisionTables prepare_provisions(const std::vector<ProvisionParams>& ps, long long price_base_year,
                                   double default_indexation, double scale);

/// Level of a Q distribution for a uniform u.
int draw_level(const Provision& p, double u);

/// Chooses a provision of `slot` for `who` (u_variant: which provision, u_level: its Q) among
/// the eligible ones in proportion to their shares; returns the care byte. Every holding and
/// event slot has a provision open to all (validated), so the choice always succeeds.
std::uint8_t choose_provision(const ProvisionTables& t, int slot, const Eligibility& who, double u_variant,
                              double u_level);

}  // namespace zorgsim::models
