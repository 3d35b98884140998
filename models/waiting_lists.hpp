#pragma once
// Places and waiting lists per catalogue provision. When places are limited
// (youth.capacity_limited, wmo.capacity_limited), an indication for bespoke youth care or a
// placement, or the indication of a bespoke Wmo provision, becomes a request. Once a month, for the
// whole municipality (a global phase, so the result does not depend on blocks or threads):
//  1. a new request gets its provision, drawn as at any entry (provision_use.hpp: same key, so
//     the same child gets the same provision with or without limits);
//  2. each provision with places gives its free places (places minus clients) to its list in
//     order: higher severity first, then longer waiting, then lower person id; a provision
//     without places (-1) admits every request at once.
// Who gets no place waits for that provision, with a general provision meanwhile if bridging is
// on (youth.bridging_general, wmo.bridging_general); the need stays unmet and can escalate,
// more the longer it waits, into a crisis that bypasses the list (an emergency).
//
// Severity: youth, the need level of the care asked for (2 ambulant care, 3 a placement; each
// list holds one level, so it is ordered by waiting time); adults, the need's severity
// (0 moderate, 1 severe: adult_need.hpp).
#include <cstdint>
#include <vector>

#include "models/indicators.hpp"
#include "models/model_tables.hpp"
#include "models/policy_schedule.hpp"
#include "models/population.hpp"
#include "sim/model.hpp"

namespace zorgsim::models {

/// Index 0..4 of a youth state 2..6 among the places (the per-care-type outputs).
inline int place_index(int youth_state) { return youth_state - 2; }

/// The waiting-list key (larger first): severity, then completed months of waiting.
inline int waiting_priority(int severity, int months) { return severity * 1000 + months; }

/// Which requests are admitted: the `available` ones with the largest keys (ties: lowest id).
/// `requests` are (key, person id); returns one flag per request.
std::vector<bool> choose_admissions(const std::vector<std::pair<int, std::uint64_t>>& requests, std::int64_t available);

/// End of the first half of the month, per block: clients per catalogue provision before this
/// month's admissions. A holder who entered a limited slot this month without a request (a
/// crisis placement, a move between placement forms) gets the provision now (a start).
void count_occupancy(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx, Tally& tally);

/// The global phase: allocates each provision's free places over the requests of all blocks.
void allocate_places(const PolicyMonth& pm, std::vector<Block>& blocks, const sim::StepContext& ctx);

/// Second half of the month, per block: admitted requests move into care with the provision
/// they asked for, the others wait for it.
void apply_youth_admissions(const ModelTables& t, Block& b, Tally& tally);
void apply_wmo_admissions(const ModelTables& t, Block& b, Tally& tally);

/// Ends a person's waiting without a place (death, moving away, turning 18 or 23, crisis).
void leave_waiting_list(Persons& ps, std::size_t i, WaitingExit why, Tally& tally);
/// Ends an adult's waiting for a Wmo place without one (death, moving away, the need resolved,
/// a crisis, another path into the provision).
void leave_wmo_waiting_list(Persons& ps, std::size_t i, Tally& tally);

/// A request for a youth-care place (target: state 2..6) of person i; `care` is the provision
/// asked for when already waiting, else no_care (drawn in the allocation).
PlaceRequest youth_place_request(const Persons& ps, std::size_t i, int target, int months, const Eligibility& who,
                                 std::uint8_t care);

}  // namespace zorgsim::models
