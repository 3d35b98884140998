#include "models/waiting_lists.hpp"

#include <algorithm>
#include <numeric>

#include "models/block_access.hpp"
#include "models/provision_use.hpp"

namespace zorgsim::models {

std::vector<bool> choose_admissions(const std::vector<std::pair<int, std::uint64_t>>& requests, std::int64_t available) {
  std::vector<std::size_t> order(requests.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (requests[a].first != requests[b].first) return requests[a].first > requests[b].first;
    return requests[a].second < requests[b].second;
  });
  std::vector<bool> admitted(requests.size(), false);
  for (std::size_t k = 0; k < order.size() && static_cast<std::int64_t>(k) < available; ++k) admitted[order[k]] = true;
  return admitted;
}

PlaceRequest youth_place_request(const Persons& ps, std::size_t i, int target, int months, const Eligibility& who,
                                 std::uint8_t care) {
  return {static_cast<std::uint32_t>(i), ps.id[i], static_cast<std::uint8_t>(target), static_cast<std::uint8_t>(months),
          static_cast<std::uint8_t>(target == 2 ? 2 : 3), who, care};
}


void count_occupancy(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx, Tally& tally) {
  const PolicyView pv(pm, b);
  const Households& hh = b.households;
  Persons& ps = b.persons;
  b.occupancy.assign(pm.base().provisions.provisions.size(), 0);
  const bool youth = pm.base().youth.capacity_limited, wmo = pm.base().wmo.capacity_limited;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    for (std::size_t i = begin; i < end; ++i) {
      if (!alive(ps, i)) continue;
      const int y = years(ps.age_months[i]);
      const Eligibility who = household_who(hh, h, y);
      const ModelTables& t = pv.person(i);
      CareBytes& c = ps.care[i];
      if (youth && y < 23 && youth_state(ps, i) >= 2) {
        const int slot = slot_of_youth_state(youth_state(ps, i));
        ++b.occupancy[t.provisions.index(slot, assign_provision(t, c.youth, slot, who, ps.id[i], ctx, tally))];
      }
      if (!wmo || y < 18 || !ps.wmo[i]) continue;
      for (int k = 1; k < wmo_provision_count; ++k)
        if ((ps.wmo[i] >> k) & 1) {
          const int slot = slot_of_wmo(k);
          ++b.occupancy[t.provisions.index(slot, assign_provision(t, c.wmo[k], slot, who, ps.id[i], ctx, tally))];
        }
    }
  }
}

namespace {
// Gives each provision's free places to its requests over all blocks (in block order).
void allocate(const PolicyMonth& pm, std::vector<Block>& blocks, std::vector<PlaceRequest> Block::*list,
              int (*slot_of)(int), const sim::StepContext& ctx) {
  const ProvisionTables& pt = pm.base().provisions;  // places are municipality-wide
  std::vector<std::vector<std::pair<int, std::uint64_t>>> keys(pt.provisions.size());
  std::vector<std::vector<PlaceRequest*>> where(pt.provisions.size());
  for (Block& b : blocks)
    for (PlaceRequest& r : b.*list) {
      const int slot = slot_of(r.target);
      if (r.care == no_care) r.care = draw_provision(pm.of(b, r.person), slot, r.who, r.id, ctx);
      const int p = pt.index(slot, r.care);
      keys[p].push_back({waiting_priority(r.severity, r.months), r.id});
      where[p].push_back(&r);
    }
  for (std::size_t p = 0; p < keys.size(); ++p) {
    if (keys[p].empty()) continue;
    const std::int64_t places = pt.provisions[p].places;
    if (places < 0) {  // unlimited: everyone is admitted at once
      for (PlaceRequest* r : where[p]) r->admitted = true;
      continue;
    }
    std::int64_t occupied = 0;
    for (const Block& b : blocks) occupied += b.occupancy[p];
    const std::vector<bool> admitted = choose_admissions(keys[p], std::max<std::int64_t>(0, places - occupied));
    for (std::size_t k = 0; k < where[p].size(); ++k) where[p][k]->admitted = admitted[k];
  }
}
int youth_slot(int state) { return slot_of_youth_state(state); }
int wmo_slot(int provision) { return slot_of_wmo(provision); }
}  // namespace

void allocate_places(const PolicyMonth& pm, std::vector<Block>& blocks, const sim::StepContext& ctx) {
  const ModelTables& t = pm.base();
  if (t.youth.capacity_limited) allocate(pm, blocks, &Block::youth_requests, youth_slot, ctx);
  if (t.wmo.capacity_limited) allocate(pm, blocks, &Block::wmo_requests, wmo_slot, ctx);
}

void apply_youth_admissions(const ModelTables& t, Block& b, Tally& tally) {
  Persons& ps = b.persons;
  for (const PlaceRequest& r : b.youth_requests) {
    if (r.admitted) {
      if (r.target >= 3) tally.add(Ind::YouthPlacementStarts, r.target - 3, 1);  // from ambulant care
      move_youth(ps, r.person, r.target, tally);
      ps.care[r.person].youth = r.care;  // the provision asked for (move_youth cleared the old one)
      const int p = t.provisions.index(slot_of_youth_state(r.target), r.care);
      tally.add(Ind::ProvisionStarts, p, 1);
      tally.add(Ind::ProvisionAdmissions, p, 1);
      ps.youth_wait[r.person] = 0;
      ps.care[r.person].youth_waiting = no_care;
      tally.add(Ind::YouthAdmissions, place_index(r.target), 1);
    } else {
      ps.youth_wait[r.person] = youth_wait_bits::make(r.target, r.months + 1);
      ps.care[r.person].youth_waiting = r.care;
    }
  }
  b.youth_requests.clear();
}

void apply_wmo_admissions(const ModelTables& t, Block& b, Tally& tally) {
  Persons& ps = b.persons;
  for (const PlaceRequest& r : b.wmo_requests) {
    if (r.admitted) {
      if (start_wmo(ps, r.person, r.target, tally)) {
        ps.care[r.person].wmo[r.target] = r.care;
        const int p = t.provisions.index(slot_of_wmo(r.target), r.care);
        tally.add(Ind::ProvisionStarts, p, 1);
        tally.add(Ind::ProvisionAdmissions, p, 1);
        tally.add(Ind::WmoAdmissions, r.target - 1, 1);
      }
      ps.wmo_wait[r.person] = 0;
      ps.care[r.person].wmo_waiting = no_care;
    } else {
      ps.wmo_wait[r.person] = youth_wait_bits::make(r.target, r.months + 1);
      ps.care[r.person].wmo_waiting = r.care;
      if (r.months == 0 && t.adult_need.bridging_general) start_wmo(ps, r.person, 0, tally);  // bridging care
    }
  }
  b.wmo_requests.clear();
}

void leave_waiting_list(Persons& ps, std::size_t i, WaitingExit why, Tally& tally) {
  if (!ps.youth_wait[i]) return;
  ps.youth_wait[i] = 0;
  ps.care[i].youth_waiting = no_care;
  tally.add(Ind::YouthWaitingExits, static_cast<int>(why), 1);
}

void leave_wmo_waiting_list(Persons& ps, std::size_t i, Tally& tally) {
  if (!ps.wmo_wait[i]) return;
  ps.wmo_wait[i] = 0;
  ps.care[i].wmo_waiting = no_care;
  tally.add(Ind::WmoWaitingExits);
}

}  // namespace zorgsim::models
