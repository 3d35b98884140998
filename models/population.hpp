#pragma once
// Hot simulation state as struct-of-arrays, per block of households. A block is the unit
// of parallel work: its households' members are stored contiguously, household by
// household, so a household is the range [first, first + size) of the person arrays.
#include <cstddef>
#include <array>
#include <cstdint>
#include <vector>

#include "models/categories.hpp"
#include "models/provisions.hpp"

namespace zorgsim::models {

/// Person trait bits (Persons::traits).
namespace trait {
inline constexpr std::uint8_t female = 1u << 0;
inline constexpr std::uint8_t role_shift = 1;        // 2 bits: Role
inline constexpr std::uint8_t role_mask = 3u << 1;
inline constexpr std::uint8_t lvb = 1u << 3;
inline constexpr std::uint8_t psychiatric = 1u << 4;
inline constexpr std::uint8_t physical = 1u << 5;
inline constexpr std::uint8_t low_literacy = 1u << 6;
inline constexpr std::uint8_t employed = 1u << 7;
inline constexpr std::uint8_t vulnerability_mask = lvb | psychiatric | physical | low_literacy;
inline Role role(std::uint8_t t) { return static_cast<Role>((t & role_mask) >> role_shift); }
inline std::uint8_t with_role(std::uint8_t t, Role r) {
  return static_cast<std::uint8_t>((t & ~role_mask) | (static_cast<unsigned>(r) << role_shift));
}
/// LVB or a psychiatric vulnerability: the vulnerabilities that raise care, debt and job risks.
inline bool vulnerable(std::uint8_t t) { return t & (lvb | psychiatric); }
/// The 4 vulnerability bits as an index 0..15 (lvb = bit 0, ..., low literacy = bit 3).
inline int vulnerability_index(std::uint8_t t) { return (t & vulnerability_mask) >> 3; }
}  // namespace trait

/// Youth byte (Persons::youth): low 3 bits YouthState; bit 6 "placed out of home at some
/// month since January", bit 7 "had bespoke youth care (tier 2-3) since January", for the
/// annual counts. Bits 3-5 are free.
namespace youth_bits {
inline constexpr std::uint8_t state_mask = 7;
inline constexpr std::uint8_t placed_this_year = 1u << 6;
inline constexpr std::uint8_t care_this_year = 1u << 7;
}  // namespace youth_bits

/// Youth need byte (Persons::youth_need): the unmet part of a child's position (see
/// youth_care.hpp). Bits 0-1: 0 need met or none, 1 light need unmet, 2 moderate need
/// unmet, 3 moderate need in a general provision (stepped care); bit 2: asked the local
/// team, waiting for the assessment; bits 3-7: completed months of unmet need (capped at 31).
namespace youth_need_bits {
inline constexpr std::uint8_t unmet_mask = 3;
inline constexpr std::uint8_t asked = 1u << 2;
inline constexpr int months_shift = 3;
inline constexpr int max_months = 31;
inline int months(std::uint8_t b) { return b >> months_shift; }
}  // namespace youth_need_bits

/// Adult need word (Persons::adult_need): an adult's unmet need for a bespoke Wmo provision
/// (see adult_need.hpp). 0 = none. Bits 0-2: the provision the need is for (1..6); bit 3:
/// asked the local team, waiting for the assessment; bit 4: severe; bit 5: in stepped care
/// (a general provision first); bits 8-15: completed months of unmet need (capped at 255).
namespace adult_need_bits {
inline constexpr std::uint16_t provision_mask = 7;
inline constexpr std::uint16_t asked = 1u << 3;
inline constexpr std::uint16_t severe = 1u << 4;
inline constexpr std::uint16_t stepped = 1u << 5;
inline constexpr int months_shift = 8;
inline constexpr int max_months = 255;
inline int provision(std::uint16_t n) { return n & provision_mask; }
inline int severity(std::uint16_t n) { return (n & severe) ? 1 : 0; }  // 0 moderate, 1 severe
inline int months(std::uint16_t n) { return n >> months_shift; }
inline std::uint16_t add_month(std::uint16_t n) {
  return months(n) < max_months ? static_cast<std::uint16_t>(n + (1u << months_shift)) : n;
}
}  // namespace adult_need_bits

/// Household flag bits (Households::flags).
namespace household_flags {
inline constexpr std::uint8_t takes_up_insurance = 1u << 0;  // joins the collective insurance when eligible
}  // namespace household_flags

/// Waiting bytes (Persons::youth_wait, Persons::wmo_wait): 0 = not waiting; else low 3 bits
/// what is waited for (a youth state 2..6, or a Wmo provision 1..6), high 5 bits the
/// completed months of waiting (capped at 31).
namespace youth_wait_bits {
inline constexpr std::uint8_t target_mask = 7;
inline constexpr int months_shift = 3;
inline constexpr int max_months = 31;
inline int target(std::uint8_t w) { return w & target_mask; }
inline int months(std::uint8_t w) { return w >> months_shift; }
inline std::uint8_t make(int target, int months) {
  return static_cast<std::uint8_t>(target | ((months < max_months ? months : max_months) << months_shift));
}
}  // namespace youth_wait_bits

/// Which catalogue provision a person holds in each of their slots (see provisions.hpp):
/// the youth-care state's, child protection's, and each Wmo holding's.
/// While waiting for a place, the provision waited for (chosen at the first request) is kept
/// in youth_waiting / wmo_waiting.
struct CareBytes {
  std::uint8_t youth = no_care;
  std::uint8_t protection = no_care;
  std::array<std::uint8_t, wmo_provision_count> wmo = {no_care, no_care, no_care, no_care, no_care, no_care, no_care};
  std::uint8_t youth_waiting = no_care;
  std::uint8_t wmo_waiting = no_care;
};

struct Persons {
  std::vector<std::uint64_t> id;        // stable entity id (random-stream key), < 2^56
  std::vector<std::uint16_t> age_months;
  std::vector<std::uint8_t> traits;     // see namespace trait
  std::vector<std::uint8_t> youth;      // see namespace youth_bits
  std::vector<std::uint8_t> wmo;        // bit p set = holds WmoProvision p
  std::vector<std::uint8_t> youth_wait; // 0, or waiting for a youth-care place: see namespace youth_wait_bits
  std::vector<std::uint8_t> protection; // child protection: 0 none, 1 supervision order, 2 guardianship
  std::vector<std::uint8_t> wmo_wait;   // 0, or waiting for a Wmo place: provision (1..6) and months, as youth_wait
  std::vector<std::uint8_t> youth_need; // unmet youth need: see namespace youth_need_bits
  std::vector<std::uint16_t> adult_need; // unmet adult (Wmo) need: see namespace adult_need_bits
  std::vector<std::uint8_t> wlz;        // 1 = in the Wlz (permanent 24-hour care; no Wmo): see wlz.hpp
  std::vector<CareBytes> care;          // the provisions held (catalogue choice and intensity)

