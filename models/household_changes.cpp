#include "models/household_changes.hpp"

#include <algorithm>

#include "models/population_synthesis.hpp"
#include "models/streams.hpp"
#include "models/waiting_lists.hpp"
#include "models/wijkteam.hpp"

namespace zorgsim::models {

namespace {
// ---- phase: household events (leaving the municipality, separation, a partner moving in,
// children leaving home) ---------------------------------------------------------------
void depart(Block& b, std::size_t h, Tally& tally) {
  Households& hh = b.households;
  Persons& ps = b.persons;
  const auto [begin, end] = members(hh, h);
  for (std::size_t i = begin; i < end; ++i) {
    if (!alive(ps, i)) continue;
    tally.add(Ind::Emigrants);
    leave_waiting_list(ps, i, WaitingExit::DiedOrMoved, tally);
    leave_triage_queue(ps, i, QueueExit::DiedOrMoved, tally);
    if (ps.protection[i]) tally.add(Ind::ProtectionEnds, ps.protection[i] - 1, 1);
    leave_wmo_waiting_list(ps, i, tally);
    end_adult_need(ps, i, AdultNeedEnd::DiedOrMoved, tally);
    if (ps.wlz[i]) tally.add(Ind::WlzExits, 1, 1);
    if (years(ps.age_months[i]) < 23) tally.add(Ind::YouthOutflow, youth_state(ps, i), 1);
    for (int k = 0; k < wmo_provision_count; ++k)
      if ((ps.wmo[i] >> k) & 1) tally.add(Ind::WmoEnds, k, 1);
    ps.age_months[i] = gone;
  }
  if (hh.welfare[h] > 0) tally.add(Ind::WelfareOutflow);
  tally.add(Ind::HouseholdEvents, static_cast<int>(HouseholdEvent::Departed), 1);
  b.departed.push_back(static_cast<std::uint32_t>(h));
}

int departure_band(int years) { return years <= 29 ? 0 : years <= 44 ? 1 : years <= 64 ? 2 : 3; }

PendingPartner partner_for(const ModelTables& t, const Persons& ps, std::size_t head, std::uint32_t h,
                           const Households& hh, const sim::StepContext& ctx) {
  const PopulationParams& p = t.params.population;
  sim::KeyedStream rng(ctx.key, ps.id[head], static_cast<std::uint32_t>(ctx.month_index), id(Stream::Partner));
  const double gap = p.partner_age_gap_max * (2 * rng.uniform01() - 1);
  const int age = std::max(18 * 12, ps.age_months[head] + static_cast<int>(gap * 12));
  const bool female = !(ps.traits[head] & trait::female);
  std::uint8_t traits = trait::with_role(female ? trait::female : 0, Role::Partner);
  const int y = age / 12;
  if (rng.uniform01() < p.lvb_prevalence) traits |= trait::lvb;
  if (rng.uniform01() < p.psychiatric_prevalence) traits |= trait::psychiatric;
  if (rng.uniform01() < t.frailty.prevalence[static_cast<std::size_t>(std::min(y, 127))]) traits |= trait::physical;
  if (rng.uniform01() < p.low_literacy_prevalence) traits |= trait::low_literacy;
  // Employed with the stationary probability of the partner's group (not in a household on welfare).
  const int group = employment_group(trait::vulnerable(traits), has_problematic_debts(hh.debt[h]));
  const bool employed = rng.uniform01() < t.employment.stationary[group];
  if (age < t.employment.max_age_months && !hh.welfare[h] && employed) traits |= trait::employed;
  return {h, partner_id(ps.id[head], ctx.month_index), static_cast<std::uint16_t>(age), traits};
}

}  // namespace

void household_events(const ModelTables& t, Block& b, const sim::StepContext& ctx,
                      const std::vector<HouseholdFacts>& facts, Tally& tally) {
  Households& hh = b.households;
  Persons& ps = b.persons;
  const auto& income_share = t.params.population.income_share_non_welfare;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const HouseholdFacts& f = facts[h];
    if (!f.any_alive) continue;
    const int head_years = years(ps.age_months[f.head]);
    if (sim::to_unit(f.words[LaneDeparture]) < t.departure[departure_band(head_years)]) {
      depart(b, h, tally);
      continue;
    }
    const auto type = static_cast<HouseholdType>(hh.type[h]);
    const auto [begin, end] = members(hh, h);
    const std::size_t moves_before = b.moves.size();
    // A couple: the head and a living partner.
    std::size_t partner = end;
    if ((type == HouseholdType::Couple || type == HouseholdType::CoupleWithChildren) &&
        trait::role(ps.traits[f.head]) == Role::Head)
      for (std::size_t i = begin; i < end; ++i)
        if (alive(ps, i) && trait::role(ps.traits[i]) == Role::Partner) partner = i;
    std::size_t separating = end;
    if (partner != end && sim::to_unit(f.words[LaneSeparation]) < t.separation) {
      // The children stay with their mother (a partner who moved in later is never a
      // child's parent here): the man moves out, or the head when both are women or men.
      const bool head_female = ps.traits[f.head] & trait::female, partner_female = ps.traits[partner] & trait::female;
      separating = head_female && !partner_female ? partner : f.head;
      b.moves.push_back({static_cast<std::uint32_t>(separating), formed_household_id(ps.id[separating], ctx.month_index),
                         hh.district[h], hh.income[h], hh.network[h], hh.debt[h], hh.flags[h]});
      tally.add(Ind::HouseholdEvents, static_cast<int>(HouseholdEvent::Separated), 1);
      sim::KeyedStream rng(ctx.key, hh.id[h], static_cast<std::uint32_t>(ctx.month_index), id(Stream::Separation));
      const bool children_stay = type == HouseholdType::CoupleWithChildren;
      if (rng.uniform01() < t.params.demography.separation_income_drop && children_stay && hh.income[h] > 0)
        --hh.income[h];
      if (children_stay)
        for (std::size_t i = begin; i < end; ++i)
          if (i != separating && trait::role(ps.traits[i]) == Role::Child)
            life_event_need(ps, i, t.params.youth.separation_need, LifeEvent::Separation, ctx, tally);
    }
    const bool single_head = (type == HouseholdType::Single || type == HouseholdType::SingleParent) &&
                             trait::role(ps.traits[f.head]) == Role::Head && head_years >= 18 && head_years <= 59;
    if (single_head) {
      const int band = head_years <= 29 ? 0 : head_years <= 44 ? 1 : 2;
      if (sim::to_unit(f.words[LanePartnering]) < t.partnering[band]) {
        b.partners.push_back(partner_for(t, ps, f.head, static_cast<std::uint32_t>(h), hh, ctx));
        tally.add(Ind::HouseholdEvents, static_cast<int>(HouseholdEvent::PartnerMovedIn), 1);
      }
    }
    if (type == HouseholdType::Single || type == HouseholdType::Couple) continue;  // no children at home
    for (std::size_t i = begin; i < end; ++i) {  // children at home 18-29 leaving to live alone
      if (i == separating || !alive(ps, i) || trait::role(ps.traits[i]) != Role::Child) continue;
      const int y = years(ps.age_months[i]);
      if (y < 18 || y > 29) continue;
      const sim::Words4 w =
          sim::draw_words(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::LeaveHome));
      if (sim::to_unit(w[0]) >= t.leave_home[y <= 22 ? 0 : 1]) continue;
      const double u = sim::to_unit(w[1]);
      int income = 0;
      for (double c = income_share[0]; income < income_class_count - 1 && u >= c; c += income_share[++income]) {}
      b.moves.push_back({static_cast<std::uint32_t>(i), formed_household_id(ps.id[i], ctx.month_index),
                         hh.district[h], static_cast<std::uint8_t>(income), hh.network[h],
                         static_cast<std::uint8_t>(DebtState::None), hh.flags[h]});
      tally.add(Ind::HouseholdEvents, static_cast<int>(HouseholdEvent::LeftHome), 1);
    }
    // The commit walks moves in person order: a partner who moved in is stored after the children.
    std::sort(b.moves.begin() + static_cast<std::ptrdiff_t>(moves_before), b.moves.end(),
              [](const PendingMove& x, const PendingMove& y) { return x.person < y.person; });
  }
}


