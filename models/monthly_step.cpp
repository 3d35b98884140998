#include "models/monthly_step.hpp"

#include <vector>

#include "models/streams.hpp"

namespace zorgsim::models {

namespace {

constexpr std::uint16_t dead = 0xFFFF;  // age_months marker until the block is compacted

bool alive(const Persons& ps, std::size_t i) { return ps.age_months[i] != dead; }
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

void start_wmo(Persons& ps, std::size_t i, int provision, Tally& tally) {
  const auto bit = static_cast<std::uint8_t>(1u << provision);
  if (ps.wmo[i] & bit) return;
  ps.wmo[i] |= bit;
  tally.add(Ind::WmoStarts, provision, 1);
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
  if (to_protected_living) {
    tally.add(Ind::YouthCliff, static_cast<int>(Cliff::ToProtectedLiving), 1);
    start_wmo(ps, i, static_cast<int>(WmoProvision::ProtectedLiving), tally);
  }
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
        b.any_death = true;
        continue;
      }
      if (female && is_parent(ps.traits[i]) && hh.size[h] < 250 && gives_birth(t.demography, y, w)) {
        sim::KeyedStream rng(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::Newborn));
        const bool girl = rng() >= t.demography.male_at_birth;
        std::uint8_t traits = trait::with_role(girl ? trait::female : 0, Role::Child);
        if (rng.uniform01() < t.params.population.lvb_prevalence) traits |= trait::lvb;
        b.births.push_back({static_cast<std::uint32_t>(h), newborn_id(ps.id[i], ctx.month_index), traits});
      }
      if (ps.age_months[i] < dead - 1) ++ps.age_months[i];
      youth_cliff(t, ps, i, ctx, tally);
    }
  }
}

// ---- household covariates ----------------------------------------------------------
struct HouseholdFacts {
  std::size_t head = 0;       // first living member
  bool any_alive = false;
  bool vulnerable_parent = false;
  bool vulnerable_adult = false;
};

HouseholdFacts facts(const Households& hh, const Persons& ps, std::size_t h) {
  HouseholdFacts f;
  const auto [begin, end] = members(hh, h);
  for (std::size_t i = begin; i < end; ++i) {
    if (!alive(ps, i)) continue;
    if (!f.any_alive) f.head = i, f.any_alive = true;
    const bool vulnerable = ps.traits[i] & (trait::lvb | trait::psychiatric);
    if (vulnerable && is_parent(ps.traits[i])) f.vulnerable_parent = true;
    if (vulnerable && years(ps.age_months[i]) >= 18) f.vulnerable_adult = true;
  }
  return f;
}

// ---- phase: welfare (bijstand) spells, per household -------------------------------
void welfare(const ModelTables& t, Block& b, const sim::StepContext& ctx, Tally& tally) {
  Households& hh = b.households;
  const Persons& ps = b.persons;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const HouseholdFacts f = facts(hh, ps, h);
    if (!f.any_alive) continue;  // dissolves at commit
    const int head_age = ps.age_months[f.head];
    const sim::Words4 w = sim::draw_words(ctx.key, hh.id[h], static_cast<std::uint32_t>(ctx.month_index),
                                          id(Stream::HouseholdMonth));
    const double u = sim::to_unit(w[LaneWelfare]);
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
                                                  hh.debt[h] == static_cast<std::uint8_t>(DebtState::Problematic));
      if (u < hazard) {
        hh.welfare[h] = 1;
        hh.income[h] = 0;
        tally.add(Ind::WelfareInflow);
      }
    }
  }
}

