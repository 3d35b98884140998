#include "models/population_synthesis.hpp"

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/discrete_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
#include <cmath>

#include "models/streams.hpp"

namespace zorgsim::models {

namespace {

using boost::random::bernoulli_distribution;
using boost::random::discrete_distribution;
using boost::random::uniform_int_distribution;

struct Member {
  int age_months;
  std::uint8_t traits;
};

// Distributions built once per block (Boost distributions are cheap to copy but their
// set-up normalises weights; do it once).
}  // namespace

namespace {
using Draws = HouseholdDraws;

int months_within_year(sim::KeyedStream& rng) { return uniform_int_distribution<int>(0, 11)(rng); }

int adult_age_months(Draws& d, sim::KeyedStream& rng) {
  const auto g = static_cast<std::size_t>(d.adult_group(rng));
  const int y = uniform_int_distribution<int>(adult_age_group_lo[g], adult_age_group_hi[g])(rng);
  return y * 12 + months_within_year(rng);
}

std::uint8_t person_traits(const PopulationParams& p, const FrailtyTables& frailty, bool female, Role role, int years,
                           sim::KeyedStream& rng) {
  std::uint8_t t = trait::with_role(female ? trait::female : 0, role);
  if (bernoulli_distribution<double>(p.lvb_prevalence)(rng)) t |= trait::lvb;
  if (years >= 18) {
    if (bernoulli_distribution<double>(p.psychiatric_prevalence)(rng)) t |= trait::psychiatric;
    if (bernoulli_distribution<double>(frailty.prevalence[static_cast<std::size_t>(std::min(years, 127))])(rng))
      t |= trait::physical;
    if (bernoulli_distribution<double>(p.low_literacy_prevalence)(rng)) t |= trait::low_literacy;
  }
  return t;
}

// Members of one household: roles, ages and sex (traits are completed by the caller).
std::vector<Member> make_members(const PopulationParams& p, double p_male_at_birth, Draws& d, HouseholdType type,
                                 sim::KeyedStream& rng) {
  std::vector<Member> m;
  const auto adult = [&](Role role, int age, bool female) {
    m.push_back({age, trait::with_role(female ? trait::female : 0, role)});
  };
  // a + (b - a) u rather than Boost's uniform_real_distribution, which never returns
  // when a == b (a zero-width range is a valid configuration).
  const auto uniform = [&](double a, double b) { return a + (b - a) * rng.uniform01(); };
  const auto partner_age = [&](int head) {
    const double gap = uniform(-p.partner_age_gap_max, p.partner_age_gap_max);
    return std::max(18 * 12, head + static_cast<int>(gap * 12));
  };
  switch (type) {
    case HouseholdType::Single:
      adult(Role::Head, adult_age_months(d, rng), bernoulli_distribution<double>(0.5)(rng));
      break;
    case HouseholdType::Couple: {
      const int head = adult_age_months(d, rng);
      adult(Role::Head, head, false);
      adult(Role::Partner, partner_age(head), true);
      break;
    }
    case HouseholdType::CoupleWithChildren:
    case HouseholdType::SingleParent: {
      const int k = d.children(rng) + 1;
      std::vector<int> kids;
      for (int i = 0; i < k; ++i) kids.push_back(d.child_age(rng) * 12 + months_within_year(rng));
      const int oldest = *std::max_element(kids.begin(), kids.end());
      const double at_birth = uniform(p.parent_age_at_oldest_child_min, p.parent_age_at_oldest_child_max);
      const int head = oldest + static_cast<int>(at_birth * 12);
      if (type == HouseholdType::CoupleWithChildren) {
        adult(Role::Head, head, false);
        adult(Role::Partner, partner_age(head), true);
      } else {
        // Most single parents are mothers (CBS: about 4 in 5); an assumption of this model.
        adult(Role::Head, head, bernoulli_distribution<double>(0.8)(rng));
      }
      // A child's sex follows the sex ratio at birth.
      const double girl = 1.0 - p_male_at_birth;
      for (int age : kids)
        m.push_back({age, trait::with_role(rng.uniform01() < girl ? trait::female : 0, Role::Child)});
      break;
    }
    case HouseholdType::Other:
      adult(Role::Head, adult_age_months(d, rng), bernoulli_distribution<double>(0.5)(rng));
      adult(Role::Other, adult_age_months(d, rng), bernoulli_distribution<double>(0.5)(rng));
      adult(Role::Other, adult_age_months(d, rng), bernoulli_distribution<double>(0.5)(rng));
      break;
  }
  return m;
}

// Probability of holding Wmo home care outside the Wlz at an age (adult band, monthly death).
double home_care_share(const ModelTables& t, int band, int vi, int income, int network, double death) {
  double none = 1;
  for (int k = 0; k < wmo_provision_count; ++k)
    if ((wlz_home_care >> k) & 1)
      none *= 1 - initial_holding_probability(t.wmo, t.adult_need, k, band, vi, income, network,
                                              t.wlz.takeover[band], death);
  return 1 - none;
}

// Probability that an adult of this age is in the Wlz: the cohort recursion (wlz_cohort_share)
// over the ages since 18, with the person's covariates (their current vulnerabilities: an
// approximation for a limitation acquired on the way).
double initial_wlz_share(const ModelTables& t, bool female, int age_months, int vi, int income, int network) {
  const auto& q = female ? t.params.demography.mortality_female : t.params.demography.mortality_male;
  double share = 0;
  int rates_band = -1, rates_mortality_band = -1;
  WlzMonthRates r;
  for (int a = 18; a * 12 <= age_months; ++a) {
    const int band = adult_band(a), mb = mortality_band(a);
    if (share == 0 && t.wlz.takeover[band] == 0) continue;  // nobody in the Wlz yet
    if (band != rates_band || mb != rates_mortality_band) {
      const double death = monthly_from_annual_probability(q[mb]) * t.wlz.outside[band];
      const double w = t.wlz.takeover[band];
      r = {w > 0 ? w * home_care_share(t, band, vi, income, network, death) : 0.0, death,
           std::min(1.0, death * t.wlz.mortality_rr)};
      rates_band = band, rates_mortality_band = mb;
    }
    share = wlz_cohort_share(share, r, std::min(12, age_months - a * 12));
  }
  return share;
}

}  // namespace

void synthesize_block(const ModelTables& t, const sim::RandomKey& key, int month_index,
                      std::uint64_t first_household, std::uint32_t count, Block& block) {
  HouseholdDraws d(t.params.population, t.params.population.adult_age_group_weight);
  block = Block{};
  block.households.id.reserve(count);
  block.persons.id.reserve(count * 3);
  for (std::uint32_t h = 0; h < count; ++h)
    append_household(t, d, key, month_index, first_household + h, Origin::Initial, block);
}

void append_household(const ModelTables& t, HouseholdDraws& d, const sim::RandomKey& key, int month_index,
                      std::uint64_t hid, Origin origin, Block& block) {
  const PopulationParams& p = t.params.population;
  Households& hh = block.households;
  Persons& ps = block.persons;
  const std::size_t h = hh.count();
  hh.resize(h + 1);
  {
    sim::KeyedStream rng(key, hid, static_cast<std::uint32_t>(month_index), id(Stream::SynthesisHousehold));
    const auto type = static_cast<HouseholdType>(d.type(rng));
    const int district = d.district(rng);
    std::vector<Member> members = make_members(p, t.params.demography.male_share_at_birth, d, type, rng);
    const int head_age = members[0].age_months;

    // Arrivals come without local welfare or care: those start here, through the model.
    bool on_welfare = false;
    if (origin == Origin::Initial && head_age < t.welfare.pension_age_months) {
      const double share = std::min(1.0, p.welfare_share_by_type[static_cast<int>(type)] * t.district_rr[district]);
      on_welfare = bernoulli_distribution<double>(share)(rng);
    }
    const int income = on_welfare ? 0 : d.income(rng);
    const int network = d.network(rng);
    const double u_debt = rng.uniform01();
    DebtState debt = DebtState::None;
    if (u_debt < p.problematic_debt_share_by_income[income])  // arrivals bring no municipal debt help
      debt = rng.uniform01() < t.params.debts.in_help_share && origin == Origin::Initial ? DebtState::ReliefOrGuardianship
                                                                                          : DebtState::Problematic;
    else if (u_debt < p.problematic_debt_share_by_income[income] + p.arrears_share_by_income[income])
      debt = DebtState::Arrears;
    int spell = 0;
    if (on_welfare) spell = initial_spell_months(t.welfare, rng.uniform01()) + 1;

    hh.id[h] = hid;
    hh.first[h] = static_cast<std::uint32_t>(ps.size());
    hh.size[h] = static_cast<std::uint8_t>(members.size());
    hh.type[h] = static_cast<std::uint8_t>(type);
    hh.district[h] = static_cast<std::uint8_t>(district);
    hh.income[h] = static_cast<std::uint8_t>(income);
    hh.network[h] = static_cast<std::uint8_t>(network);
    hh.debt[h] = static_cast<std::uint8_t>(debt);
    hh.welfare[h] = static_cast<std::uint16_t>(std::min(spell, 65535));
    hh.flags[h] = rng.uniform01() < t.params.debts.insurance_take_up ? household_flags::takes_up_insurance : 0;

    // Person traits first (the youth covariates need the parents' vulnerabilities).
    bool vulnerable_parent = false, low_literate_parent = false;
    for (std::size_t i = 0; i < members.size(); ++i) {
      Member& m = members[i];
      const std::uint64_t pid = hid * 16 + i;
      sim::KeyedStream prng(key, pid, static_cast<std::uint32_t>(month_index), id(Stream::SynthesisPerson));
      const int y = m.age_months / 12;
      std::uint8_t tr = person_traits(p, t.frailty, m.traits & trait::female, trait::role(m.traits), y, prng);
      // Employment starts in its stationary state, by vulnerability and the household's debts.
      const int group = employment_group(trait::vulnerable(tr), debt >= DebtState::Problematic);
      if (y >= 18 && m.age_months < t.employment.max_age_months && !on_welfare &&
          bernoulli_distribution<double>(t.employment.stationary[group])(prng))
        tr |= trait::employed;
      m.traits = tr;
      const Role r = trait::role(tr);
      if ((r == Role::Head || r == Role::Partner) && trait::vulnerable(tr))
        vulnerable_parent = true;
      if ((r == Role::Head || r == Role::Partner) && (tr & trait::low_literacy)) low_literate_parent = true;
    }
    for (std::size_t i = 0; i < members.size(); ++i) {
      const Member& m = members[i];
      const std::uint64_t pid = hid * 16 + i;
      sim::KeyedStream prng(key, pid, static_cast<std::uint32_t>(month_index), id(Stream::SynthesisCare));
      const int y = m.age_months / 12;
      std::uint8_t youth = 0, protection = 0, need = 0;
      if (y < 23 && origin == Origin::Initial) {
        YouthCovariates c{income, network, type == HouseholdType::SingleParent, vulnerable_parent,
                          has_problematic_debts(static_cast<std::uint8_t>(debt)),
                          static_cast<bool>(m.traits & trait::lvb), low_literate_parent};
        // The position of a cohort born self-reliant, at this age (months of unmet need start at 0; the queue starts empty).
        const auto& cum = t.youth.initial[static_cast<std::size_t>(std::min(y, 17))][c.index()];
        const double u = prng.uniform01();
        int pos = static_cast<int>(std::upper_bound(cum.begin(), cum.end(), u) - cum.begin());
        pos = std::min(pos, youth_position_count - 1);
        if (position_unmet(pos) && y < 18) need = static_cast<std::uint8_t>(pos - 6);
        int s = y < 18 ? position_care(pos) : position_unmet(pos) ? 0 : pos;  // unmet needs end at 18
        if (y >= 18) {
          // Care at 18-22 is extended care that started before 18: kept at 18 with the
          // extension probability, then surviving the state's exit hazard since then.
          const double exit = s == 2 ? t.youth.ambulant_exit : s >= 3 ? t.youth.placement_exit[s - 3] : 1.0;
          const double kept = t.youth.extension_after_18 * std::pow(1.0 - exit, m.age_months - 18 * 12);
          if (youth_tier(s) < 2 || prng.uniform01() >= kept) s = 0;
        }
        youth = static_cast<std::uint8_t>(s);
        if (y < 18) {  // child protection from its stationary distribution given the care state
          const auto pi = protection_stationary(t.youth, s, t.youth.rr[c.index()]);
          const double u = prng.uniform01();
          protection = u < pi[1] ? 1 : u < pi[1] + pi[2] ? 2 : 0;
        }
      }
      std::uint8_t wmo = 0, wlz = 0;
      std::uint16_t adult_need = 0;
      if (y >= 18 && origin == Origin::Initial) {
        const int vi = trait::vulnerability_index(m.traits), band = adult_band(y);
        // Holding shares with death, and the Wlz takeover of home care, as further exits (a
        // stationary state without them would overstate older adults' holdings); the Wlz share
        // from the cohort recursion over the person's past ages (initial_wlz_share).
        const double w = t.wlz.takeover[band];
        const auto& q = (m.traits & trait::female) ? t.params.demography.mortality_female
                                                   : t.params.demography.mortality_male;
        const double monthly = monthly_from_annual_probability(q[mortality_band(y)]) * t.wlz.outside[band];
        std::array<double, wmo_provision_count> held{};
        for (int k = 0; k < wmo_provision_count; ++k) {
          const bool home = (wlz_home_care >> k) & 1;
          held[k] = initial_holding_probability(t.wmo, t.adult_need, k, band, vi, income, network, home ? w : 0.0,
                                                monthly);
        }
        const double in_wlz = initial_wlz_share(t, m.traits & trait::female, m.age_months, vi, income, network);
        if (in_wlz > 0) wlz = prng.uniform01() < in_wlz;
        for (int k = 0; k < wmo_provision_count && !wlz; ++k)
          if (prng.uniform01() < held[k]) wmo |= static_cast<std::uint8_t>(1u << k);
        // At most one unmet need, for a provision not held: its stationary share given that
        // the provision is not held (moderate, just arisen: an approximation).
        const double u = prng.uniform01();
        double edge = 0;
        for (int k = 1; k < wmo_provision_count && !adult_need && !wlz; ++k) {
          if ((wmo >> k) & 1) continue;
          const double e = t.wmo.exit[k] + ((wlz_home_care >> k) & 1 ? w : 0.0) + monthly;
          const AdultNeedShares sh = adult_need_stationary(t.adult_need, start_hazard(t.wmo, k, band, vi, income, network),
                                                           e, network, m.traits & trait::low_literacy, monthly);
          if (u < (edge += sh.unmet / (1.0 - sh.held))) adult_need = static_cast<std::uint16_t>(k);
        }
      }
      ps.id.push_back(pid);
      ps.age_months.push_back(static_cast<std::uint16_t>(m.age_months));
      ps.traits.push_back(m.traits);
      ps.youth.push_back(youth);
      ps.wmo.push_back(wmo);
      ps.youth_wait.push_back(0);
      ps.protection.push_back(protection);
      ps.wmo_wait.push_back(0);
      ps.youth_need.push_back(need);
      ps.adult_need.push_back(adult_need);
      ps.wlz.push_back(wlz);
      ps.care.push_back({});  // provisions are chosen when first recorded
    }
  }
}

}  // namespace zorgsim::models
