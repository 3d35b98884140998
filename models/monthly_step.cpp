#include "models/monthly_step.hpp"

#include <vector>

#include "models/population_synthesis.hpp"
#include "models/streams.hpp"

namespace zorgsim::models {

namespace {

// age_months markers until the block is compacted: died, or moved out of the municipality.
constexpr std::uint16_t dead = 0xFFFF;
constexpr std::uint16_t gone = 0xFFFE;

bool alive(const Persons& ps, std::size_t i) { return ps.age_months[i] < gone; }
int youth_state(const Persons& ps, std::size_t i) { return ps.youth[i] & youth_bits::state_mask; }
void set_youth_state(Persons& ps, std::size_t i, int s) {
  ps.youth[i] = static_cast<std::uint8_t>((ps.youth[i] & ~youth_bits::state_mask) | s);
}
bool is_parent(std::uint8_t traits) {
  const Role r = trait::role(traits);
  return r == Role::Head || r == Role::Partner;
}

struct HouseholdView {
  std::size_t begin, end;  // person range
};
HouseholdView members(const Households& hh, std::size_t h) { return {hh.first[h], hh.first[h] + hh.size[h]}; }

void move_youth(Persons& ps, std::size_t i, int to, Tally& tally) {
  const int from = youth_state(ps, i);
  if (from == to) return;
  tally.add(Ind::YouthOutflow, from, 1);
  tally.add(Ind::YouthInflow, to, 1);
  set_youth_state(ps, i, to);
}

// Starts a provision; false when the person already holds it.
bool start_wmo(Persons& ps, std::size_t i, int provision, Tally& tally) {
  const auto bit = static_cast<std::uint8_t>(1u << provision);
  if (ps.wmo[i] & bit) return false;
  ps.wmo[i] |= bit;
  tally.add(Ind::WmoStarts, provision, 1);
  return true;
}

// ---- phase: start of month -------------------------------------------------------
// In January the "bespoke youth care since January" flag restarts from who is in care now.
void start_month(Block& b, const sim::StepContext& ctx) {
  if (ctx.month_index % 12 != 0) return;
  Persons& ps = b.persons;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    ps.youth[i] &= youth_bits::state_mask;
    if (youth_tier(youth_state(ps, i)) >= 2) ps.youth[i] |= youth_bits::care_this_year;
  }
}

// ---- phase: the month's random words, one keyed Philox block per person ----------
void draw_person_words(const Block& b, const sim::StepContext& ctx, std::vector<sim::Words4>& words) {
  const Persons& ps = b.persons;
  words.resize(ps.size());
  for (std::size_t i = 0; i < ps.size(); ++i)
    words[i] = sim::draw_words(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::PersonMonth));
}

// ---- phase: youth care at 18 and 23 (the 18-/18+ cliff) ----------------------------
void youth_cliff(const ModelTables& t, Persons& ps, std::size_t i, const sim::StepContext& ctx, Tally& tally) {
  const int age = ps.age_months[i];
  if (age != 18 * 12 && age != 23 * 12) return;
  const int state = youth_state(ps, i);
  const int tier = youth_tier(state);
  sim::KeyedStream rng(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::Cliff));
  const double u_extend = rng.uniform01();
  const double u_wmo = rng.uniform01();
  const bool to_protected_living = tier == 3 && u_wmo < t.youth.placement_to_protected_living;
  if (age == 18 * 12) {
    if (tier >= 2 && u_extend < t.youth.extension_after_18) {
      tally.add(Ind::YouthCliff, static_cast<int>(Cliff::ExtendedAt18), 1);
      return;
    }
    if (tier >= 2) tally.add(Ind::YouthCliff, static_cast<int>(Cliff::CareEndedAt18), 1);
    move_youth(ps, i, 0, tally);
  } else {  // 23: leaves the youth population whatever the state
    if (tier >= 2) tally.add(Ind::YouthCliff, static_cast<int>(Cliff::AgedOutAt23), 1);
    tally.add(Ind::YouthOutflow, state, 1);
    set_youth_state(ps, i, 0);
  }
  if (to_protected_living && start_wmo(ps, i, static_cast<int>(WmoProvision::ProtectedLiving), tally))
    tally.add(Ind::YouthCliff, static_cast<int>(Cliff::ToProtectedLiving), 1);
}