namespace {
// ---- phase: commit births and deaths (keeps households contiguous) ------------------
// Household type after members died or were born. An orphaned child heading the
// household makes it "other" (the model has no foster families for orphans yet).
HouseholdType household_type_after(HouseholdType before, bool adult_head, bool partner, int children) {
  if (before == HouseholdType::Other || !adult_head) return HouseholdType::Other;
  if (partner) return children > 0 ? HouseholdType::CoupleWithChildren : HouseholdType::Couple;
  return children > 0 ? HouseholdType::SingleParent : HouseholdType::Single;
}

template <class V>
void append(V& dst, const V& src, std::size_t begin, std::size_t end) {
  dst.insert(dst.end(), src.begin() + static_cast<std::ptrdiff_t>(begin), src.begin() + static_cast<std::ptrdiff_t>(end));
}

void append_person(Persons& dst, const Persons& src, std::size_t begin, std::size_t end) {
  append(dst.id, src.id, begin, end);
  append(dst.age_months, src.age_months, begin, end);
  append(dst.traits, src.traits, begin, end);
  append(dst.youth, src.youth, begin, end);
  append(dst.wmo, src.wmo, begin, end);
  append(dst.youth_wait, src.youth_wait, begin, end);
  append(dst.protection, src.protection, begin, end);
  append(dst.youth_need, src.youth_need, begin, end);
  append(dst.adult_need, src.adult_need, begin, end);
  append(dst.wlz, src.wlz, begin, end);
  append(dst.wmo_wait, src.wmo_wait, begin, end);
  append(dst.care, src.care, begin, end);
}

void swap_persons(Persons& ps, std::size_t a, std::size_t b) {
  std::swap(ps.id[a], ps.id[b]);
  std::swap(ps.age_months[a], ps.age_months[b]);
  std::swap(ps.traits[a], ps.traits[b]);
  std::swap(ps.youth[a], ps.youth[b]);
  std::swap(ps.wmo[a], ps.wmo[b]);
  std::swap(ps.youth_wait[a], ps.youth_wait[b]);
  std::swap(ps.protection[a], ps.protection[b]);
  std::swap(ps.youth_need[a], ps.youth_need[b]);
  std::swap(ps.adult_need[a], ps.adult_need[b]);
  std::swap(ps.wlz[a], ps.wlz[b]);
  std::swap(ps.wmo_wait[a], ps.wmo_wait[b]);
  std::swap(ps.care[a], ps.care[b]);
}

void clear(Persons& ps) {
  ps.id.clear();
  ps.age_months.clear();
  ps.traits.clear();
  ps.youth.clear();
  ps.wmo.clear();
  ps.youth_wait.clear();
  ps.protection.clear();
  ps.youth_need.clear();
  ps.adult_need.clear();
  ps.wlz.clear();
  ps.wmo_wait.clear();
  ps.care.clear();
}

void append_new_person(Persons& ps, std::uint64_t id, std::uint16_t age, std::uint8_t traits) {
  ps.id.push_back(id);
  ps.age_months.push_back(age);
  ps.traits.push_back(traits);
  ps.youth.push_back(0);
  ps.wmo.push_back(0);
  ps.youth_wait.push_back(0);
  ps.protection.push_back(0);
  ps.youth_need.push_back(0);
  ps.adult_need.push_back(0);
  ps.wlz.push_back(0);
  ps.wmo_wait.push_back(0);
  ps.care.push_back({});
}

void copy_household(Households& hh, std::size_t to, std::size_t from) {
  hh.id[to] = hh.id[from], hh.size[to] = hh.size[from], hh.type[to] = hh.type[from];
  hh.district[to] = hh.district[from], hh.income[to] = hh.income[from], hh.network[to] = hh.network[from];
  hh.debt[to] = hh.debt[from], hh.welfare[to] = hh.welfare[from], hh.flags[to] = hh.flags[from];
  hh.welfare_care[to] = hh.welfare_care[from], hh.debt_care[to] = hh.debt_care[from];
}

void push_household(Households& hh, std::uint64_t id, std::size_t first, std::size_t size, HouseholdType type,
                    std::uint8_t district, std::uint8_t income, std::uint8_t network, std::uint8_t debt,
                    std::uint8_t flags) {
  hh.id.push_back(id);
  hh.first.push_back(static_cast<std::uint32_t>(first));
  hh.size.push_back(static_cast<std::uint8_t>(size));
  hh.type.push_back(static_cast<std::uint8_t>(type));
  hh.district.push_back(district);
  hh.income.push_back(income);
  hh.network.push_back(network);
  hh.debt.push_back(debt);
  hh.welfare.push_back(0);
  hh.flags.push_back(flags);
  hh.welfare_care.push_back(no_care);
  hh.debt_care.push_back(no_care);
}

// Cursor over an ascending list of pending events keyed by household (or person) index.
template <class V, class Key>
struct Cursor {
  const V& items;
  Key key;
  std::size_t next = 0;
  bool at(std::size_t index) const { return next < items.size() && key(items[next]) == index; }
};

// Rebuilds the block's arrays after the month's demographic events: without the dead and
// the departed, with newborns and partners moving in placed after their household's
// members, and with new households (persons moving out, arrivals) at the end. Only
// households with an event are looked at; the persons in between are copied in bulk.
// `spare` is a reusable buffer that receives the new person arrays and is swapped in.
}  // namespace

