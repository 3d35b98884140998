#include "models/provision_use.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "models/block_access.hpp"
#include "models/policy_schedule.hpp"
#include "models/streams.hpp"
#include "models/waiting_lists.hpp"
#include "models/wijkteam.hpp"

namespace zorgsim::models {

namespace {

// Per-thread accumulators, reused between blocks (nothing outlives a block's record).
// Units are kept per measure cell (policy_schedule.hpp): a measure may change the tariff or
// the intensity for its target group only.
struct Accumulators {
  std::vector<long long> clients, capped, waiting;
  std::vector<double> units;  // [cell][provision]
  std::size_t n = 0;
  void reset(std::size_t provisions, int cells) {
    n = provisions;
    clients.assign(n, 0);
    capped.assign(n, 0);
    waiting.assign(n, 0);
    units.assign(n * static_cast<std::size_t>(cells), 0.0);
  }
  double& units_of(int cell, int p) { return units[static_cast<std::size_t>(cell) * n + static_cast<std::size_t>(p)]; }
};

void count(const ModelTables& t, Accumulators& acc, int cell, int slot, std::uint8_t care, double members = 1) {
  const int p = t.provisions.index(slot, care);
  const Provision& prov = t.provisions.provisions[p];
  const int level = care_level(care);
  ++acc.clients[p];
  acc.capped[p] += prov.capped[level];
  acc.units_of(cell, p) += prov.units_at(level) * (prov.per_member ? members : 1.0);
}

// Reach slots: each household of the slot's population takes part in each of its
// provisions with probability `share`, by a propensity drawn once per household.
void reach(const ModelTables& t, Accumulators& acc, int cell, int slot, std::uint64_t household, const Eligibility& who,
           double members, const sim::StepContext& ctx) {
  for (int p : t.provisions.by_slot[slot]) {
    const Provision& prov = t.provisions.provisions[p];
    if (!prov.eligible(who)) continue;
    const sim::Words4 w = sim::draw_words(ctx.key, household, reach_month, id(Stream::ProvisionReach, p));
    if (sim::to_unit(w[0]) >= prov.share) continue;
    const int level = draw_level(prov, sim::to_unit(w[1]));
    ++acc.clients[p];
    acc.capped[p] += prov.capped[level];
    acc.units_of(cell, p) += prov.units_at(level) * (prov.per_member ? members : 1.0);
  }
}

// A youth-care indication stopped although the need remains: the need becomes unmet again.
void stop_youth_care(Persons& ps, std::size_t i, Tally& tally) {
  move_youth_position(ps, i, youth_state(ps, i) == 1 ? pos_unmet_light : pos_unmet_moderate, tally);
}

}  // namespace

std::uint8_t draw_provision(const ModelTables& t, int slot, const Eligibility& who, std::uint64_t entity,
                            const sim::StepContext& ctx) {
  const sim::Words4 w = sim::draw_words(ctx.key, entity, static_cast<std::uint32_t>(ctx.month_index),
                                        id(Stream::ProvisionChoice, slot));
  return choose_provision(t.provisions, slot, who, sim::to_unit(w[0]), sim::to_unit(w[1]));
}

std::uint8_t assign_provision(const ModelTables& t, std::uint8_t& care, int slot, const Eligibility& who,
                              std::uint64_t entity, const sim::StepContext& ctx, Tally& tally) {
  if (care != no_care) return care;
  care = draw_provision(t, slot, who, entity, ctx);
  if (ctx.step >= 0) tally.add(Ind::ProvisionStarts, t.provisions.index(slot, care), 1);
  return care;
}

double copayment(const ModelTables& t, int income, int month_index) {
  // Amounts are in base-year prices, indexed like the tariffs.
  const WmoParams& w = t.params.wmo;
  const double index = t.price_index(month_index);
  if (w.income_dependent_copayment && month_index >= t.income_copayment_from)
    return w.copayment_by_income_class[income] * index;
  return w.copayment_per_month * index;
}

void review_indications(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx, Tally& tally) {
  const PolicyView pv(pm, b);
  Persons& ps = b.persons;
  const auto month = static_cast<std::uint32_t>(ctx.month_index);
  const ModelTables* tp = &pm.base();
  // Returns false when the indication was stopped.
  const auto review = [&](std::size_t i, std::uint8_t& care, int slot, bool stoppable) {
    const ProvisionTables& pt = tp->provisions;
    const int p = pt.index(slot, care);
    const Provision& prov = pt.provisions[p];
    if (prov.reevaluation <= 0 && prov.renewal <= 0) return true;
    const sim::Words4 w = sim::draw_words(ctx.key, ps.id[i], month, id(Stream::ProvisionReview, slot));
    const int level = draw_level(prov, sim::to_unit(w[1]));
    if (sim::to_unit(w[0]) < prov.reevaluation) {
      care = make_care(care_variant(care), level);
      tally.add(Ind::ProvisionReevaluations, p, 1);
    }
    if (sim::to_unit(w[2]) >= prov.renewal) return true;
    if (stoppable && sim::to_unit(w[3]) < prov.stop_at_renewal) {
      tally.add(Ind::ProvisionStops, p, 1);
      care = no_care;
      return false;
    }
    care = make_care(care_variant(care), level);
    tally.add(Ind::ProvisionRenewals, p, 1);
    return true;
  };
  for (std::size_t i = 0; i < ps.size(); ++i) {
    if (!alive(ps, i)) continue;
    tp = &pv.person(i);
    const ModelTables& t = *tp;
    const ProvisionTables& pt = t.provisions;
    CareBytes& c = ps.care[i];
    const int state = youth_state(ps, i);
    if (c.youth != no_care && state >= 1 && years(ps.age_months[i]) < 23) {
      const int slot = slot_of_youth_state(state);
      // Only care that meets a need can be stopped (not a bridging or stepped general
      // provision, and not placements: they end by their own exits).
      const bool met = !(ps.youth_need[i] & youth_need_bits::unmet_mask) && !ps.youth_wait[i];
      if (!review(i, c.youth, slot, met && state <= 2)) {
        stop_youth_care(ps, i, tally);
      } else if (met && state <= 2 && t.params.youth.under_intensity_escalation > 0 &&
                 pt.provisions[pt.index(slot, c.youth)].capped[care_level(c.youth)]) {
        // Care below need (Q capped by the norm) may escalate into a crisis placement.
        const sim::Words4 w = sim::draw_words(ctx.key, ps.id[i], month, id(Stream::UnderIntensity));
        if (sim::to_unit(w[0]) < t.params.youth.under_intensity_escalation) {
          const int form = choose_placement_form(t.youth, sim::to_unit(w[1]));
          count_youth_escalation(tally, Escalation::UnderIntensityToCrisis, b.households.income[household_of(b.households, i)]);
          tally.add(Ind::YouthPlacementStarts, form - 3, 1);
          move_youth_position(ps, i, form, tally);
          c.youth = no_care;
        }
      }
    }
    if (c.protection != no_care && ps.protection[i]) review(i, c.protection, static_cast<int>(Slot::ChildProtection), false);
    if (!ps.wmo[i]) continue;
    for (int k = 0; k < wmo_provision_count; ++k) {
      if (c.wmo[k] == no_care || !((ps.wmo[i] >> k) & 1)) continue;
      if (!review(i, c.wmo[k], slot_of_wmo(k), true)) {
        ps.wmo[i] &= static_cast<std::uint8_t>(~(1u << k));
        tally.add(Ind::WmoEnds, k, 1);
      }
    }
  }
}

double record_provisions(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx, Tally& tally) {
  static thread_local Accumulators acc;
  const ProvisionTables& pt = pm.base().provisions;  // the catalogue's structure: the same in every cell
  acc.reset(pt.provisions.size(), pm.cells());
  const bool uniform = pm.targets.empty();
  Households& hh = b.households;
  Persons& ps = b.persons;
  double revenue = 0;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    if (begin == end) continue;
    Eligibility who = household_who(hh, h, 0);
    bool copaying = false;
    for (std::size_t i = begin; i < end; ++i) {
      CareBytes& c = ps.care[i];
      const int y = years(ps.age_months[i]);
      who.age = std::min(y, 120);  // the eligibility scale ends at 120
      const int cell = uniform ? 0 : b.cells[i];
      const ModelTables& t = pm.at(cell);
      const int state = y < 23 ? youth_state(ps, i) : 0;
      if (state >= 1) count(t, acc, cell, slot_of_youth_state(state), assign_provision(t, c.youth, slot_of_youth_state(state), who, ps.id[i], ctx, tally));
      else if (c.youth != no_care) c.youth = no_care;
      constexpr int protection = static_cast<int>(Slot::ChildProtection);
      if (ps.protection[i]) count(t, acc, cell, protection, assign_provision(t, c.protection, protection, who, ps.id[i], ctx, tally));
      else if (c.protection != no_care) c.protection = no_care;
      if (const std::uint8_t wait = ps.youth_wait[i])
        ++acc.waiting[pt.index(slot_of_youth_state(youth_wait_bits::target(wait)), c.youth_waiting)];
      if (const std::uint8_t wait = ps.wmo_wait[i])
        ++acc.waiting[pt.index(slot_of_wmo(youth_wait_bits::target(wait)), c.wmo_waiting)];
      const std::uint8_t held = y >= 18 ? ps.wmo[i] : 0;
      if (!held) {  // most persons: nothing to write unless a holding just ended
        if (c.wmo != CareBytes{}.wmo) c.wmo.fill(no_care);
        continue;
      }
      for (int k = 0; k < wmo_provision_count; ++k) {
        if (!((held >> k) & 1)) {
          c.wmo[k] = no_care;
          continue;
        }
        const int slot = slot_of_wmo(k);
        const std::uint8_t care = assign_provision(t, c.wmo[k], slot, who, ps.id[i], ctx, tally);
        count(t, acc, cell, slot, care);
        copaying |= pt.provisions[pt.index(slot, care)].copayment;
      }
    }
    // Household slots: eligibility (and the measures' targets) by the first member (the head).
    who.age = std::min(years(ps.age_months[begin]), 120);
    const int cell = uniform ? 0 : b.cells[begin];
    const ModelTables& t = pm.at(cell);
    const double size = static_cast<double>(end - begin);
    constexpr int benefit = static_cast<int>(Slot::WelfareBenefit), help = static_cast<int>(Slot::DebtHelp);
    if (hh.welfare[h] > 0) {
      count(t, acc, cell, benefit, assign_provision(t, hh.welfare_care[h], benefit, who, hh.id[h], ctx, tally), size);
      reach(t, acc, cell, static_cast<int>(Slot::Reintegration), hh.id[h], who, size, ctx);
    } else {
      hh.welfare_care[h] = no_care;
    }
    if (hh.debt[h] == static_cast<int>(DebtState::ReliefOrGuardianship))
      count(t, acc, cell, help, assign_provision(t, hh.debt_care[h], help, who, hh.id[h], ctx, tally), size);
    else
      hh.debt_care[h] = no_care;
    if (hh.debt[h] == static_cast<int>(DebtState::Arrears))
      reach(t, acc, cell, static_cast<int>(Slot::EarlySignalling), hh.id[h], who, size, ctx);
    if (hh.debt[h] == static_cast<int>(DebtState::Problematic))
      reach(t, acc, cell, static_cast<int>(Slot::DebtCoaching), hh.id[h], who, size, ctx);
    if (insured(t.debts, hh.income[h], hh.flags[h] & household_flags::takes_up_insurance,
                insurance_offer_uniform(t.debts, ctx.key, hh.id[h])))
      reach(t, acc, cell, static_cast<int>(Slot::CollectiveInsurance), hh.id[h], who, size, ctx);
    reach(t, acc, cell, static_cast<int>(Slot::SpecialAssistance), hh.id[h], who, size, ctx);
    if (copaying) revenue += copayment(t, hh.income[h], ctx.month_index);
  }
  // Money: units x indexed tariff, plus the fixed budgets (booked once, by the first block).
  const double budget_share = b.carries_budgets ? 1.0 : 0.0;
  double gross = 0;
  for (std::size_t p = 0; p < pt.provisions.size(); ++p) {
    const Provision& prov = pt.provisions[p];
    const int k = static_cast<int>(p);
    const double index = std::pow(1.0 + prov.indexation, ctx.month_index / 12 - pt.price_base_year);
    double units = acc.units_of(0, k);
    double cost = units * pt.price(k, ctx.month_index);
    for (int cell = 1; cell < pm.cells(); ++cell) {
      if (!pm.by_cell[static_cast<std::size_t>(cell)]) continue;  // nobody can be in this cell
      units += acc.units_of(cell, k);
      cost += acc.units_of(cell, k) * pm.at(cell).provisions.price(k, ctx.month_index);
    }
    cost += prov.budget_per_month * index * budget_share;
    b.cost_by_law[static_cast<std::size_t>(prov.law)] += cost;
    tally.add(Ind::ProvisionClients, k, static_cast<double>(acc.clients[p]));
    tally.add(Ind::ProvisionCapped, k, static_cast<double>(acc.capped[p]));
    tally.add(Ind::ProvisionWaiting, k, static_cast<double>(acc.waiting[p]));
    tally.add(Ind::ProvisionUnits, k, units);
    tally.add(Ind::CostByItem, k, cost);
    tally.add(Ind::CostByCareType, prov.slot, cost);
    tally.add(Ind::CostByLaw, prov.law, cost);
    gross += cost;
  }
  tally.add(Ind::CopaymentRevenue, revenue);
  return gross - revenue;
}

void provision_event(const ModelTables& t, Block& b, std::size_t h, std::size_t i, int slot,
                     const sim::StepContext& ctx, Tally& tally) {
  const Persons& ps = b.persons;
  const Households& hh = b.households;
  const Eligibility who = household_who(hh, h, years(ps.age_months[i]));
  const std::uint8_t care = draw_provision(t, slot, who, ps.id[i], ctx);
  const int p = t.provisions.index(slot, care);
  const Provision& prov = t.provisions.provisions[p];
  const double units = prov.units_at(care_level(care));
  const double cost = units * t.provisions.price(p, ctx.month_index);
  tally.add(Ind::ProvisionStarts, p, 1);
  tally.add(Ind::ProvisionUnits, p, units);
  tally.add(Ind::CostByItem, p, cost);
  tally.add(Ind::CostByCareType, slot, cost);
  tally.add(Ind::CostByLaw, prov.law, cost);
  tally.add(Ind::CostNet, cost);
  b.cost_by_law[static_cast<std::size_t>(prov.law)] += cost;
}

}  // namespace zorgsim::models
