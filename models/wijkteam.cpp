#include "models/wijkteam.hpp"

#include "models/block_access.hpp"
#include "models/streams.hpp"
#include "models/waiting_lists.hpp"

namespace zorgsim::models {

namespace {
int level_of(int pos) { return pos == pos_unmet_moderate ? 1 : 0; }

void book_team_cost(Tally& tally, int care_type, Law law, double cost) {
  tally.add(Ind::CostByCareType, care_type, cost);
  tally.add(Ind::CostByLaw, static_cast<int>(law), cost);
  tally.add(Ind::CostNet, cost);
}

// The team assesses at most `capacity` (-1: all) of the month's requests in `list` of all
// blocks, the largest key first, ties by id (choose_admissions); `decide(block, request)`
// is called for each assessed one.
template <class Key, class Decide>
void assess(std::vector<Block>& blocks, std::vector<PlaceRequest> Block::*list, std::int64_t capacity, Key key,
            Decide decide) {
  std::vector<std::pair<int, std::uint64_t>> keys;
  std::vector<std::pair<Block*, PlaceRequest*>> where;
  for (Block& b : blocks)
    for (PlaceRequest& r : b.*list) {
      keys.push_back({key(r), r.id});
      where.push_back({&b, &r});
    }
  if (keys.empty()) return;
  const std::vector<bool> assessed =
      choose_admissions(keys, capacity >= 0 ? capacity : static_cast<std::int64_t>(keys.size()));
  for (std::size_t k = 0; k < where.size(); ++k) {
    auto [b, r] = where[k];
    r->admitted = assessed[k];
    if (assessed[k]) decide(*b, *r);
  }
}
}  // namespace

void triage(const PolicyMonth& pm, std::vector<Block>& blocks, const sim::StepContext& ctx, Tally& tally) {
  const ModelTables& t = pm.base();  // the team's capacity and cost are municipality-wide
  book_team_cost(tally, care_type_wijkteam, Law::Jeugdwet, t.wijkteam_cost_per_month * t.price_index(ctx.month_index));
  if (t.triage_capacity >= 0) tally.add(Ind::TriageCapacity, static_cast<double>(t.triage_capacity));
  // Priority: moderate needs before light ones, then months waited.
  const auto key = [](const PlaceRequest& r) { return level_of(r.target) * 1000 + r.months; };
  assess(blocks, &Block::triage_requests, t.triage_capacity, key, [&](Block& b, PlaceRequest& r) {
    sim::KeyedStream rng(ctx.key, r.id, static_cast<std::uint32_t>(ctx.month_index), id(Stream::Triage));
    r.outcome = static_cast<std::uint8_t>(triage_outcome(pm.of(b, r.person).youth, r.target, rng.uniform01()));
    if (r.outcome == 2 && b.admission_stop[static_cast<int>(Law::Jeugdwet)]) {  // refused: admission stop
      r.outcome = r.target;
      tally.add(Ind::AdmissionStopRefusals, static_cast<int>(Law::Jeugdwet), 1);
    }
    if (r.outcome == 2 && t.youth.capacity_limited) {  // ambulant care needs a place
      b.youth_requests.push_back(youth_place_request(b.persons, r.person, 2, 0, r.who, no_care));
      tally.add(Ind::YouthReferrals, place_index(2), 1);
    }
  });
}

void triage_adults(const PolicyMonth& pm, std::vector<Block>& blocks, const sim::StepContext& ctx, Tally& tally) {
  const ModelTables& t = pm.base();
  book_team_cost(tally, care_type_wijkteam_wmo, Law::Wmo, t.wmo_team_cost_per_month * t.price_index(ctx.month_index));
  if (t.wmo_triage_capacity >= 0) tally.add(Ind::WmoTriageCapacity, static_cast<double>(t.wmo_triage_capacity));
  // Priority: severe needs first, then months unmet.
  const auto key = [](const PlaceRequest& r) { return r.severity * 1000 + r.months; };
  assess(blocks, &Block::wmo_triage_requests, t.wmo_triage_capacity, key, [&](Block& b, PlaceRequest& r) {
    sim::KeyedStream rng(ctx.key, r.id, static_cast<std::uint32_t>(ctx.month_index), id(Stream::AdultTriage));
    const double u = rng.uniform01(), v = rng.uniform01();
    AdultTriage outcome = adult_triage_outcome(pm.of(b, r.person).adult_need, r.target, r.severity, u, v);
    if (outcome == AdultTriage::Indicated && b.admission_stop[static_cast<int>(Law::Wmo)]) {  // admission stop
      outcome = AdultTriage::Refused;
      tally.add(Ind::AdmissionStopRefusals, static_cast<int>(Law::Wmo), 1);
    }
    r.outcome = static_cast<std::uint8_t>(outcome);
    if (outcome == AdultTriage::Indicated && t.wmo.capacity_limited) {  // the provision needs a place
      b.wmo_requests.push_back({r.person, r.id, r.target, 0, r.severity, r.who});
      tally.add(Ind::WmoReferrals, r.target - 1, 1);
    }
  });
}

namespace {
void apply_adult_triage(const ModelTables& t, Block& b, Tally& tally) {
  Persons& ps = b.persons;
  for (const PlaceRequest& r : b.wmo_triage_requests) {
    if (!r.admitted) continue;  // stays in the queue (the asked flag remains)
    tally.add(Ind::WmoTriageAssessments, r.severity, 1);
    ps.adult_need[r.person] &= static_cast<std::uint16_t>(~adult_need_bits::asked);
    switch (static_cast<AdultTriage>(r.outcome)) {
      case AdultTriage::Indicated:
        tally.add(Ind::WmoTriageIndications, 0, 1);
        if (!t.wmo.capacity_limited) start_wmo(ps, r.person, r.target, tally);  // else the place request decides
        break;
      case AdultTriage::GeneralFirst:  // stepped care: general support, the need stays until review
        tally.add(Ind::WmoTriageIndications, 1, 1);
        start_wmo(ps, r.person, 0, tally);
        ps.adult_need[r.person] |= adult_need_bits::stepped;
        break;
      case AdultTriage::Refused:  // the need stays unmet; the adult may ask again
        tally.add(Ind::WmoTriageRefusals, r.severity, 1);
        break;
    }
  }
  b.wmo_triage_requests.clear();
}
}  // namespace

void apply_triage(const ModelTables& t, Block& b, Tally& tally) {
  apply_adult_triage(t, b, tally);
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