// ---- phase: youth care (Jeugdwet) ---------------------------------------------------
void youth_care(const ModelTables& t, Block& b, const sim::StepContext& ctx,
                const std::vector<sim::Words4>& words, Tally& tally) {
  Households& hh = b.households;
  Persons& ps = b.persons;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    const HouseholdFacts f = facts(hh, ps, h);
    YouthCovariates c{hh.income[h], hh.network[h], hh.type[h] == static_cast<int>(HouseholdType::SingleParent),
                      f.vulnerable_parent, hh.debt[h] == static_cast<std::uint8_t>(DebtState::Problematic), false};
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

void commit_births_and_deaths(Block& b, Tally& tally) {
  if (b.births.empty() && !b.any_death) return;
  const Households& old_hh = b.households;
  const Persons& old_ps = b.persons;
  Households hh;
  Persons ps;
  hh.id.reserve(old_hh.count());
  ps.id.reserve(old_ps.size() + b.births.size());
  std::size_t next_birth = 0;
  for (std::size_t h = 0; h < old_hh.count(); ++h) {
    const auto [begin, end] = members(old_hh, h);
    const std::size_t first = ps.size();
    bool head = false, partner = false;
    int children = 0;
    for (std::size_t i = begin; i < end; ++i) {
      if (!alive(old_ps, i)) continue;
      ps.id.push_back(old_ps.id[i]);
      ps.age_months.push_back(old_ps.age_months[i]);
      ps.traits.push_back(old_ps.traits[i]);
      ps.youth.push_back(old_ps.youth[i]);
      ps.wmo.push_back(old_ps.wmo[i]);
    }
    for (; next_birth < b.births.size() && b.births[next_birth].household == h; ++next_birth) {
      const PendingBirth& nb = b.births[next_birth];
      ps.id.push_back(nb.id);
      ps.age_months.push_back(0);
      ps.traits.push_back(nb.traits);
      ps.youth.push_back(0);
      ps.wmo.push_back(0);
      tally.add(Ind::Births);
      tally.add(Ind::YouthInflow, 0, 1);
    }
    const std::size_t size = ps.size() - first;
    if (size == 0) {  // everyone died: the household dissolves
      if (old_hh.welfare[h] > 0) tally.add(Ind::WelfareOutflow);
      continue;
    }
    // The head is the first member; promote the partner (or the first member) if the head died.
    for (std::size_t i = first; i < ps.size(); ++i) {
      const Role r = trait::role(ps.traits[i]);
      head |= r == Role::Head;
      partner |= r == Role::Partner;
      children += r == Role::Child;
    }
    bool orphaned = false;
    if (!head) {  // the head died: the partner takes over, else the first member
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
      if (promote != first) {
        std::swap(ps.id[first], ps.id[promote]);
        std::swap(ps.age_months[first], ps.age_months[promote]);
        std::swap(ps.traits[first], ps.traits[promote]);
        std::swap(ps.youth[first], ps.youth[promote]);
        std::swap(ps.wmo[first], ps.wmo[promote]);
      }
    }
    hh.id.push_back(old_hh.id[h]);
    hh.first.push_back(static_cast<std::uint32_t>(first));
    hh.size.push_back(static_cast<std::uint8_t>(size));
    hh.type.push_back(static_cast<std::uint8_t>(
        household_type_after(static_cast<HouseholdType>(old_hh.type[h]), !orphaned, partner, children)));
    hh.district.push_back(old_hh.district[h]);
    hh.income.push_back(old_hh.income[h]);
    hh.network.push_back(old_hh.network[h]);
    hh.debt.push_back(old_hh.debt[h]);
    hh.welfare.push_back(old_hh.welfare[h]);
  }
  b.households = std::move(hh);
  b.persons = std::move(ps);
  b.births.clear();
  b.any_death = false;
}

}  // namespace

// ---- phase: record stocks and the month's costs -------------------------------------
void record(const ModelTables& t, Block& b, const sim::StepContext& ctx, Tally& tally) {
  const Households& hh = b.households;
  Persons& ps = b.persons;
  const double index = t.price_index(ctx.month_index);
  double cost[cost_item_count] = {};
  double revenue = 0;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    tally.add(Ind::Households);
    tally.add(Ind::HouseholdsByIncome, hh.income[h], 1);
    tally.add(Ind::HouseholdsByDebt, hh.debt[h], 1);
    bool copay = false;
    for (std::size_t i = begin; i < end; ++i) {
      const int y = years(ps.age_months[i]);
      tally.add(Ind::Persons);
      tally.add(Ind::PersonsByAge, age_band(y), 1);
      if (y < 23) {
        const int s = youth_state(ps, i);
        tally.add(Ind::YouthStock, s, 1);
        tally.add(Ind::YouthTier, youth_tier(s), 1);
        if (s > 0) cost[cost_item_youth(s)] += t.youth.cost_per_month[s - 1];
        if (youth_tier(s) >= 2) ps.youth[i] |= youth_bits::care_this_year;
        if (y < 18 && (ps.youth[i] & youth_bits::care_this_year)) tally.add(Ind::YouthCareDuringYear);
      }
      if (y >= 18) {
        const std::uint8_t held = ps.wmo[i];
        const int tier = wmo_tier(held);
        tally.add(Ind::WmoTier, tier, 1);
        if (tier >= 2) tally.add(Ind::WmoAnyBespoke);
        for (int k = 0; k < wmo_provision_count; ++k)
          if ((held >> k) & 1) {
            tally.add(Ind::WmoClients, k, 1);
            cost[cost_item_wmo(k)] += t.wmo.cost_per_month[k];
          }
        copay |= pays_copayment(held);
      }
    }
    if (copay) revenue += t.wmo.copayment_per_month;
    if (hh.welfare[h] > 0) {
      tally.add(Ind::WelfareHouseholds);
      tally.add(Ind::WelfarePersons, static_cast<double>(hh.size[h]));
      if (hh.welfare[h] - 1 < 36) tally.add(Ind::WelfareShortSpells);
      cost[cost_item_welfare] += t.welfare.benefit_per_month;
    }
  }
  double net = -revenue * index;
  for (int k = 0; k < cost_item_count; ++k) {
    const double c = cost[k] * index;
    tally.add(Ind::CostByItem, k, c);
    tally.add(Ind::CostByLaw, static_cast<int>(cost_item_law[k]), c);
    net += c;
  }
  tally.add(Ind::CopaymentRevenue, revenue * index);
  tally.add(Ind::CostNet, net);
}

void step_block(const ModelTables& t, Block& block, const sim::StepContext& ctx, Tally& tally) {
  static thread_local std::vector<sim::Words4> words;  // scratch, not state
  start_month(block, ctx);
  draw_person_words(block, ctx, words);
  demography(t, block, ctx, words, tally);
  welfare(t, block, ctx, tally);
  youth_care(t, block, ctx, words, tally);
  social_support(t, block, ctx, words, tally);
  commit_births_and_deaths(block, tally);
  record(t, block, ctx, tally);
}

}  // namespace zorgsim::models