  std::size_t size() const { return id.size(); }
  void resize(std::size_t n);
  std::size_t bytes() const;
};

struct Households {
  std::vector<std::uint64_t> id;
  std::vector<std::uint32_t> first;     // index of the first member in Persons
  std::vector<std::uint8_t> size;       // members (0 = dissolved, removed at commit)
  std::vector<std::uint8_t> type;       // HouseholdType
  std::vector<std::uint8_t> district;
  std::vector<std::uint8_t> income;     // income class
  std::vector<std::uint8_t> network;    // 0 weak, 1 medium, 2 strong
  std::vector<std::uint8_t> debt;       // DebtState
  std::vector<std::uint16_t> welfare;   // 0 = not on welfare, else months on welfare + 1
  std::vector<std::uint8_t> flags;      // see namespace household_flags
  std::vector<std::uint8_t> welfare_care;  // provision of the welfare benefit slot (no_care when none)
  std::vector<std::uint8_t> debt_care;     // provision of the debt-help slot (no_care when none)

  std::size_t count() const { return id.size(); }
  void resize(std::size_t n);
  std::size_t bytes() const;
};

/// The household whose members [first, first + size) include person `i` (households are
/// stored in person order; a binary search, for rare events in loops over persons).
std::size_t household_of(const Households& hh, std::size_t i);

/// A newborn waiting to be inserted after its household's members.
struct PendingBirth {
  std::uint32_t household;  // index in the block
  std::uint64_t id;
  std::uint8_t traits;
  bool need = false;        // born with a light unmet need (a vulnerable mother)
};

/// A person leaving their household this month to start a new one (alone).
struct PendingMove {
  std::uint32_t person;      // index in the block
  std::uint64_t household;   // id of the new household
  std::uint8_t district;     // of the new household (the same as before)
  std::uint8_t income;       // income class of the new household
  std::uint8_t network;
  std::uint8_t debt;         // debt state of the new household
  std::uint8_t flags;        // household_flags of the new household (as the old one)
};

/// A request for a place this month (new, or from someone already waiting).
struct PlaceRequest {
  std::uint32_t person;     // index in the block
  std::uint64_t id;         // person id: the tie-break of the waiting-list order
  std::uint8_t target;      // youth state (2..6) or Wmo provision (1..6) asked for; for triage, the position
  std::uint8_t months;      // completed months of waiting before this month
  std::uint8_t severity = 0;   // the list's first key (higher first): see waiting_lists.hpp
  Eligibility who{};           // for the choice of the provision
  std::uint8_t care = no_care; // the catalogue provision asked for (chosen in the allocation when new)
  bool admitted = false;    // set by the allocation (global phase)
  std::uint8_t outcome = 0; // triage: the position indicated (the request's own position when refused)
};

/// A partner moving in from outside the municipality.
struct PendingPartner {
  std::uint32_t household;   // index in the block
  std::uint64_t id;
  std::uint16_t age_months;
  std::uint8_t traits;
};

struct Block {
  Households households;
  Persons persons;
  std::vector<PendingBirth> births;  // this month's births, inserted at commit
  std::vector<std::uint32_t> deaths; // households (ascending) where someone died this month
  std::vector<std::uint32_t> departed;   // households (ascending) leaving the municipality
  std::vector<PendingMove> moves;        // persons (ascending) moving out to live alone
  std::vector<PendingPartner> partners;  // partners moving in (households ascending)
  std::vector<std::uint64_t> arrivals;   // ids of households arriving this month
  std::vector<PlaceRequest> triage_requests; // this month's requests to the local team (target: position 7 or 8)
  std::vector<PlaceRequest> wmo_triage_requests; // this month's adult requests to the local team (target: provision 1..6)
  std::vector<PlaceRequest> youth_requests;  // this month's requests for youth-care places
  std::vector<PlaceRequest> wmo_requests;    // this month's requests for Wmo places
  std::vector<std::int64_t> occupancy;       // clients per catalogue provision before admissions (places limited)
  bool carries_budgets = false;                   // the first block books the provisions' fixed budgets
  std::array<double, law_count> cost_by_law{};    // this month's gross cost booked by the block (budget ceilings)
  std::array<bool, law_count> admission_stop{};   // admission stops in force this month (set in the global phase)
  std::vector<std::uint8_t> cells;  // each person's measure cell this month (policy_schedule.hpp): set at the
                                    // start of the month and again before the record, when measures are targeted
  std::size_t bytes() const;
};

/// Entity id of a child born to `mother` in `month_index`: a mix of the two, so it is the
/// same in every scenario where that birth happens (common random numbers) and does not
/// depend on the order of births. Bit 55 marks newborns; ids stay below 2^56.
std::uint64_t newborn_id(std::uint64_t mother, int month_index);

/// Id of a partner moving in with `head` in `month_index` (bit 54 marks partners).
std::uint64_t partner_id(std::uint64_t head, int month_index);
/// Id of the household a person forms by moving out in `month_index` (bit 50 marks them;
/// ids stay below 2^52 so that person ids, household * 16 + member, stay below 2^56).
std::uint64_t formed_household_id(std::uint64_t person, int month_index);

/// Number of whole years of an age in months.
inline int years(std::uint16_t age_months) { return age_months / 12; }

}  // namespace zorgsim::models