// ---- phase: demography (deaths, births, ageing) -------------------------------------
void demography(const ModelTables& t, Block& b, const sim::StepContext& ctx,
                const std::vector<sim::Words4>& words, Tally& tally) {
  Households& hh = b.households;
  Persons& ps = b.persons;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    for (std::size_t i = begin; i < end; ++i) {
      const int y = years(ps.age_months[i]);
      const bool female = ps.traits[i] & trait::female;
      const std::uint32_t w = words[i][LaneDemography];
      if (dies(t.demography, female, y, w)) {
        tally.add(Ind::Deaths);
        if (y < 23) tally.add(Ind::YouthOutflow, youth_state(ps, i), 1);
        for (int k = 0; k < wmo_provision_count; ++k)
          if ((ps.wmo[i] >> k) & 1) tally.add(Ind::WmoEnds, k, 1);
        ps.age_months[i] = dead;
        if (b.deaths.empty() || b.deaths.back() != h) b.deaths.push_back(static_cast<std::uint32_t>(h));
        continue;
      }
      // Age-specific fertility is defined per woman of that age, whatever her household:
      // the child joins the mother's household.
      if (female && hh.size[h] < 250 && gives_birth(t.demography, y, w)) {
        sim::KeyedStream rng(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::Newborn));
        const bool girl = rng() >= t.demography.male_at_birth;
        std::uint8_t traits = trait::with_role(girl ? trait::female : 0, Role::Child);
        if (rng.uniform01() < t.params.population.lvb_prevalence) traits |= trait::lvb;
        b.births.push_back({static_cast<std::uint32_t>(h), newborn_id(ps.id[i], ctx.month_index), traits});
      }
      if (ps.age_months[i] < gone - 1) ++ps.age_months[i];
      youth_cliff(t, ps, i, ctx, tally);
    }
  }
}

// ---- phase: household facts (after deaths, before the household-level phases) -------
struct HouseholdFacts {
  std::uint32_t head = 0;     // first living member
  bool any_alive = false;
  bool vulnerable_parent = false;  // a head or partner with LVB or a psychiatric vulnerability
  bool vulnerable_adult = false;   // any adult member with one
  sim::Words4 words{};             // the household's month block (lanes: HouseholdLane)
};

void household_facts(const Block& b, const sim::StepContext& ctx, std::vector<HouseholdFacts>& out) {
  const Households& hh = b.households;
  const Persons& ps = b.persons;
  out.assign(hh.count(), HouseholdFacts{});
  for (std::size_t h = 0; h < hh.count(); ++h) {
    HouseholdFacts& f = out[h];
    f.words = sim::draw_words(ctx.key, hh.id[h], static_cast<std::uint32_t>(ctx.month_index), id(Stream::HouseholdMonth));
    const auto [begin, end] = members(hh, h);
    for (std::size_t i = begin; i < end; ++i) {
      if (!alive(ps, i)) continue;
      if (!f.any_alive) f.head = static_cast<std::uint32_t>(i), f.any_alive = true;
      if (!(ps.traits[i] & (trait::lvb | trait::psychiatric))) continue;
      f.vulnerable_parent |= is_parent(ps.traits[i]);
      f.vulnerable_adult |= years(ps.age_months[i]) >= 18;
    }
  }
}

