#pragma once
// One named random stream per random process. A draw is keyed by (seed, replicate,
// entity, month, stream) -- see sim/rng.hpp -- so adding a process or a draw to one
// process leaves every other process's numbers unchanged. Never renumber: that would
// change every result (the golden-value test in tests/sim/test_rng.cpp guards this).
#include <cstdint>

namespace zorgsim::models {

enum class Stream : std::uint32_t {
  // Hot path: one Philox block per person-month; its four words are lanes, see PersonLane.
  PersonMonth = 1,
  // One block per household-month; lanes in HouseholdLane.
  HouseholdMonth = 2,
  // Rare follow-up draws, made only when an event happened.
  PlacementForm = 3,  // which placement form a new placement takes
  Newborn = 4,        // a newborn's sex and traits
  Cliff = 5,          // what happens to youth care at 18 and 23
  WelfareExit = 6,    // income class after leaving welfare
  LeaveHome = 7,      // a child at home 18-29: leaves? (word 0), income of the new household (word 1)
  Partner = 8,        // a partner moving in: sex, age, traits
  Arrivals = 9,       // how many households arrive this month (entity: arrivals_entity)
  Separation = 10,    // after a separation: does the remaining household's income drop
  Debt = 11,          // a household's debt transition (one block per household-month)
  Protection = 12,    // a child's protection transition (one block per child-month, 0-17)
  Triage = 13,        // the local team's decision on an assessed request (gatekeeping)
  LifeEvent = 14,     // a child's need after its parents separate or a parent dies (entity: the child)
  NetworkLoss = 15,   // a household's network after a parent's death (entity: the household)
  Bereavement = 16,   // a child's need after a parent's death (entity: the child; LifeEvent is separation)
  UnderIntensity = 17,  // a child whose care intensity is capped: escalation (word 0), placement form (word 1)
  JobLossDebt = 18,   // a household's arrears after a job loss (entity: the household)
  JobLossNeed = 19,   // a child's need after a parent's job loss (entity: the child)
  AdultNeed = 20,     // an adult's unmet Wmo need: the month's transition (0), severity at onset (1) (entity: the adult)
  AdultTriage = 21,   // the local team's decision on an adult request: refusal (0), general support first (1)
  WlzTakeover = 22,   // a holder of Wmo home care moves to the Wlz (entity: the adult)
  Birthday = 23,      // adult vulnerabilities at 18 (0-2), a physical limitation's onset later (0) (entity: the adult)
  InsuranceOffer = 24,  // a household's place when the collective insurance is trimmed (month: reach_month)
  // The provision catalogue: one stream per slot (base + slot) or per provision (base + index).
  ProvisionChoice = 200,  // + slot: which provision and Q at entry (words 0, 1)
  ProvisionReview = 300,  // + slot: re-evaluation (0), new Q (1), end of indication (2), stop (3)
  ProvisionReach = 1000,  // + catalogue index: a household's propensity to take part (month: reach_month)
  // Population synthesis (month = first simulated month).
  SynthesisHousehold = 100,
  SynthesisPerson = 101,
  SynthesisCare = 102,  // initial care states
};

/// Lanes (word index) of the PersonMonth block.
enum PersonLane : int { LaneDemography = 0, LaneYouth = 1, LaneWmo = 2, LaneEmployment = 3 };
/// Lanes of the HouseholdMonth block.
enum HouseholdLane : int { LaneWelfare = 0, LaneDeparture = 1, LaneSeparation = 2, LanePartnering = 3 };

/// The entity of municipality-wide draws (not a household or person id: those are < 2^56).
inline constexpr std::uint64_t arrivals_entity = (std::uint64_t{1} << 56) - 1;

constexpr std::uint32_t id(Stream s) { return static_cast<std::uint32_t>(s); }
constexpr std::uint32_t id(Stream base, int offset) { return static_cast<std::uint32_t>(base) + static_cast<std::uint32_t>(offset); }
/// The month word of draws made once per entity (not per month).
inline constexpr std::uint32_t reach_month = 0xFFFFFFFFu;

}  // namespace zorgsim::models
