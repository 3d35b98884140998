#include "models/monthly_step.hpp"

#include <vector>

#include "models/block_access.hpp"
#include "models/household_changes.hpp"
#include "models/provision_use.hpp"
#include "models/waiting_lists.hpp"
#include "models/wijkteam.hpp"
#include "models/streams.hpp"

namespace zorgsim::models {

namespace {


// ---- phase: start of month -------------------------------------------------------
// The block's cost of the month starts from zero (budget ceilings read it). In January the
// "since January" flags restart from who is in care (or placed) now.
void start_month(Block& b, const sim::StepContext& ctx) {
  b.cost_by_law.fill(0.0);
  if (ctx.month_index % 12 != 0) return;
  Persons& ps = b.persons;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    ps.youth[i] &= youth_bits::state_mask;
    const int tier = youth_tier(youth_state(ps, i));
    if (tier >= 2) ps.youth[i] |= youth_bits::care_this_year;
    if (tier == 3) ps.youth[i] |= youth_bits::placed_this_year;
  }
}

// ---- phase: the month's random words, one keyed Philox block per person ----------
void draw_person_words(const Block& b, const sim::StepContext& ctx, std::vector<sim::Words4>& words) {
  const Persons& ps = b.persons;
  words.resize(ps.size());
  for (std::size_t i = 0; i < ps.size(); ++i)
    words[i] = sim::draw_words(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::PersonMonth));
}

// ---- ageing and frailty (frailty.hpp): adult vulnerabilities at 18, limitations with age --
void birthday(const ModelTables& t, Persons& ps, std::size_t i, const sim::StepContext& ctx, Tally& tally) {
  const int age = ps.age_months[i];
  if (age % 12 != 0 || age < 18 * 12) return;
  std::uint8_t& traits = ps.traits[i];
  if (age > 18 * 12 && (traits & trait::physical)) return;  // nothing left to acquire
  sim::KeyedStream rng(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::Birthday));
  if (age == 18 * 12) {  // drawn as a child: the adult vulnerabilities, as the synthesis draws them
    const PopulationParams& p = t.params.population;
    const double u_psychiatric = rng.uniform01(), u_literacy = rng.uniform01(), u_physical = rng.uniform01();
    if (u_psychiatric < p.psychiatric_prevalence) traits |= trait::psychiatric;
    if (u_literacy < p.low_literacy_prevalence) traits |= trait::low_literacy;
    if (u_physical < t.frailty.prevalence[18]) {
      traits |= trait::physical;
      tally.add(Ind::PhysicalLimitationOnsets, 0, 1);
    }
  } else if (frailty_onset(t.frailty, age / 12, rng())) {
    traits |= trait::physical;
    tally.add(Ind::PhysicalLimitationOnsets, adult_band(age / 12), 1);
  }
}

// ---- phase: youth care at 18 and 23 (the 18-/18+ cliff) ----------------------------
void youth_cliff(const ModelTables& t, Persons& ps, std::size_t i, const sim::StepContext& ctx, Tally& tally) {
  const int age = ps.age_months[i];
  if (age != 18 * 12 && age != 23 * 12) return;
  leave_waiting_list(ps, i, WaitingExit::AgedOut, tally);  // a request does not survive the birthday
  // An unmet youth need ends at 18 (adult needs arise by the Wmo onset hazards), and any need that arose at
  // 18-22 (only if youth entry rates for 18-22 are configured) ends at 23.
  if (ps.youth_need[i] & youth_need_bits::unmet_mask) {
    if (age == 18 * 12) tally.add(Ind::YouthCliff, static_cast<int>(Cliff::UnmetNeedAt18), 1);
    leave_triage_queue(ps, i, QueueExit::AgedOut, tally);
    ps.youth_need[i] = 0;
  }
  if (age == 18 * 12 && ps.protection[i]) {  // child protection ends at majority
    tally.add(Ind::ProtectionEnds, ps.protection[i] - 1, 1);
    ps.protection[i] = 0;
  }
  // The annual flags describe care at 0-17; from 18 they count extended care only.
  if (age == 18 * 12) ps.youth[i] &= static_cast<std::uint8_t>(~(youth_bits::care_this_year | youth_bits::placed_this_year));
  const int state = youth_state(ps, i);
  const int tier = youth_tier(state);
  sim::KeyedStream rng(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::Cliff));
  const double u_extend = rng.uniform01();
  const double u_wmo = rng.uniform01();
  const double u_zvw = rng.uniform01();
  const bool to_protected_living = tier == 3 && u_wmo < t.youth.placement_to_protected_living;
  if (age == 18 * 12) {
    if (tier >= 2 && u_extend < t.youth.extension_after_18) {
      tally.add(Ind::YouthCliff, static_cast<int>(Cliff::ExtendedAt18), 1);
      return;
    }
    if (tier >= 2) tally.add(Ind::YouthCliff, static_cast<int>(Cliff::CareEndedAt18), 1);
  }
  // Ambulant care that ends here may continue as adult mental health care under the Zvw (a
  // provision under another law: the municipality no longer pays).
  if (tier == 2 && u_zvw < t.params.youth.ambulant_to_zvw) tally.add(Ind::YouthCliff, static_cast<int>(Cliff::ToZvw), 1);
  if (age == 18 * 12) {
    move_youth(ps, i, 0, tally);
  } else {  // 23: leaves the youth population whatever the state
    if (tier >= 2) tally.add(Ind::YouthCliff, static_cast<int>(Cliff::AgedOutAt23), 1);
    tally.add(Ind::YouthOutflow, state, 1);
    set_youth_state(ps, i, 0);
  }
  const int protected_living = static_cast<int>(WmoProvision::ProtectedLiving);
  if (!to_protected_living) return;
  if (youth_wait_bits::target(ps.wmo_wait[i]) == protected_living) leave_wmo_waiting_list(ps, i, tally);  // moved on without the list
  if (start_wmo(ps, i, protected_living, tally)) tally.add(Ind::YouthCliff, static_cast<int>(Cliff::ToProtectedLiving), 1);
}

