#pragma once
// The fixed category sets of the model (the order is the order in parameters and output).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::models {

/// A category name table as strings (for parameter labels and output categories).
template <std::size_t N>
std::vector<std::string> names(const std::array<std::string_view, N>& a) {
  return {a.begin(), a.end()};
}

enum class HouseholdType : std::uint8_t { Single, Couple, CoupleWithChildren, SingleParent, Other };
inline constexpr int household_type_count = 5;
inline constexpr std::array<std::string_view, 5> household_type_names = {
    "single", "couple_no_children", "couple_with_children", "single_parent", "other"};

/// Income relative to the social minimum (sociaal minimum).
inline constexpr int income_class_count = 4;
inline constexpr std::array<std::string_view, 4> income_class_names = {
    "le_100pct", "100_115pct", "115_130pct", "gt_130pct"};

/// Strength of the household's social network (own network / mantelzorg).
inline constexpr int network_count = 3;
inline constexpr std::array<std::string_view, 3> network_names = {"weak", "medium", "strong"};

/// Debt situation of the household.
enum class DebtState : std::uint8_t { None, Arrears, Problematic, ReliefOrGuardianship };
inline constexpr int debt_state_count = 4;
inline constexpr std::array<std::string_view, 4> debt_state_names = {
    "none", "payment_arrears", "problematic", "relief_or_guardianship"};

enum class Role : std::uint8_t { Head, Partner, Child, Other };

/// Person vulnerabilities (bit flags in Person traits).
inline constexpr int vulnerability_count = 4;
inline constexpr std::array<std::string_view, 4> vulnerability_names = {
    "lvb", "psychiatric", "physical", "low_literacy"};

/// Age bands used for calibration output (years, inclusive).
inline constexpr int age_band_count = 7;
inline constexpr std::array<std::string_view, 7> age_band_names = {
    "0-3", "4-11", "12-17", "18-22", "23-64", "65-74", "75+"};
inline constexpr int age_band_slow(int years) {
  if (years <= 3) return 0;
  if (years <= 11) return 1;
  if (years <= 17) return 2;
  if (years <= 22) return 3;
  if (years <= 64) return 4;
  if (years <= 74) return 5;
  return 6;
}
inline constexpr auto age_band_table = [] {
  std::array<std::uint8_t, 128> t{};
  for (int y = 0; y < 128; ++y) t[y] = static_cast<std::uint8_t>(age_band_slow(y));
  return t;
}();
inline int age_band(int years) { return age_band_table[years < 127 ? years : 127]; }

/// Adult age groups of the synthesis (years, inclusive): the CBS five-year groups from 18,
/// so that the age pyramid within the calibration bands (and its ageing) can be configured.
inline constexpr int adult_age_group_count = 16;
inline constexpr std::array<int, 16> adult_age_group_lo = {18, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90};
inline constexpr std::array<int, 16> adult_age_group_hi = {19, 24, 29, 34, 39, 44, 49, 54, 59, 64, 69, 74, 79, 84, 89, 99};
inline constexpr std::array<std::string_view, 16> adult_age_group_names = {
    "18-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
    "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90-99"};

/// CBS five-year age groups (0-4, 5-9, ..., 85-89, 90+), by sex: for comparing the
/// simulated population with CBS figures and forecasts (StatLine 03759ned, Primos).
inline constexpr int age_group_count = 19;
inline int age_group(int years) { return years >= 90 ? 18 : years / 5; }

/// Youth-care states (Jeugdwet). Tier: 0 self-reliant, 1 general provision,
/// 2 bespoke ambulant care, 3 out-of-home placement (forms 3..6).
enum class YouthState : std::uint8_t {
  SelfReliant, General, Ambulant, Foster, FamilyHome, Residential, Closed
};
inline constexpr int youth_state_count = 7;
inline constexpr std::array<std::string_view, 7> youth_state_names = {
    "self_reliant", "general_provision", "ambulant", "foster_care", "family_home",
    "residential", "closed_youth_care"};
inline constexpr int youth_tier(int state) { return state >= 3 ? 3 : state; }
inline constexpr int placement_form_count = 4;  // states 3..6

/// Youth age bands for youth-care hazards (years): 0-3, 4-11, 12-17, 18-22.
inline constexpr int youth_band_count = 4;
inline int youth_band(int years) { return years <= 3 ? 0 : years <= 11 ? 1 : years <= 17 ? 2 : 3; }

/// Wmo provisions a person can hold (several at once): tier 1 general support,
/// tier 2 bespoke care at home, tier 3 protected living and shelter.
enum class WmoProvision : std::uint8_t {
  General, HouseholdHelp, Begeleiding, DayActivities, Aids, ProtectedLiving, Shelter
};
inline constexpr int wmo_provision_count = 7;
inline constexpr std::array<std::string_view, 7> wmo_provision_names = {
    "general_support", "household_help", "begeleiding", "day_activities", "aids",
    "protected_living", "shelter"};
inline constexpr std::array<int, 7> wmo_provision_tier = {1, 2, 2, 2, 2, 3, 3};

/// Adult age bands for Wmo hazards (years): 18-22, 23-64, 65-74, 75+.
inline constexpr int adult_band_count = 4;
inline constexpr std::array<std::string_view, 4> adult_band_names = {"18_22", "23_64", "65_74", "75_plus"};
inline int adult_band(int years) { return years <= 22 ? 0 : years <= 64 ? 1 : years <= 74 ? 2 : 3; }

/// Welfare spell duration bands for the outflow hazard (months on welfare).
inline constexpr int welfare_band_count = 4;
inline int welfare_band(int months) { return months < 12 ? 0 : months < 24 ? 1 : months < 36 ? 2 : 3; }

/// Laws, for costs.
enum class Law : std::uint8_t { Jeugdwet, Wmo, Participatiewet, Schuldhulpverlening };
inline constexpr int law_count = 4;
inline constexpr std::array<std::string_view, 4> law_names = {"jeugdwet", "wmo", "participatiewet",
                                                              "schuldhulpverlening"};


}  // namespace zorgsim::models