// ---- phase: welfare (bijstand) spells, per household -------------------------------
void welfare(const ModelTables& t, Block& b, const sim::StepContext& ctx, const std::vector<HouseholdFacts>& facts,
             Tally& tally) {
  Households& hh = b.households;
  const Persons& ps = b.persons;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const HouseholdFacts& f = facts[h];
    if (!f.any_alive) continue;  // dissolves at commit
    const int head_age = ps.age_months[f.head];
    const double u = sim::to_unit(f.words[LaneWelfare]);
    if (hh.welfare[h] > 0) {
      const int months_on = hh.welfare[h] - 1;
      if (head_age >= t.welfare.pension_age_months) {
        hh.welfare[h] = 0;  // state pension (AOW) replaces welfare; income stays at the minimum
        tally.add(Ind::WelfareOutflow);
      } else if (u < welfare_outflow_hazard(t.welfare, months_on)) {
        hh.welfare[h] = 0;
        sim::KeyedStream rng(ctx.key, hh.id[h], static_cast<std::uint32_t>(ctx.month_index), id(Stream::WelfareExit));
        hh.income[h] = static_cast<std::uint8_t>(income_after_welfare(t.welfare, rng.uniform01()));
        tally.add(Ind::WelfareOutflow);
      } else if (hh.welfare[h] < 0xFFFF) {
        ++hh.welfare[h];
      }
    } else if (head_age >= 18 * 12 && head_age < t.welfare.pension_age_months) {
      const double hazard = welfare_inflow_hazard(t.welfare, hh.type[h], hh.income[h], f.vulnerable_adult,
                                                  has_problematic_debts(hh.debt[h]));
      if (u < hazard) {
        hh.welfare[h] = 1;
        hh.income[h] = 0;
        tally.add(Ind::WelfareInflow);
      }
    }
  }
}

// ---- phase: debts, per household --------------------------------------------------
void debts(const ModelTables& t, Block& b, const sim::StepContext& ctx, const std::vector<HouseholdFacts>& facts,
           Tally& tally) {
  Households& hh = b.households;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    if (!facts[h].any_alive) continue;
    const int income = hh.income[h];
    const bool takes_up = hh.flags[h] & household_flags::takes_up_insurance;
    const bool uninsured_eligible = income <= t.debts.insurance_limit && !takes_up;
    const sim::Words4 w = sim::draw_words(ctx.key, hh.id[h], static_cast<std::uint32_t>(ctx.month_index), id(Stream::Debt));
    const int from = hh.debt[h];
    const int to = next_debt_state(t.debts, from, income, facts[h].vulnerable_adult, uninsured_eligible, sim::to_unit(w[0]));
    if (to == from) continue;
    hh.debt[h] = static_cast<std::uint8_t>(to);
    const DebtEvent e = to == 1 ? DebtEvent::ArrearsOnset
                        : to == 2 ? DebtEvent::BecameProblematic
                        : to == 3 ? DebtEvent::HelpStarted
                        : from == 3 ? DebtEvent::SettledAfterHelp
                                    : DebtEvent::Recovered;
    tally.add(Ind::DebtTransitions, static_cast<int>(e), 1);
  }
}