// ---- life events ---------------------------------------------------------------------
// A head or partner died: the children may need support, and the household may lose the
// network the partner carried.
void bereavement(const PolicyMonth& pm, Block& b, std::size_t h, const sim::StepContext& ctx, Tally& tally) {
  const PolicyView pv(pm, b);
  Households& hh = b.households;
  Persons& ps = b.persons;
  const auto [begin, end] = members(hh, h);
  for (std::size_t i = begin; i < end; ++i)
    if (trait::role(ps.traits[i]) == Role::Child) {
      const ModelTables& t = pv.person(i);
      life_event_need(ps, i, t.params.youth.bereavement_need, LifeEvent::DeathOfParent, ctx, tally);
    }
  sim::KeyedStream rng(ctx.key, hh.id[h], static_cast<std::uint32_t>(ctx.month_index), id(Stream::NetworkLoss));
  if (rng.uniform01() < pm.base().params.demography.bereavement_network_loss && hh.network[h] > 0) --hh.network[h];
}

// ---- phase: demography (deaths, births, ageing) -------------------------------------
void demography(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx,
                const std::vector<sim::Words4>& words, Tally& tally) {
  const PolicyView pv(pm, b);
  Households& hh = b.households;
  Persons& ps = b.persons;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    bool parent_died = false;
    for (std::size_t i = begin; i < end; ++i) {
      const int y = years(ps.age_months[i]);
      const ModelTables& t = pv.person(i);
      const bool female = ps.traits[i] & trait::female;
      const std::uint32_t w = words[i][LaneDemography];
      const bool in_wlz = ps.wlz[i];
      if (in_wlz ? dies_in_wlz(t.wlz, female, y, w) : dies(t.demography, female, y, w)) {
        if (in_wlz) tally.add(Ind::WlzExits, 0, 1);
        tally.add(Ind::Deaths);
        parent_died |= is_parent(ps.traits[i]);
        if (y < 23) tally.add(Ind::YouthOutflow, youth_state(ps, i), 1);
        for (int k = 0; k < wmo_provision_count; ++k)
          if ((ps.wmo[i] >> k) & 1) tally.add(Ind::WmoEnds, k, 1);
        leave_waiting_list(ps, i, WaitingExit::DiedOrMoved, tally);
        leave_triage_queue(ps, i, QueueExit::DiedOrMoved, tally);
        if (ps.protection[i]) tally.add(Ind::ProtectionEnds, ps.protection[i] - 1, 1);
        leave_wmo_waiting_list(ps, i, tally);
        end_adult_need(ps, i, AdultNeedEnd::DiedOrMoved, tally);
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
        const bool vulnerable_mother = trait::vulnerable(ps.traits[i]);
        const bool need = rng.uniform01() < t.params.youth.vulnerable_birth_need && vulnerable_mother;
        b.births.push_back({static_cast<std::uint32_t>(h), newborn_id(ps.id[i], ctx.month_index), traits, need});
      }
      if (ps.age_months[i] < gone - 1) ++ps.age_months[i];
      birthday(t, ps, i, ctx, tally);
      youth_cliff(t, ps, i, ctx, tally);
    }
    if (parent_died) bereavement(pm, b, h, ctx, tally);
  }
}

// ---- phase: household facts (after deaths, before the household-level phases) -------
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
      if ((ps.traits[i] & trait::low_literacy) && is_parent(ps.traits[i])) f.low_literate_parent = true;
      if (!trait::vulnerable(ps.traits[i])) continue;
      f.vulnerable_parent |= is_parent(ps.traits[i]);
      f.vulnerable_adult |= years(ps.age_months[i]) >= 18;
    }
  }
}

// ---- phase: welfare (bijstand) spells, per household -------------------------------
void welfare(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx, const std::vector<HouseholdFacts>& facts,
             Tally& tally) {
  const PolicyView pv(pm, b);
  Households& hh = b.households;
  const Persons& ps = b.persons;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const HouseholdFacts& f = facts[h];
    if (!f.any_alive) continue;  // dissolves at commit
    const int head_age = ps.age_months[f.head];
    const ModelTables& t = pv.person(f.head);
    const double u = sim::to_unit(f.words[LaneWelfare]);
    if (hh.welfare[h] > 0) {
      const int months_on = hh.welfare[h] - 1;
      if (head_age >= t.welfare.pension_age_months) {
        hh.welfare[h] = 0;  // state pension (AOW) replaces welfare; income stays at the minimum
        tally.add(Ind::WelfareOutflow);
      } else if (u < welfare_outflow_hazard(t.welfare, months_on, has_problematic_debts(hh.debt[h]),
                                             f.vulnerable_adult)) {
        hh.welfare[h] = 0;
        sim::KeyedStream rng(ctx.key, hh.id[h], static_cast<std::uint32_t>(ctx.month_index), id(Stream::WelfareExit));
        hh.income[h] = static_cast<std::uint8_t>(income_after_welfare(t.welfare, rng.uniform01()));
        tally.add(Ind::WelfareOutflow);
        if (rng.uniform01() < t.employment.exit_to_work && head_age >= 18 * 12 && head_age < t.employment.max_age_months &&
            !(b.persons.traits[f.head] & trait::employed)) {  // the head leaves welfare for work
          b.persons.traits[f.head] |= trait::employed;
          tally.add(Ind::JobsFound);
        }
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
        // On welfare nobody in the household counts as employed (a simplification: no
        // supplementary bijstand for the working poor).
        const auto [begin, end] = members(hh, h);
        for (std::size_t i = begin; i < end; ++i) b.persons.traits[i] &= static_cast<std::uint8_t>(~trait::employed);
      }
    }
  }
}

