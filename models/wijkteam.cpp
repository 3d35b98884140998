#include "models/wijkteam.hpp"

#include "models/block_access.hpp"
#include "models/streams.hpp"
#include "models/waiting_lists.hpp"

namespace zorgsim::models {

namespace {
int level_of(int pos) { return pos == pos_unmet_moderate ? 1 : 0; }
}  // namespace

void triage(const ModelTables& t, std::vector<Block>& blocks, const sim::StepContext& ctx, Tally& tally) {
  const double cost = t.wijkteam_cost_per_month * t.price_index(ctx.month_index);
  tally.add(Ind::CostByCareType, care_type_wijkteam, cost);
  tally.add(Ind::CostByLaw, static_cast<int>(Law::Jeugdwet), cost);
  tally.add(Ind::CostNet, cost);
  if (t.triage_capacity >= 0) tally.add(Ind::TriageCapacity, static_cast<double>(t.triage_capacity));

  // Priority: moderate needs before light ones, then months waited (choose_admissions
  // takes the largest key first, ties by id).
  std::vector<std::pair<int, std::uint64_t>> keys;
  std::vector<std::pair<Block*, PlaceRequest*>> where;
  for (Block& b : blocks)
    for (PlaceRequest& r : b.triage_requests) {
      keys.push_back({level_of(r.target) * 1000 + r.months, r.id});
      where.push_back({&b, &r});
    }
  if (keys.empty()) return;
  const std::int64_t available = t.triage_capacity >= 0 ? t.triage_capacity : static_cast<std::int64_t>(keys.size());
  const std::vector<bool> assessed = choose_admissions(keys, available);
  for (std::size_t k = 0; k < where.size(); ++k) {
    auto [b, r] = where[k];
    r->admitted = assessed[k];
    if (!assessed[k]) continue;
    sim::KeyedStream rng(ctx.key, r->id, static_cast<std::uint32_t>(ctx.month_index), id(Stream::Triage));
    r->outcome = static_cast<std::uint8_t>(triage_outcome(t.youth, r->target, rng.uniform01()));
    if (r->outcome == 2 && t.youth.capacity_limited) {  // ambulant care needs a place
      b->youth_requests.push_back(youth_place_request(b->persons, r->person, 2, 0, r->who, no_care));
      tally.add(Ind::YouthReferrals, place_index(2), 1);
    }
  }
}

void apply_triage(const ModelTables& t, Block& b, Tally& tally) {
  Persons& ps = b.persons;
  for (const PlaceRequest& r : b.triage_requests) {
    if (!r.admitted) continue;  // stays in the queue (the asked flag remains)
    const int level = level_of(r.target);
    tally.add(Ind::TriageAssessments, level, 1);
    ps.youth_need[r.person] &= static_cast<std::uint8_t>(~youth_need_bits::asked);
    switch (r.outcome) {
      case 1:
        tally.add(Ind::TriageIndications, 0, 1);
        move_youth_position(ps, r.person, 1, tally);
        break;
      case 2:
        tally.add(Ind::TriageIndications, 1, 1);
        if (t.youth.capacity_limited) {  // the place request decides; meanwhile at home or bridged
          const int care = youth_state(ps, r.person);
          move_youth_position(ps, r.person, care == 0 && t.youth.bridging_general ? 1 : care, tally);
        } else {
          move_youth_position(ps, r.person, 2, tally);
        }
        break;
      case pos_stepped:
        tally.add(Ind::TriageIndications, 2, 1);
        move_youth_position(ps, r.person, pos_stepped, tally);
        break;
      default:  // refused: the need stays unmet; the household may ask again
        tally.add(Ind::TriageRefusals, level, 1);
        break;
    }
  }
  b.triage_requests.clear();
}

}  // namespace zorgsim::models