// ---- phase: household events (leaving the municipality, separation, a partner moving in,
// children leaving home) ---------------------------------------------------------------
void depart(Block& b, std::size_t h, Tally& tally) {
  Households& hh = b.households;
  Persons& ps = b.persons;
  const auto [begin, end] = members(hh, h);
  for (std::size_t i = begin; i < end; ++i) {
    if (!alive(ps, i)) continue;
    tally.add(Ind::Emigrants);
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
                           const sim::StepContext& ctx) {
  const PopulationParams& p = t.params.population;
  sim::KeyedStream rng(ctx.key, ps.id[head], static_cast<std::uint32_t>(ctx.month_index), id(Stream::Partner));
  const double gap = p.partner_age_gap_max * (2 * rng.uniform01() - 1);
  const int age = std::max(18 * 12, ps.age_months[head] + static_cast<int>(gap * 12));
  const bool female = !(ps.traits[head] & trait::female);
  std::uint8_t traits = trait::with_role(female ? trait::female : 0, Role::Partner);
  const int y = age / 12;
  if (rng.uniform01() < p.lvb_prevalence) traits |= trait::lvb;
  if (rng.uniform01() < p.psychiatric_prevalence) traits |= trait::psychiatric;
  if (rng.uniform01() < p.physical_limitation_by_adult_band[adult_band(y)]) traits |= trait::physical;
  if (rng.uniform01() < p.low_literacy_prevalence) traits |= trait::low_literacy;
  if (y < 67 && rng.uniform01() < p.employment_rate) traits |= trait::employed;
  return {h, partner_id(ps.id[head], ctx.month_index), static_cast<std::uint16_t>(age), traits};
}

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
    bool couple = (type == HouseholdType::Couple || type == HouseholdType::CoupleWithChildren) &&
                  trait::role(ps.traits[f.head]) == Role::Head;
    if (couple) {  // both partners still alive this month
      bool partner = false;
      for (std::size_t i = begin; i < end; ++i) partner |= alive(ps, i) && trait::role(ps.traits[i]) == Role::Partner;
      couple = partner;
    }
    std::size_t separating = end;
    if (couple && sim::to_unit(f.words[LaneSeparation]) < t.separation) {
      separating = f.head;
      b.moves.push_back({static_cast<std::uint32_t>(f.head), formed_household_id(ps.id[f.head], ctx.month_index),
                         hh.district[h], hh.income[h], hh.network[h], hh.debt[h], hh.flags[h]});
      tally.add(Ind::HouseholdEvents, static_cast<int>(HouseholdEvent::Separated), 1);
      sim::KeyedStream rng(ctx.key, hh.id[h], static_cast<std::uint32_t>(ctx.month_index), id(Stream::Separation));
      if (hh.income[h] > 0 && rng.uniform01() < t.params.demography.separation_income_drop) --hh.income[h];
    }
    const bool single_head = (type == HouseholdType::Single || type == HouseholdType::SingleParent) &&
                             trait::role(ps.traits[f.head]) == Role::Head && head_years >= 18 && head_years <= 59;
    if (single_head) {
      const int band = head_years <= 29 ? 0 : head_years <= 44 ? 1 : 2;
      if (sim::to_unit(f.words[LanePartnering]) < t.partnering[band]) {
        b.partners.push_back(partner_for(t, ps, f.head, static_cast<std::uint32_t>(h), ctx));
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
  }
}

// ---- phase: youth care (Jeugdwet) ---------------------------------------------------
void youth_care(const ModelTables& t, Block& b, const sim::StepContext& ctx, const std::vector<sim::Words4>& words,
                const std::vector<HouseholdFacts>& facts, Tally& tally) {
  Households& hh = b.households;
  Persons& ps = b.persons;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    const HouseholdFacts& f = facts[h];
    YouthCovariates c{hh.income[h], hh.network[h], hh.type[h] == static_cast<int>(HouseholdType::SingleParent),
                      f.vulnerable_parent, has_problematic_debts(hh.debt[h]), false};
    for (std::size_t i = begin; i < end; ++i) {
      if (!alive(ps, i)) continue;
      const int y = years(ps.age_months[i]);
      if (y >= 23) continue;
      c.own_lvb = ps.traits[i] & trait::lvb;
      const int state = youth_state(ps, i);
      int next = next_youth_state(t.youth, state, youth_band(y), t.youth.rr[c.index()],
                                  sim::to_unit(words[i][LaneYouth]));
      if (next == state) continue;
      if (next == new_placement) {
        sim::KeyedStream rng(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::PlacementForm));
        next = choose_placement_form(t.youth, rng.uniform01());
      }
      move_youth(ps, i, next, tally);
    }
  }
}

// ---- phase: social support (Wmo) ----------------------------------------------------
void social_support(const ModelTables& t, Block& b, const sim::StepContext& ctx,
                    const std::vector<sim::Words4>& words, Tally& tally) {
  Households& hh = b.households;
  Persons& ps = b.persons;
  const double index = t.price_index(ctx.month_index);
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    for (std::size_t i = begin; i < end; ++i) {
      if (!alive(ps, i)) continue;
      const int y = years(ps.age_months[i]);
      if (y < 18) continue;
      const WmoEvent e = next_wmo_event(t.wmo, ps.wmo[i], adult_band(y), trait::vulnerability_index(ps.traits[i]),
                                        hh.income[h], hh.network[h], sim::to_unit(words[i][LaneWmo]));
      switch (e.kind) {
        case WmoEvent::Start: start_wmo(ps, i, e.provision, tally); break;
        case WmoEvent::End:
          ps.wmo[i] &= static_cast<std::uint8_t>(~(1u << e.provision));
          tally.add(Ind::WmoEnds, e.provision, 1);
          break;
        case WmoEvent::HomeAdaptation: {
          const double cost = t.wmo.home_adaptation_cost * index;
          tally.add(Ind::HomeAdaptations);
          tally.add(Ind::CostByItem, cost_item_home_adaptation, cost);
          tally.add(Ind::CostByLaw, static_cast<int>(Law::Wmo), cost);
          tally.add(Ind::CostNet, cost);
          break;
        }
        case WmoEvent::None: break;
      }
    }
  }
}

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
}