// ---- phase: debts, per household --------------------------------------------------
void debts(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx, const std::vector<HouseholdFacts>& facts,
           Tally& tally) {
  const PolicyView pv(pm, b);
  Households& hh = b.households;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    if (!facts[h].any_alive) continue;
    const ModelTables& t = pv.person(facts[h].head);
    const int income = hh.income[h];
    const bool takes_up = hh.flags[h] & household_flags::takes_up_insurance;
    const bool uninsured_eligible =
        income <= t.debts.insurance_limit &&
        !insured(t.debts, income, takes_up, insurance_offer_uniform(t.debts, ctx.key, hh.id[h]));
    const sim::Words4 w = sim::draw_words(ctx.key, hh.id[h], static_cast<std::uint32_t>(ctx.month_index), id(Stream::Debt));
    const int from = hh.debt[h];
    const std::size_t head = facts[h].head;
    const int shelter = static_cast<int>(WmoProvision::Shelter);
    if (from == static_cast<int>(DebtState::Problematic) && sim::to_unit(w[1]) < t.debts.eviction &&
        years(b.persons.age_months[head]) >= 18 && !((b.persons.wmo[head] >> shelter) & 1)) {
      // Evicted: the head goes to shelter (an emergency: no waiting list, and a pending
      // request for shelter is void); the household stays in the municipality's population.
      tally.add(Ind::Evictions);
      if (youth_wait_bits::target(b.persons.wmo_wait[head]) == shelter) leave_wmo_waiting_list(b.persons, head, tally);
      start_wmo(b.persons, head, shelter, tally);
    }
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

// ---- phase: employment, adults 18-66 in households not on welfare -----------------
// Job loss and job finding (employment.hpp). A job loss may put a debt-free household into
// arrears and give its children a need (life events).
void employment(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx, const std::vector<sim::Words4>& words,
                const std::vector<HouseholdFacts>& facts, Tally& tally) {
  const PolicyView pv(pm, b);
  Households& hh = b.households;
  Persons& ps = b.persons;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    if (!facts[h].any_alive || hh.welfare[h] > 0) continue;  // on welfare: the spell decides
    const auto [begin, end] = members(hh, h);
    const bool problematic = has_problematic_debts(hh.debt[h]);
    bool lost = false, parent_lost = false;
    for (std::size_t i = begin; i < end; ++i) {
      if (!alive(ps, i)) continue;
      const int age = ps.age_months[i];
      const EmploymentTables& et = pv.person(i).employment;
      const bool employed = ps.traits[i] & trait::employed;
      if (age >= et.max_age_months) {  // retirement (the state pension age)
        if (employed) ps.traits[i] &= static_cast<std::uint8_t>(~trait::employed);
        continue;
      }
      if (age < 18 * 12) continue;
      const int group = employment_group(trait::vulnerable(ps.traits[i]), problematic);
      const double u = sim::to_unit(words[i][LaneEmployment]);
      if (age == 18 * 12) {  // entering working age: employed with the group's stationary probability
        ps.traits[i] = static_cast<std::uint8_t>(u < et.stationary[group] ? ps.traits[i] | trait::employed
                                                                          : ps.traits[i] & ~trait::employed);
        continue;
      }
      if (u >= employment_hazard(et, employed, group)) continue;
      ps.traits[i] ^= trait::employed;
      tally.add(employed ? Ind::JobLosses : Ind::JobsFound);
      lost |= employed;
      parent_lost |= employed && is_parent(ps.traits[i]);
    }
    if (!lost) continue;
    const ModelTables& t = pv.person(facts[h].head);
    const EmploymentTables& et = t.employment;
    if (hh.debt[h] == static_cast<int>(DebtState::None)) {
      sim::KeyedStream rng(ctx.key, hh.id[h], static_cast<std::uint32_t>(ctx.month_index), id(Stream::JobLossDebt));
      if (rng.uniform01() < et.job_loss_arrears) {
        hh.debt[h] = static_cast<std::uint8_t>(DebtState::Arrears);
        tally.add(Ind::DebtTransitions, static_cast<int>(DebtEvent::ArrearsOnset), 1);
        tally.add(Ind::ArrearsAfterJobLoss);
      }
    }
    if (parent_lost)
      for (std::size_t i = begin; i < end; ++i)
        if (trait::role(ps.traits[i]) == Role::Child)
          life_event_need(ps, i, pv.person(i).params.youth.job_loss_need,
                          LifeEvent::JobLossOfParent, ctx, tally);
  }
}

// ---- phase: youth care (Jeugdwet) ---------------------------------------------------
// Transitions of each child's position on the access ladder (youth_care.hpp). An unmet need
// asks the local team for help (a triage request, decided in the global phase); with limited
// places an entry into ambulant care or a placement becomes a place request (allocated in the
// global phase, applied in the second half of the month). A crisis placement bypasses both.
// An indication for ambulant care or a placement: a place request when places are limited
// (with a general provision meanwhile if bridging is on), else the move itself.
void indicate_bespoke(const YouthTables& yt, Block& b, std::size_t i, int to, const Eligibility& who, Tally& tally) {
  Persons& ps = b.persons;
  if (yt.capacity_limited) {
    b.youth_requests.push_back(youth_place_request(ps, i, to, 0, who, no_care));
    tally.add(Ind::YouthReferrals, place_index(to), 1);
    const int care = youth_state(ps, i);
    move_youth_position(ps, i, care == 0 && yt.bridging_general ? 1 : care, tally);
    return;
  }
  if (to >= 3 && youth_state(ps, i) < 3) tally.add(Ind::YouthPlacementStarts, to - 3, 1);
  move_youth_position(ps, i, to, tally);
}