void commit_household_changes(const ModelTables& t, Block& b, const sim::StepContext& ctx, Persons& spare,
                              Tally& tally) {
  if (b.births.empty() && b.deaths.empty() && b.departed.empty() && b.moves.empty() && b.partners.empty() &&
      b.arrivals.empty())
    return;
  Households& hh = b.households;
  const Persons& old = b.persons;
  Persons& ps = spare;
  clear(ps);
  ps.id.reserve(old.size() + b.births.size() + b.partners.size() + b.arrivals.size() * 3);
  Cursor births{b.births, [](const PendingBirth& x) -> std::size_t { return x.household; }};
  Cursor partners{b.partners, [](const PendingPartner& x) -> std::size_t { return x.household; }};
  Cursor deaths{b.deaths, [](std::uint32_t x) -> std::size_t { return x; }};
  Cursor departed{b.departed, [](std::uint32_t x) -> std::size_t { return x; }};
  Cursor moves{b.moves, [](const PendingMove& x) -> std::size_t { return x.person; }};
  std::size_t kept = 0, copied_to = 0;  // old persons [0, copied_to) are done
  const auto flush_until = [&](std::size_t old_index) {  // bulk-copy unchanged persons
    if (old_index > copied_to) append_person(ps, old, copied_to, old_index);
    copied_to = old_index;
  };
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    const bool has_move = moves.next < b.moves.size() && b.moves[moves.next].person < end;
    if (departed.at(h)) {  // the whole household left (flows were counted when it left)
      ++departed.next;
      deaths.next += deaths.at(h);
      while (births.at(h)) ++births.next;  // born just before leaving: born elsewhere
      flush_until(begin);
      copied_to = end;
      continue;
    }
    if (!births.at(h) && !deaths.at(h) && !partners.at(h) && !has_move) {  // unchanged: travels in bulk
      hh.first[kept] = static_cast<std::uint32_t>(begin - copied_to + ps.size());
      if (kept != h) copy_household(hh, kept, h);
      ++kept;
      continue;
    }
    deaths.next += deaths.at(h);
    flush_until(begin);
    const std::size_t first = ps.size();
    for (std::size_t i = begin; i < end; ++i) {
      if (moves.at(i)) {  // moves out: placed in its new household below
        ++moves.next;
        continue;
      }
      if (alive(old, i)) append_person(ps, old, i, i + 1);
    }
    copied_to = end;
    for (; births.at(h); ++births.next) {
      const PendingBirth& nb = b.births[births.next];
      append_new_person(ps, nb.id, 0, nb.traits);
      tally.add(Ind::Births);
      tally.add(Ind::YouthInflow, 0, 1);
      if (nb.need) {  // position 7: a light unmet need from birth
        ps.youth_need.back() = static_cast<std::uint8_t>(pos_unmet_light - 6);
        tally.add(Ind::YouthLifeEventNeeds, static_cast<int>(LifeEvent::BirthToVulnerableParent), 1);
        tally.add(Ind::YouthNeedOnsets, 0, 1);
      }
    }
    for (; partners.at(h); ++partners.next) {
      const PendingPartner& np = b.partners[partners.next];
      append_new_person(ps, np.id, np.age_months, np.traits);
      tally.add(Ind::Immigrants);
      if (years(np.age_months) < 23) tally.add(Ind::YouthInflow, 0, 1);
    }
    const std::size_t size = ps.size() - first;
    if (size == 0) {  // nobody left: everyone died (or the last member moved out)
      if (hh.welfare[h] > 0) tally.add(Ind::WelfareOutflow);
      tally.add(Ind::HouseholdEvents, static_cast<int>(HouseholdEvent::Dissolved), 1);
      continue;
    }
    bool head = false, partner = false, orphaned = false;
    int children = 0;
    for (std::size_t i = first; i < ps.size(); ++i) {
      const Role r = trait::role(ps.traits[i]);
      head |= r == Role::Head;
      partner |= r == Role::Partner;
      children += r == Role::Child;
    }
    if (!head) {  // the head died or left: the partner takes over, else the oldest member
      std::size_t promote = first;
      bool found_partner = false;
      for (std::size_t i = first; i < ps.size(); ++i)
        if (trait::role(ps.traits[i]) == Role::Partner) {
          promote = i, found_partner = true;
          break;
        }
      if (!found_partner)
        for (std::size_t i = first; i < ps.size(); ++i)
          if (ps.age_months[i] > ps.age_months[promote]) promote = i;
      const Role was = trait::role(ps.traits[promote]);
      partner &= was != Role::Partner;
      if (was == Role::Child) --children, orphaned = true;
      ps.traits[promote] = trait::with_role(ps.traits[promote], Role::Head);
      if (promote != first) swap_persons(ps, first, promote);
    }
    copy_household(hh, kept, h);  // households are compacted in place: kept <= h
    hh.first[kept] = static_cast<std::uint32_t>(first);
    hh.size[kept] = static_cast<std::uint8_t>(size);
    hh.type[kept] = static_cast<std::uint8_t>(
        household_type_after(static_cast<HouseholdType>(hh.type[h]), !orphaned, partner, children));
    ++kept;
  }
  flush_until(old.size());
  hh.resize(kept);
  for (const PendingMove& m : b.moves) {  // new one-person households
    const std::size_t first = ps.size();
    append_person(ps, old, m.person, m.person + 1);
    ps.traits[first] = trait::with_role(ps.traits[first], Role::Head);
    push_household(hh, m.household, first, 1, HouseholdType::Single, m.district, m.income, m.network, m.debt, m.flags);
  }
  std::swap(b.persons, spare);
  if (!b.arrivals.empty()) {  // households moving in
    HouseholdDraws draws(t.params.population, t.params.migration.arrival_adult_age_group_weight);
    for (std::uint64_t id : b.arrivals) {
      const std::size_t before = b.persons.size();
      append_household(t, draws, ctx.key, ctx.month_index, id, Origin::Arrival, b);
      tally.add(Ind::HouseholdEvents, static_cast<int>(HouseholdEvent::Arrived), 1);
      for (std::size_t i = before; i < b.persons.size(); ++i) {
        tally.add(Ind::Immigrants);
        if (years(b.persons.age_months[i]) < 23) tally.add(Ind::YouthInflow, 0, 1);
      }
    }
  }
  b.births.clear();
  b.deaths.clear();
  b.departed.clear();
  b.moves.clear();
  b.partners.clear();
  b.arrivals.clear();
}


}  // namespace zorgsim::models