void swap_persons(Persons& ps, std::size_t a, std::size_t b) {
  std::swap(ps.id[a], ps.id[b]);
  std::swap(ps.age_months[a], ps.age_months[b]);
  std::swap(ps.traits[a], ps.traits[b]);
  std::swap(ps.youth[a], ps.youth[b]);
  std::swap(ps.wmo[a], ps.wmo[b]);
}

void clear(Persons& ps) {
  ps.id.clear();
  ps.age_months.clear();
  ps.traits.clear();
  ps.youth.clear();
  ps.wmo.clear();
}

void append_new_person(Persons& ps, std::uint64_t id, std::uint16_t age, std::uint8_t traits) {
  ps.id.push_back(id);
  ps.age_months.push_back(age);
  ps.traits.push_back(traits);
  ps.youth.push_back(0);
  ps.wmo.push_back(0);
}

void copy_household(Households& hh, std::size_t to, std::size_t from) {
  hh.id[to] = hh.id[from], hh.size[to] = hh.size[from], hh.type[to] = hh.type[from];
  hh.district[to] = hh.district[from], hh.income[to] = hh.income[from], hh.network[to] = hh.network[from];
  hh.debt[to] = hh.debt[from], hh.welfare[to] = hh.welfare[from], hh.flags[to] = hh.flags[from];
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
    if (!head) {  // the head died or left: the partner takes over, else the first member
      std::size_t promote = first;
      for (std::size_t i = first; i < ps.size(); ++i)
        if (trait::role(ps.traits[i]) == Role::Partner) {
          promote = i;
          break;
        }
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
    HouseholdDraws draws(t.params.population, t.params.migration.arrival_adult_age_band_weight);
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

}  // namespace

// ---- phase: record stocks and the month's costs -------------------------------------
// Counts go to local integers first (the hot loop touches no tally memory), then once
// into the tally.
void record(const ModelTables& t, Block& b, const sim::StepContext& ctx, Tally& tally) {
  const Households& hh = b.households;
  Persons& ps = b.persons;
  const double index = t.price_index(ctx.month_index);
  long long persons = 0, by_age[age_band_count] = {}, youth_stock[youth_state_count] = {}, care_year = 0;
  long long wmo_clients[wmo_provision_count] = {}, wmo_tier[4] = {}, any_bespoke = 0;
  long long welfare_households = 0, welfare_persons = 0, spells[4] = {}, copaying = 0, by_type[household_type_count] = {};
  long long by_income[income_class_count] = {}, by_debt[debt_state_count] = {}, insured_households = 0;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    ++by_income[hh.income[h]];
    ++by_type[hh.type[h]];
    insured_households += insured(t.debts, hh.income[h], hh.flags[h] & household_flags::takes_up_insurance);
    ++by_debt[hh.debt[h]];
    std::uint8_t household_holdings = 0;
    for (std::size_t i = begin; i < end; ++i) {
      const int y = years(ps.age_months[i]);
      ++by_age[age_band(y)];
      if (y < 23) {
        const int s = youth_state(ps, i);
        ++youth_stock[s];
        if (youth_tier(s) >= 2) ps.youth[i] |= youth_bits::care_this_year;
        care_year += y < 18 && (ps.youth[i] & youth_bits::care_this_year);
      }
      if (y >= 18) {
        const std::uint8_t held = ps.wmo[i];
        const int tier = t.wmo.tier_of[held];
        ++wmo_tier[tier];
        any_bespoke += tier >= 2;
        household_holdings |= held;
        if (held)
          for (int k = 0; k < wmo_provision_count; ++k) wmo_clients[k] += (held >> k) & 1;
      }
    }
    persons += end - begin;
    copaying += pays_copayment(household_holdings);
    if (hh.welfare[h] > 0) {
      ++welfare_households;
      welfare_persons += end - begin;
      const int months_on = hh.welfare[h] - 1;
      ++spells[months_on < 12 ? 0 : months_on < 36 ? 1 : months_on < 72 ? 2 : 3];
    }
  }
  tally.add(Ind::Persons, static_cast<double>(persons));
  tally.add(Ind::Households, static_cast<double>(hh.count()));
  for (int a = 0; a < age_band_count; ++a) tally.add(Ind::PersonsByAge, a, static_cast<double>(by_age[a]));
  for (int s = 0; s < youth_state_count; ++s) {
    tally.add(Ind::YouthStock, s, static_cast<double>(youth_stock[s]));
    tally.add(Ind::YouthTier, youth_tier(s), static_cast<double>(youth_stock[s]));
  }
  tally.add(Ind::YouthCareDuringYear, static_cast<double>(care_year));
  for (int k = 0; k < wmo_provision_count; ++k) tally.add(Ind::WmoClients, k, static_cast<double>(wmo_clients[k]));
  for (int r = 0; r < 4; ++r) tally.add(Ind::WmoTier, r, static_cast<double>(wmo_tier[r]));
  tally.add(Ind::WmoAnyBespoke, static_cast<double>(any_bespoke));
  tally.add(Ind::WelfareHouseholds, static_cast<double>(welfare_households));
  tally.add(Ind::WelfarePersons, static_cast<double>(welfare_persons));
  for (int d = 0; d < 4; ++d) tally.add(Ind::WelfareSpells, d, static_cast<double>(spells[d]));
  for (int k = 0; k < household_type_count; ++k) tally.add(Ind::HouseholdsByType, k, static_cast<double>(by_type[k]));
  for (int i = 0; i < income_class_count; ++i) tally.add(Ind::HouseholdsByIncome, i, static_cast<double>(by_income[i]));
  for (int d = 0; d < debt_state_count; ++d) tally.add(Ind::HouseholdsByDebt, d, static_cast<double>(by_debt[d]));

  // Money: client-months x monthly cost, indexed to the month's year.
  double cost[cost_item_count] = {};
  for (int s = 1; s < youth_state_count; ++s) cost[cost_item_youth(s)] = youth_stock[s] * t.youth.cost_per_month[s - 1];
  for (int k = 0; k < wmo_provision_count; ++k) cost[cost_item_wmo(k)] = wmo_clients[k] * t.wmo.cost_per_month[k];
  cost[cost_item_welfare] = welfare_households * t.welfare.benefit_per_month;
  cost[cost_item_insurance] = insured_households * t.debts.insurance_cost_per_month;
  cost[cost_item_debt_help] = by_debt[static_cast<int>(DebtState::ReliefOrGuardianship)] * t.debts.help_cost_per_month;
  tally.add(Ind::InsuranceMembers, static_cast<double>(insured_households));
  const double revenue = copaying * t.wmo.copayment_per_month * index;
  double net = -revenue;
  for (int k = 0; k < cost_item_count; ++k) {
    const double c = cost[k] * index;
    tally.add(Ind::CostByItem, k, c);
    tally.add(Ind::CostByLaw, static_cast<int>(cost_item_law[k]), c);
    net += c;
  }
  tally.add(Ind::CopaymentRevenue, revenue);
  tally.add(Ind::CostNet, net);
}

// Per-thread scratch buffers: reused between blocks for speed; they hold nothing that
// outlives a block's step, so which thread runs a block cannot change a result.
struct Scratch {
  std::vector<sim::Words4> words;
  std::vector<HouseholdFacts> facts;
  Persons spare;
};

void step_block(const ModelTables& t, Block& block, const sim::StepContext& ctx, Tally& tally) {
  static thread_local Scratch scratch;
  start_month(block, ctx);
  draw_person_words(block, ctx, scratch.words);
  demography(t, block, ctx, scratch.words, tally);
  household_facts(block, ctx, scratch.facts);
  welfare(t, block, ctx, scratch.facts, tally);
  debts(t, block, ctx, scratch.facts, tally);
  household_events(t, block, ctx, scratch.facts, tally);
  youth_care(t, block, ctx, scratch.words, scratch.facts, tally);
  social_support(t, block, ctx, scratch.words, tally);
  commit_household_changes(t, block, ctx, scratch.spare, tally);
  record(t, block, ctx, tally);
}

}  // namespace zorgsim::models