// A crisis placement: bypasses the local team and the waiting lists.
void crisis_placement(Persons& ps, std::size_t i, int form, Tally& tally) {
  if (youth_state(ps, i) < 3) tally.add(Ind::YouthPlacementStarts, form - 3, 1);
  move_youth_position(ps, i, form, tally);
}

void youth_care(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx, const std::vector<sim::Words4>& words,
                const std::vector<HouseholdFacts>& facts, Tally& tally) {
  const PolicyView pv(pm, b);
  Households& hh = b.households;
  Persons& ps = b.persons;
  const auto placement_form = [&](const YouthTables& yt, std::size_t i) {
    sim::KeyedStream rng(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::PlacementForm));
    return choose_placement_form(yt, rng.uniform01());
  };
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    const HouseholdFacts& f = facts[h];
    Eligibility who = household_who(hh, h, 0);
    YouthCovariates c{hh.income[h], hh.network[h], hh.type[h] == static_cast<int>(HouseholdType::SingleParent),
                      f.vulnerable_parent, has_problematic_debts(hh.debt[h]), false, f.low_literate_parent};
    for (std::size_t i = begin; i < end; ++i) {
      if (!alive(ps, i)) continue;
      const int y = years(ps.age_months[i]);
      if (y >= 23) continue;
      c.own_lvb = ps.traits[i] & trait::lvb;
      who.age = y;
      const YouthTables& yt = pv.person(i).youth;
      const int state = youth_state(ps, i), band = youth_band(y), covariates = c.index();
      const double u = sim::to_unit(words[i][LaneYouth]);
      if (const std::uint8_t wait = ps.youth_wait[i]) {  // indicated, waiting for a place
        const int months = youth_wait_bits::months(wait), target = youth_wait_bits::target(wait);
        const int level = target == 2 ? 1 : 2;  // moderate need, or a need for a placement
        if (u < escalation_hazard(yt, level, yt.case_of(band, covariates, months))) {
          leave_waiting_list(ps, i, WaitingExit::CrisisPlacement, tally);
          count_youth_escalation(tally, level == 1 ? Escalation::ModerateToCrisis : Escalation::WaitingForPlacementToCrisis,
                                 c.income);
          crisis_placement(ps, i, placement_form(yt, i), tally);
        } else {
          b.youth_requests.push_back(youth_place_request(ps, i, target, months, who, ps.care[i].youth_waiting));
        }
        continue;
      }
      const std::uint8_t need = ps.youth_need[i];
      const int pos = youth_position(ps, i), months = youth_need_bits::months(need);
      const bool asked = need & youth_need_bits::asked;
      const int next = next_youth_position(yt, pos, asked, yt.case_of(band, covariates, months), u);
      if (position_unmet(pos)) {
        switch (next) {
          case ask_for_help:
            ps.youth_need[i] |= youth_need_bits::asked;
            tally.add(Ind::TriageRequests, pos - pos_unmet_light, 1);
            break;
          case stepped_review:
            if (b.admission_stop[static_cast<int>(Law::Jeugdwet)]) {  // no step up under an admission stop
              tally.add(Ind::AdmissionStopRefusals, static_cast<int>(Law::Jeugdwet), 1);
              break;
            }
            tally.add(Ind::YouthSteppedOutcomes, 1, 1);
            indicate_bespoke(yt, b, i, 2, who, tally);
            break;
          case new_placement:
            count_youth_escalation(tally, Escalation::ModerateToCrisis, c.income);
            leave_triage_queue(ps, i, QueueExit::CrisisPlacement, tally);
            crisis_placement(ps, i, placement_form(yt, i), tally);
            break;
          case pos_unmet_moderate:
            if (pos == pos_unmet_light) count_youth_escalation(tally, Escalation::LightToModerate, c.income);
            move_youth_position(ps, i, next, tally);
            break;
          case 0:
            tally.add(Ind::YouthUnmetResolved, pos - pos_unmet_light, 1);
            leave_triage_queue(ps, i, QueueExit::NeedResolved, tally);
            move_youth_position(ps, i, 0, tally);
            break;
          case 1:  // stepped care: the general provision met the need after all
            tally.add(Ind::YouthSteppedOutcomes, 0, 1);
            move_youth_position(ps, i, 1, tally);
            break;
          default: break;  // no change
        }
        const std::uint8_t now = ps.youth_need[i];
        if (now & youth_need_bits::unmet_mask) {
          const int p = youth_position(ps, i);
          if ((now & youth_need_bits::asked) && p != pos_stepped)  // (still) waiting for the assessment
            b.triage_requests.push_back({static_cast<std::uint32_t>(i), ps.id[i], static_cast<std::uint8_t>(p),
                                         static_cast<std::uint8_t>(months), 0, who});
          if (months < youth_need_bits::max_months) ps.youth_need[i] = static_cast<std::uint8_t>(now + (1u << youth_need_bits::months_shift));
        }
        continue;
      }
      if (next == pos) continue;
      if (next == pos_unmet_light || next == pos_unmet_moderate) {  // a need arises
        tally.add(Ind::YouthNeedOnsets, next - pos_unmet_light, 1);
        move_youth_position(ps, i, next, tally);
        continue;
      }
      if (next == new_placement && state <= 1) {  // a crisis: bypasses the team and the lists
        if (state == 0) tally.add(Ind::YouthNeedOnsets, 2, 1);
        crisis_placement(ps, i, placement_form(yt, i), tally);
        continue;
      }
      const int to = next == new_placement ? placement_form(yt, i) : next;
      if (youth_tier(to) > youth_tier(state) && to >= 2) {  // a step up within care: the provider re-indicates
        indicate_bespoke(yt, b, i, to, who, tally);
        continue;
      }
      if (state == 3 && to == 5) tally.add(Ind::YouthPlacementMoves, 0, 1);
      if (state == 5 && to == 4) tally.add(Ind::YouthPlacementMoves, 1, 1);
      move_youth_position(ps, i, to, tally);
    }
  }
}

