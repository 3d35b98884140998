#include "models/waiting_lists.hpp"

#include <algorithm>
#include <numeric>

#include "models/block_access.hpp"

namespace zorgsim::models {

std::vector<bool> choose_admissions(const std::vector<std::pair<int, std::uint64_t>>& requests, std::int64_t available) {
  std::vector<std::size_t> order(requests.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (requests[a].first != requests[b].first) return requests[a].first > requests[b].first;  // waited longer
    return requests[a].second < requests[b].second;
  });
  std::vector<bool> admitted(requests.size(), false);
  for (std::size_t k = 0; k < order.size() && static_cast<std::int64_t>(k) < available; ++k) admitted[order[k]] = true;
  return admitted;
}

namespace {
// Gives a provision's free places to its requests over all blocks (in block order).
template <class Requests, class Occupancy>
void allocate(std::vector<Block>& blocks, int target, std::int64_t capacity, Requests requests_of,
              Occupancy occupied_of) {
  std::int64_t occupied = 0;
  std::vector<std::pair<int, std::uint64_t>> requests;
  std::vector<PlaceRequest*> where;
  for (Block& b : blocks) {
    occupied += occupied_of(b);
    for (PlaceRequest& r : requests_of(b))
      if (r.target == target) requests.push_back({r.months, r.id}), where.push_back(&r);
  }
  if (requests.empty()) return;
  const std::vector<bool> admitted = choose_admissions(requests, std::max<std::int64_t>(0, capacity - occupied));
  for (std::size_t k = 0; k < where.size(); ++k) where[k]->admitted = admitted[k];
}
}  // namespace

void allocate_youth_places(const YouthTables& t, std::vector<Block>& blocks) {
  for (int place = 0; place < 5; ++place)
    allocate(blocks, place + 2, t.capacity[place], [](Block& b) -> auto& { return b.youth_requests; },
             [place](const Block& b) { return b.youth_occupancy[place]; });
}

void allocate_wmo_places(const WmoTables& t, std::vector<Block>& blocks) {
  for (int k = 1; k < wmo_provision_count; ++k)
    allocate(blocks, k, t.capacity[k], [](Block& b) -> auto& { return b.wmo_requests; },
             [k](const Block& b) { return b.wmo_occupancy[k]; });
}

void apply_wmo_admissions(Block& b, Tally& tally) {
  Persons& ps = b.persons;
  for (const PlaceRequest& r : b.wmo_requests) {
    if (r.admitted) {
      if (start_wmo(ps, r.person, r.target, tally)) tally.add(Ind::WmoAdmissions, r.target - 1, 1);
      ps.wmo_wait[r.person] = 0;
    } else {
      ps.wmo_wait[r.person] = youth_wait_bits::make(r.target, r.months + 1);
    }
  }
  b.wmo_requests.clear();
}

void leave_wmo_waiting_list(Persons& ps, std::size_t i, Tally& tally) {
  if (!ps.wmo_wait[i]) return;
  ps.wmo_wait[i] = 0;
  tally.add(Ind::WmoWaitingExits);
}

void apply_youth_admissions(Block& b, Tally& tally) {
  Persons& ps = b.persons;
  for (const PlaceRequest& r : b.youth_requests) {
    if (r.admitted) {
      if (r.target >= 3) tally.add(Ind::YouthPlacementStarts, r.target - 3, 1);  // from ambulant care
      move_youth(ps, r.person, r.target, tally);
      ps.youth_wait[r.person] = 0;
      tally.add(Ind::YouthAdmissions, place_index(r.target), 1);
    } else {
      ps.youth_wait[r.person] = youth_wait_bits::make(r.target, r.months + 1);
    }
  }
  b.youth_requests.clear();
}

void leave_waiting_list(Persons& ps, std::size_t i, WaitingExit why, Tally& tally) {
  if (!ps.youth_wait[i]) return;
  ps.youth_wait[i] = 0;
  tally.add(Ind::YouthWaitingExits, static_cast<int>(why), 1);
}

}  // namespace zorgsim::models
