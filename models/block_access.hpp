#pragma once
// Helpers over a block's arrays shared by the month's phases.
#include <cstddef>
#include <cstdint>

#include "models/indicators.hpp"
#include "models/population.hpp"
#include "models/streams.hpp"
#include "models/youth_care.hpp"
#include "sim/model.hpp"
#include "sim/rng.hpp"

namespace zorgsim::models {

// age_months markers until the block is compacted: died, or moved out of the municipality.
inline constexpr std::uint16_t dead = 0xFFFF;
inline constexpr std::uint16_t gone = 0xFFFE;

inline bool alive(const Persons& ps, std::size_t i) { return ps.age_months[i] < gone; }
inline int youth_state(const Persons& ps, std::size_t i) { return ps.youth[i] & youth_bits::state_mask; }
// A new state is a new slot: its provision is chosen afresh (provision_use.hpp).
inline void set_youth_state(Persons& ps, std::size_t i, int s) {
  if ((ps.youth[i] & youth_bits::state_mask) != s) ps.care[i].youth = no_care;
  ps.youth[i] = static_cast<std::uint8_t>((ps.youth[i] & ~youth_bits::state_mask) | s);
}
/// A child's position on the access ladder (youth_care.hpp): the care state, or 7..9 when
/// the need is unmet.
inline int youth_position(const Persons& ps, std::size_t i) {
  const int unmet = ps.youth_need[i] & youth_need_bits::unmet_mask;
  return unmet ? 6 + unmet : youth_state(ps, i);
}
inline bool is_parent(std::uint8_t traits) {
  const Role r = trait::role(traits);
  return r == Role::Head || r == Role::Partner;
}

struct HouseholdView {
  std::size_t begin, end;  // person range
};
inline HouseholdView members(const Households& hh, std::size_t h) { return {hh.first[h], hh.first[h] + hh.size[h]}; }
/// Who a member of household h aged `age_years` is, for eligibility and measures' targets.
inline Eligibility household_who(const Households& hh, std::size_t h, int age_years) {
  return {age_years < 120 ? age_years : 120, hh.income[h], hh.type[h], hh.district[h]};
}

inline void move_youth(Persons& ps, std::size_t i, int to, Tally& tally) {
  const int from = youth_state(ps, i);
  if (from == to) return;
  tally.add(Ind::YouthOutflow, from, 1);
  tally.add(Ind::YouthInflow, to, 1);
  set_youth_state(ps, i, to);
}

// Moves a child to a position: the care state through move_youth, the unmet part in the need
// byte. Reaching a met position clears the months of unmet need and the request.
inline void move_youth_position(Persons& ps, std::size_t i, int pos, Tally& tally) {
  move_youth(ps, i, position_care(pos), tally);
  if (!position_unmet(pos)) {
    ps.youth_need[i] = 0;
    return;
  }
  const int was_unmet = ps.youth_need[i] & youth_need_bits::unmet_mask;
  const std::uint8_t kept = was_unmet ? ps.youth_need[i] & ~youth_need_bits::unmet_mask : 0;
  ps.youth_need[i] = static_cast<std::uint8_t>(kept | (pos - 6));
}

// A life event may give a child 0-17 without a need a light unmet need, with probability p
// (a keyed draw on the child, so it is the same in every scenario where the event happens).
inline void life_event_need(Persons& ps, std::size_t i, double p, LifeEvent e, const sim::StepContext& ctx,
                            Tally& tally) {
  if (!alive(ps, i) || years(ps.age_months[i]) >= 18 || youth_position(ps, i) != 0 || ps.youth_wait[i]) return;
  const Stream stream = e == LifeEvent::DeathOfParent    ? Stream::Bereavement
                        : e == LifeEvent::JobLossOfParent ? Stream::JobLossNeed
                                                          : Stream::LifeEvent;
  sim::KeyedStream rng(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(stream));
  if (rng.uniform01() >= p) return;
  tally.add(Ind::YouthLifeEventNeeds, static_cast<int>(e), 1);
  tally.add(Ind::YouthNeedOnsets, 0, 1);
  move_youth_position(ps, i, pos_unmet_light, tally);
}

/// Ends an adult's unmet Wmo need (no-op without one), counted by reason. The caller
/// takes the person off the Wmo waiting list where that applies.
inline void end_adult_need(Persons& ps, std::size_t i, AdultNeedEnd why, Tally& tally) {
  if (!ps.adult_need[i]) return;
  ps.adult_need[i] = 0;
  tally.add(Ind::WmoNeedEnds, static_cast<int>(why), 1);
}

// Starts a provision; false when the person already holds it. An unmet need for this
// provision is met by it, whatever the path (indication, place, eviction, youth care at 18).
inline bool start_wmo(Persons& ps, std::size_t i, int provision, Tally& tally) {
  const auto bit = static_cast<std::uint8_t>(1u << provision);
  if (provision > 0 && adult_need_bits::provision(ps.adult_need[i]) == provision)
    end_adult_need(ps, i, AdultNeedEnd::Met, tally);
  if (ps.wmo[i] & bit) return false;
  ps.wmo[i] |= bit;
  tally.add(Ind::WmoStarts, provision, 1);
  return true;
}

/// What the household-level phases need to know about a household this month.
struct HouseholdFacts {
  std::uint32_t head = 0;     // first living member
  bool any_alive = false;
  bool vulnerable_parent = false;  // a head or partner with LVB or a psychiatric vulnerability
  bool vulnerable_adult = false;   // any adult member with one
  bool low_literate_parent = false;  // a head or partner with low literacy (help-seeking)
  sim::Words4 words{};             // the household's month block (lanes: HouseholdLane)
};

}  // namespace zorgsim::models