// ---- phase: child protection (jeugdbescherming), children 0-17 --------------------------
void child_protection(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx,
                      const std::vector<HouseholdFacts>& facts, Tally& tally) {
  const PolicyView pv(pm, b);
  Households& hh = b.households;
  Persons& ps = b.persons;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    YouthCovariates c{hh.income[h], hh.network[h], hh.type[h] == static_cast<int>(HouseholdType::SingleParent),
                      facts[h].vulnerable_parent, has_problematic_debts(hh.debt[h]), false};
    for (std::size_t i = begin; i < end; ++i) {
      if (!alive(ps, i) || years(ps.age_months[i]) >= 18) continue;
      const ModelTables& t = pv.person(i);
      c.own_lvb = ps.traits[i] & trait::lvb;
      const sim::Words4 w =
          sim::draw_words(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::Protection));
      const int from = ps.protection[i];
      const int to = next_protection(t.youth, from, youth_state(ps, i), t.youth.rr[c.index()], sim::to_unit(w[0]));
      if (to == from) continue;
      if (from) tally.add(Ind::ProtectionEnds, from - 1, 1);
      if (to) tally.add(Ind::ProtectionStarts, to - 1, 1);
      ps.protection[i] = static_cast<std::uint8_t>(to);
    }
  }
}

// ---- phase: social support (Wmo) ----------------------------------------------------
// A bespoke provision indicated for an adult: a place request when places are limited
// (the allocation decides), else it starts now (and meets the need).
void indicate_wmo(const ModelTables& t, Block& b, std::size_t i, int provision, const Eligibility& who, Tally& tally) {
  Persons& ps = b.persons;
  if (!t.wmo.capacity_limited) {
    start_wmo(ps, i, provision, tally);
    return;
  }
  b.wmo_requests.push_back({static_cast<std::uint32_t>(i), ps.id[i], static_cast<std::uint8_t>(provision), 0,
                            static_cast<std::uint8_t>(adult_need_bits::severity(ps.adult_need[i])), who});
  tally.add(Ind::WmoReferrals, provision - 1, 1);
}

// The month of an adult with an unmet need (adult_need.hpp): escalation, recovery,
// help-seeking or stepped care's review; then the requests that carry it on -- to the local
// team when asked, to the allocation when waiting for a place.
void adult_need_month(const ModelTables& t, Block& b, std::size_t h, std::size_t i, const Eligibility& who,
                      const sim::StepContext& ctx, Tally& tally) {
  Persons& ps = b.persons;
  const AdultNeedTables& at = t.adult_need;
  std::uint16_t need = ps.adult_need[i];
  const int p = adult_need_bits::provision(need);
  AdultNeedCase c;
  c.severity = adult_need_bits::severity(need);
  c.months_unmet = adult_need_bits::months(need);
  c.network = b.households.network[h];
  c.low_literate = ps.traits[i] & trait::low_literacy;
  c.asked_or_waiting = (need & adult_need_bits::asked) || ps.wmo_wait[i];
  c.stepped = need & adult_need_bits::stepped;
  c.general_support = ps.wmo[i] & 1u;
  sim::KeyedStream rng(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::AdultNeed));
  switch (next_adult_need_step(at, c, rng.uniform01())) {
    case AdultNeedStep::ToSevere:
      count_adult_escalation(tally, 0, b.households.income[h]);
      ps.adult_need[i] = static_cast<std::uint16_t>(need | adult_need_bits::severe);
      break;
    case AdultNeedStep::Crisis:  // met at once, past the team and any list
      count_adult_escalation(tally, 1, b.households.income[h]);
      leave_wmo_waiting_list(ps, i, tally);
      end_adult_need(ps, i, AdultNeedEnd::Crisis, tally);
      start_wmo(ps, i, at.crisis_provision[p], tally);
      return;
    case AdultNeedStep::Resolved:
      leave_wmo_waiting_list(ps, i, tally);
      end_adult_need(ps, i, AdultNeedEnd::Resolved, tally);
      return;
    case AdultNeedStep::SteppedResolved:
      end_adult_need(ps, i, AdultNeedEnd::SteppedResolved, tally);
      return;
    case AdultNeedStep::AskForHelp:
      tally.add(Ind::WmoTriageRequests, c.severity, 1);
      ps.adult_need[i] = static_cast<std::uint16_t>(need | adult_need_bits::asked);
      break;
    case AdultNeedStep::SteppedReview:  // step up to the bespoke provision
      if (b.admission_stop[static_cast<int>(Law::Wmo)]) {  // not under an admission stop: general support goes on
        tally.add(Ind::AdmissionStopRefusals, static_cast<int>(Law::Wmo), 1);
        break;
      }
      ps.adult_need[i] = static_cast<std::uint16_t>(need & ~adult_need_bits::stepped);
      indicate_wmo(t, b, i, p, who, tally);
      break;
    case AdultNeedStep::Stay: break;
  }
  need = ps.adult_need[i];
  if (!need) return;  // met at once
  const auto severity = static_cast<std::uint8_t>(adult_need_bits::severity(need));
  if (need & adult_need_bits::asked)  // (still) waiting for the assessment
    b.wmo_triage_requests.push_back({static_cast<std::uint32_t>(i), ps.id[i], static_cast<std::uint8_t>(p),
                                     static_cast<std::uint8_t>(std::min(adult_need_bits::months(need), 255)), severity,
                                     who});
  if (const std::uint8_t wait = ps.wmo_wait[i])  // on the Wmo waiting list: ask again
    b.wmo_requests.push_back({static_cast<std::uint32_t>(i), ps.id[i],
                              static_cast<std::uint8_t>(youth_wait_bits::target(wait)),
                              static_cast<std::uint8_t>(youth_wait_bits::months(wait)), severity, who,
                              ps.care[i].wmo_waiting});
  ps.adult_need[i] = adult_need_bits::add_month(need);
}

