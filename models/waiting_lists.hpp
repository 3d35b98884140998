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
#include "models/social_support.hpp"
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

// Wmo: the same rule for bespoke provisions (household help .. shelter; general support is
// never limited). A request replaces the provision's start; a waiting adult requests again
// each month and starts no other limited provision meanwhile. Waiting has no effect on the
// person yet (needs come with issue #3): today it only defers care and its cost.

/// The global phase for Wmo places.
void allocate_wmo_places(const WmoTables& t, std::vector<Block>& blocks);
/// Second half of the month, per block: admitted Wmo requests start, the others wait.
void apply_wmo_admissions(Block& b, Tally& tally);
/// Ends an adult's waiting for a Wmo place without one (death or moving away).
void leave_wmo_waiting_list(Persons& ps, std::size_t i, Tally& tally);

}  // namespace zorgsim::models
