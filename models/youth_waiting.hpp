#pragma once
// Youth-care places and waiting lists. When places are limited (youth.capacity_limited), an
// entry into ambulant care (from self-reliance or a general provision) or into a placement
// (from ambulant care) becomes a request. Once a month, for the whole municipality, each
// provision's free places (capacity minus clients) go to the requests that waited longest,
// ties broken by person id — so the allocation does not depend on blocks or threads. Who
// gets no place waits, with a general provision meanwhile if bridging is on; waiting raises
// the hazard of a crisis placement, which bypasses the list (an emergency).
#include <cstdint>
#include <vector>

#include "models/indicators.hpp"
#include "models/population.hpp"
#include "models/youth_care.hpp"

namespace zorgsim::models {

/// Index 0..4 of a youth state 2..6 among the places.
inline int place_index(int youth_state) { return youth_state - 2; }

/// Which requests are admitted: the `available` longest-waiting ones (ties: lowest id).
/// `requests` are (completed months waited, person id); returns one flag per request.
std::vector<bool> choose_admissions(const std::vector<std::pair<int, std::uint64_t>>& requests, std::int64_t available);

/// The global phase: allocates free places over the requests of all blocks (in block order).
void allocate_youth_places(const YouthTables& t, std::vector<Block>& blocks);

/// Second half of the month, per block: admitted requests move into care, the others wait.
void apply_youth_admissions(Block& b, Tally& tally);

/// Ends a person's waiting without a place (death, moving away, turning 18 or 23, crisis).
void leave_waiting_list(Persons& ps, std::size_t i, WaitingExit why, Tally& tally);

}  // namespace zorgsim::models