// A holder of Wmo home care moves to the Wlz: the Wlz comes first (voorliggend), so every Wmo
// provision, an unmet Wmo need and Wmo waiting end.
void wlz_takeover(Persons& ps, std::size_t i, int band, Tally& tally) {
  for (int k = 0; k < wmo_provision_count; ++k)
    if ((ps.wmo[i] >> k) & 1) tally.add(Ind::WmoEnds, k, 1);
  ps.wmo[i] = 0;
  leave_wmo_waiting_list(ps, i, tally);
  end_adult_need(ps, i, AdultNeedEnd::ToWlz, tally);
  ps.wlz[i] = 1;
  tally.add(Ind::WlzTakeovers, band, 1);
}

void social_support(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx,
                    const std::vector<sim::Words4>& words, Tally& tally) {
  const PolicyView pv(pm, b);
  Households& hh = b.households;
  Persons& ps = b.persons;
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    for (std::size_t i = begin; i < end; ++i) {
      if (!alive(ps, i)) continue;
      const int y = years(ps.age_months[i]);
      if (y < 18 || ps.wlz[i]) continue;  // the Wlz provides all care until death
      const Eligibility who = household_who(hh, h, y);
      const ModelTables& t = pv.person(i);
      const int band = adult_band(y);
      if (wlz_candidate(ps.wmo[i]) && t.wlz.takeover[band] > 0) {
        sim::KeyedStream rng(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::WlzTakeover));
        if (rng.uniform01() < t.wlz.takeover[band]) {
          wlz_takeover(ps, i, band, tally);
          continue;
        }
      }
      if (ps.adult_need[i]) adult_need_month(t, b, h, i, who, ctx, tally);
      const WmoEvent e = next_wmo_event(t.wmo, ps.wmo[i], band, trait::vulnerability_index(ps.traits[i]),
                                        hh.income[h], hh.network[h], sim::to_unit(words[i][LaneWmo]));
      switch (e.kind) {
        case WmoEvent::Start:
          if (e.provision == 0) {  // general support: low-threshold, no indication
            start_wmo(ps, i, 0, tally);
          } else if (!ps.adult_need[i] && !ps.wmo_wait[i]) {  // a need arises (one unmet need at a time)
            sim::KeyedStream rng(ctx.key, ps.id[i], static_cast<std::uint32_t>(ctx.month_index), id(Stream::AdultNeed));
            rng.uniform01();  // the first number is the month's transition (adult_need_month)
            const bool severe = rng.uniform01() < t.adult_need.severe_onset_share;
            ps.adult_need[i] = static_cast<std::uint16_t>(e.provision | (severe ? adult_need_bits::severe : 0));
            tally.add(Ind::WmoNeedOnsets, e.provision - 1, 1);
          }
          break;
        case WmoEvent::End:
          ps.wmo[i] &= static_cast<std::uint8_t>(~(1u << e.provision));
          tally.add(Ind::WmoEnds, e.provision, 1);
          break;
        case WmoEvent::HomeAdaptation:
          tally.add(Ind::HomeAdaptations);
          provision_event(t, b, h, i, static_cast<int>(Slot::HomeAdaptation), ctx, tally);
          break;
        case WmoEvent::None: break;
      }
    }
  }
}

}  // namespace

