#include "models/youth_waiting.hpp"

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

void allocate_youth_places(const YouthTables& t, std::vector<Block>& blocks) {
  for (int place = 0; place < 5; ++place) {
    std::int64_t occupied = 0;
    std::vector<std::pair<int, std::uint64_t>> requests;
    std::vector<YouthRequest*> where;
    for (Block& b : blocks) {
      occupied += b.youth_occupancy[place];
      for (YouthRequest& r : b.youth_requests)
        if (place_index(r.target) == place) requests.push_back({r.months, r.id}), where.push_back(&r);
    }
    if (requests.empty()) continue;
    const std::vector<bool> admitted = choose_admissions(requests, std::max<std::int64_t>(0, t.capacity[place] - occupied));
    for (std::size_t k = 0; k < where.size(); ++k) where[k]->admitted = admitted[k];
  }
}

void apply_youth_admissions(Block& b, Tally& tally) {
  Persons& ps = b.persons;
  for (const YouthRequest& r : b.youth_requests) {
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