// ---- phase: record stocks and the month's costs -------------------------------------
// Counts go to local integers first (the hot loop touches no tally memory), then once
// into the tally.
void record(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx, Tally& tally) {
  compute_cells(pm, b);  // the block was rebuilt at commit: cells again, for who is here now
  const PolicyView pv(pm, b);
  const ModelTables& t = pm.base();  // structural tables: the same in every cell
  const Households& hh = b.households;
  Persons& ps = b.persons;
  long long persons = 0, by_age[age_band_count] = {}, by_sex_age[2 * age_group_count] = {}, physical[adult_band_count] = {}, youth_stock[youth_state_count] = {}, care_year = 0;
  long long waiting[5] = {}, waiting_by_duration[4] = {}, waiting_by_income[income_class_count] = {};
  long long care_year_adults = 0, placed_year = 0, protected_children[2] = {};
  long long wmo_clients[wmo_provision_count] = {}, wmo_tier[4] = {}, any_bespoke = 0, wmo_waiting[6] = {};
  long long welfare_households = 0, welfare_persons = 0, spells[4] = {}, by_type[household_type_count] = {};
  long long by_income[income_class_count] = {}, by_debt[debt_state_count] = {}, insured_households = 0;
  long long need_level[4] = {}, unmet_status[4] = {}, unmet_by_income[income_class_count] = {}, queue[2] = {};
  long long working_age[2] = {};  // adults 18-66 not on welfare: employed, not employed
  std::array<long long, 256> unmet_by_district{};
  long long adult_unmet[4] = {}, adult_unmet_by_provision[bespoke_wmo_count] = {}, wmo_queue[2] = {};
  long long adult_unmet_by_income[income_class_count] = {}, in_wlz[adult_band_count] = {};
  std::array<long long, 256> adult_unmet_by_district{};
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    ++by_income[hh.income[h]];
    ++by_type[hh.type[h]];
    const DebtTables& dt = pv.person(begin).debts;
    if (insured(dt, hh.income[h], hh.flags[h] & household_flags::takes_up_insurance,
                insurance_offer_uniform(dt, ctx.key, hh.id[h])))
      ++insured_households;
    ++by_debt[hh.debt[h]];
    for (std::size_t i = begin; i < end; ++i) {
      const int y = years(ps.age_months[i]);
      ++by_age[age_band(y)];
      ++by_sex_age[((ps.traits[i] & trait::female) ? age_group_count : 0) + age_group(y)];
      if (y >= 18 && (ps.traits[i] & trait::physical)) ++physical[adult_band(y)];
      if (y < 23) {
        const int s = youth_state(ps, i);
        ++youth_stock[s];
        if (youth_tier(s) >= 2) ps.youth[i] |= youth_bits::care_this_year;
        if (youth_tier(s) == 3) ps.youth[i] |= youth_bits::placed_this_year;
        const bool had_care = ps.youth[i] & youth_bits::care_this_year;
        care_year += y < 18 && had_care;
        care_year_adults += y >= 18 && had_care;
        placed_year += y < 18 && (ps.youth[i] & youth_bits::placed_this_year);
        if (ps.protection[i]) ++protected_children[ps.protection[i] - 1];
        const std::uint8_t need = ps.youth_need[i];
        if (const std::uint8_t wait = ps.youth_wait[i]) {
          ++waiting[place_index(youth_wait_bits::target(wait))];
          const int m = youth_wait_bits::months(wait);
          ++waiting_by_duration[m <= 2 ? 0 : m <= 5 ? 1 : m <= 11 ? 2 : 3];
          ++waiting_by_income[hh.income[h]];
          ++need_level[youth_wait_bits::target(wait) == 2 ? 2 : 3];
          ++unmet_status[2];
          ++unmet_by_income[hh.income[h]];
          ++unmet_by_district[hh.district[h]];
        } else if (const int unmet = need & youth_need_bits::unmet_mask) {
          const int pos = 6 + unmet;
          ++need_level[position_need(pos)];
          ++unmet_status[pos == pos_stepped ? 3 : (need & youth_need_bits::asked) ? 1 : 0];
          if (need & youth_need_bits::asked) ++queue[position_need(pos) - 1];
          ++unmet_by_income[hh.income[h]];
          ++unmet_by_district[hh.district[h]];
        } else {
          ++need_level[youth_tier(s)];
        }
      }
      if (y >= 18 && !hh.welfare[h] && ps.age_months[i] < pv.person(i).employment.max_age_months)
        ++working_age[(ps.traits[i] & trait::employed) ? 0 : 1];
      if (y >= 18) {
        in_wlz[adult_band(y)] += ps.wlz[i];
        const std::uint8_t held = ps.wmo[i];
        const int tier = t.wmo.tier_of[held];
        ++wmo_tier[tier];
        any_bespoke += tier >= 2;
        if (ps.wmo_wait[i]) ++wmo_waiting[youth_wait_bits::target(ps.wmo_wait[i]) - 1];
        if (const std::uint16_t need = ps.adult_need[i]) {
          const bool asked = need & adult_need_bits::asked;
          const AdultUnmet status = (need & adult_need_bits::stepped) ? AdultUnmet::SteppedCare
                                    : ps.wmo_wait[i]                  ? AdultUnmet::WaitingForPlace
                                    : asked                           ? AdultUnmet::InQueue
                                                                      : AdultUnmet::NotAsked;
          ++adult_unmet[static_cast<int>(status)];
          ++adult_unmet_by_provision[adult_need_bits::provision(need) - 1];
          ++adult_unmet_by_income[hh.income[h]];
          ++adult_unmet_by_district[hh.district[h]];
          if (asked) ++wmo_queue[adult_need_bits::severity(need)];
        }
        if (held)
          for (int k = 0; k < wmo_provision_count; ++k) wmo_clients[k] += (held >> k) & 1;
      }
    }
    persons += end - begin;
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
  for (int a = 0; a < 2 * age_group_count; ++a) tally.add(Ind::PersonsBySexAge, a, static_cast<double>(by_sex_age[a]));
  for (int a = 0; a < adult_band_count; ++a) tally.add(Ind::PhysicalLimitation, a, static_cast<double>(physical[a]));
  for (int s = 0; s < youth_state_count; ++s) {
    tally.add(Ind::YouthStock, s, static_cast<double>(youth_stock[s]));
    tally.add(Ind::YouthTier, youth_tier(s), static_cast<double>(youth_stock[s]));
  }
  tally.add(Ind::YouthCareDuringYear, static_cast<double>(care_year));
  tally.add(Ind::YouthCareDuringYear18to22, static_cast<double>(care_year_adults));
  tally.add(Ind::YouthPlacedDuringYear, static_cast<double>(placed_year));
  for (int k = 0; k < 2; ++k) tally.add(Ind::Protection, k, static_cast<double>(protected_children[k]));
  for (int k = 0; k < 5; ++k) tally.add(Ind::YouthWaiting, k, static_cast<double>(waiting[k]));
  for (int k = 0; k < 4; ++k) {
    tally.add(Ind::YouthNeed, k, static_cast<double>(need_level[k]));
    tally.add(Ind::YouthUnmet, k, static_cast<double>(unmet_status[k]));
  }
  for (int k = 0; k < income_class_count; ++k)
    tally.add(Ind::YouthUnmetByIncome, k, static_cast<double>(unmet_by_income[k]));
  for (std::size_t d = 0; d < t.params.population.district_names.size(); ++d)
    tally.add(Ind::YouthUnmetByDistrict, static_cast<int>(d), static_cast<double>(unmet_by_district[d]));
  for (int k = 0; k < 2; ++k) tally.add(Ind::TriageQueue, k, static_cast<double>(queue[k]));
  for (int k = 0; k < 4; ++k) tally.add(Ind::YouthWaitingByDuration, k, static_cast<double>(waiting_by_duration[k]));
  for (int k = 0; k < income_class_count; ++k)
    tally.add(Ind::YouthWaitingByIncome, k, static_cast<double>(waiting_by_income[k]));
  for (int k = 0; k < wmo_provision_count; ++k) tally.add(Ind::WmoClients, k, static_cast<double>(wmo_clients[k]));
  for (int r = 0; r < 4; ++r) tally.add(Ind::WmoTier, r, static_cast<double>(wmo_tier[r]));
  tally.add(Ind::WmoAnyBespoke, static_cast<double>(any_bespoke));
  for (int k = 0; k < 6; ++k) tally.add(Ind::WmoWaiting, k, static_cast<double>(wmo_waiting[k]));
  for (int k = 0; k < 4; ++k) tally.add(Ind::WmoUnmet, k, static_cast<double>(adult_unmet[k]));
  for (int k = 0; k < bespoke_wmo_count; ++k)
    tally.add(Ind::WmoUnmetByProvision, k, static_cast<double>(adult_unmet_by_provision[k]));
  for (int k = 0; k < income_class_count; ++k)
    tally.add(Ind::WmoUnmetByIncome, k, static_cast<double>(adult_unmet_by_income[k]));
  for (std::size_t d = 0; d < t.params.population.district_names.size(); ++d)
    tally.add(Ind::WmoUnmetByDistrict, static_cast<int>(d), static_cast<double>(adult_unmet_by_district[d]));
  for (int k = 0; k < 2; ++k) tally.add(Ind::WmoTriageQueue, k, static_cast<double>(wmo_queue[k]));
  for (int k = 0; k < adult_band_count; ++k) tally.add(Ind::WlzPersons, k, static_cast<double>(in_wlz[k]));
  tally.add(Ind::WelfareHouseholds, static_cast<double>(welfare_households));
  tally.add(Ind::WelfarePersons, static_cast<double>(welfare_persons));
  for (int d = 0; d < 4; ++d) tally.add(Ind::WelfareSpells, d, static_cast<double>(spells[d]));
  for (int k = 0; k < household_type_count; ++k) tally.add(Ind::HouseholdsByType, k, static_cast<double>(by_type[k]));
  for (int i = 0; i < income_class_count; ++i) tally.add(Ind::HouseholdsByIncome, i, static_cast<double>(by_income[i]));
  for (int d = 0; d < debt_state_count; ++d) tally.add(Ind::HouseholdsByDebt, d, static_cast<double>(by_debt[d]));

  tally.add(Ind::InsuranceMembers, static_cast<double>(insured_households));
  for (int k = 0; k < 2; ++k) tally.add(Ind::EmploymentStatus, k, static_cast<double>(working_age[k]));
  // Money: clients, units and cost per catalogue provision (provision_use.hpp).
  const double net = record_provisions(pm, b, ctx, tally);
  tally.add(Ind::CostNet, net);
}

// Per-thread scratch buffers: reused between blocks for speed; they hold nothing that
// outlives a block's step, so which thread runs a block cannot change a result.
struct Scratch {
  std::vector<sim::Words4> words;
  std::vector<HouseholdFacts> facts;
};

void step_block_first(const PolicyMonth& pm, Block& block, const sim::StepContext& ctx, Tally& tally) {
  static thread_local Scratch scratch;
  const ModelTables& base = pm.base();  // municipality-wide: demography, household events, capacities
  compute_cells(pm, block);             // targets see the month's start: age, income, type, district
  start_month(block, ctx);
  // Indications held at the start of the month are reviewed first, so care that starts this
  // month (by whatever path) is never reviewed in its first month.
  review_indications(pm, block, ctx, tally);
  draw_person_words(block, ctx, scratch.words);
  demography(pm, block, ctx, scratch.words, tally);
  household_facts(block, ctx, scratch.facts);
  welfare(pm, block, ctx, scratch.facts, tally);
  debts(pm, block, ctx, scratch.facts, tally);
  employment(pm, block, ctx, scratch.words, scratch.facts, tally);
  household_events(base, block, ctx, scratch.facts, tally);
  youth_care(pm, block, ctx, scratch.words, scratch.facts, tally);
  child_protection(pm, block, ctx, scratch.facts, tally);
  social_support(pm, block, ctx, scratch.words, tally);
  if (base.youth.capacity_limited || base.wmo.capacity_limited) count_occupancy(pm, block, ctx, tally);
}

void step_block_second(const PolicyMonth& pm, Block& block, const sim::StepContext& ctx, Tally& tally) {
  static thread_local Persons spare;
  const ModelTables& base = pm.base();
  apply_triage(base, block, tally);
  apply_youth_admissions(base, block, tally);
  apply_wmo_admissions(base, block, tally);
  commit_household_changes(base, block, ctx, spare, tally);
  record(pm, block, ctx, tally);
}

}  // namespace zorgsim::models
