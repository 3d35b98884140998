#include "models/social_domain_model.hpp"

#include <cmath>
#include <stdexcept>

#include "models/block_access.hpp"
#include "models/indicators.hpp"
#include "models/monthly_step.hpp"
#include "models/population_synthesis.hpp"
#include "models/streams.hpp"
#include "models/waiting_lists.hpp"
#include "models/wijkteam.hpp"

#include <boost/random/poisson_distribution.hpp>

namespace zorgsim::models {

namespace {

class HouseholdWorld final : public sim::World {
 public:
  HouseholdWorld(const PolicySchedule& s, const sim::RandomKey& key, int first_month, std::uint64_t households,
                 std::uint32_t block_households)
      : m_schedule(s), m_tables(s.initial()), m_key(key), m_first_month(first_month), m_households(households),
        m_block_households(block_households),
        m_blocks((households + block_households - 1) / block_households) {}

  std::size_t block_count() const override { return m_blocks.size(); }

  void init_block(std::size_t b) override {
    const std::uint64_t first = b * std::uint64_t{m_block_households};
    const auto count = static_cast<std::uint32_t>(std::min<std::uint64_t>(m_block_households, m_households - first));
    synthesize_block(m_tables, m_key, m_first_month, first, count, m_blocks[b]);
    m_blocks[b].carries_budgets = b == 0;  // fixed budgets are booked once, in the first block
  }

  // A month: arrivals for the whole municipality (global), the first half of every block's
  // month (per block), the allocation of youth-care places (global), the second half.
  std::vector<sim::PhaseKind> month_phases() const override {
    return {sim::PhaseKind::Global, sim::PhaseKind::PerBlock, sim::PhaseKind::Global, sim::PhaseKind::PerBlock};
  }

  void step_global(int phase, const sim::StepContext& ctx, double* tally) override {
    const PolicyMonth& pm = m_schedule.month(ctx.month_index);
    Tally t(tally, m_tables.layout);
    if (phase == 2) {
      triage(pm, m_blocks, ctx, t);
      triage_adults(pm, m_blocks, ctx, t);
      allocate_places(pm, m_blocks, ctx);
      return;
    }
    update_admission_stops(pm, ctx, t);
    book_measures(pm, ctx, t);
    // Poisson number of arriving households; arrival k goes to block k mod blocks. Its
    // id, and so everything drawn for it, does not depend on which block holds it.
    sim::KeyedStream rng(ctx.key, arrivals_entity, static_cast<std::uint32_t>(ctx.month_index), id(Stream::Arrivals));
    const double mean = pm.base().arrivals_per_month * static_cast<double>(m_households);
    const int n = mean > 0 ? boost::random::poisson_distribution<int, double>(mean)(rng) : 0;
    for (int k = 0; k < n && k < (1 << 20); ++k)
      m_blocks[static_cast<std::size_t>(k) % m_blocks.size()].arrivals.push_back(
          arrival_household_id(ctx.month_index, static_cast<std::uint32_t>(k)));
  }

  void step_block(std::size_t b, int phase, const sim::StepContext& ctx, double* tally) override {
    Tally t(tally, m_tables.layout);
    const PolicyMonth& pm = m_schedule.month(ctx.month_index);
    if (phase == 1) models::step_block_first(pm, m_blocks[b], ctx, t);
    else models::step_block_second(pm, m_blocks[b], ctx, t);
  }

  void record_block(std::size_t b, const sim::StepContext& ctx, double* tally) override {
    Tally t(tally, m_tables.layout);
    record(m_schedule.month(ctx.month_index), m_blocks[b], ctx, t);
  }

  std::size_t person_count() const override {
    std::size_t n = 0;
    for (const Block& b : m_blocks) n += b.persons.size();
    return n;
  }

  // Per household: id, district (group), whether a member waits in the team's queue or for
  // a place (coupled to others through capacity), and an FNV-1a hash of its state and its
  // members' state.
  std::vector<sim::EntityDigest> entity_digests() const override {
    std::vector<sim::EntityDigest> out;
    for (const Block& b : m_blocks) {
      const Households& hh = b.households;
      const Persons& ps = b.persons;
      for (std::size_t h = 0; h < hh.count(); ++h) {
        std::uint64_t x = 1469598103934665603ull;
        const auto mix = [&x](std::uint64_t v) {
          for (int k = 0; k < 8; ++k) x = (x ^ ((v >> (8 * k)) & 0xFF)) * 1099511628211ull;
        };
        mix(hh.type[h]), mix(hh.income[h]), mix(hh.network[h]), mix(hh.debt[h]), mix(hh.welfare[h]);
        mix(hh.flags[h]), mix(hh.welfare_care[h]), mix(hh.debt_care[h]), mix(hh.size[h]);
        bool coupled = false;
        const auto [begin, end] = members(hh, h);
        for (std::size_t i = begin; i < end; ++i) {
          mix(ps.id[i]), mix(ps.age_months[i]), mix(ps.traits[i]), mix(ps.youth[i]), mix(ps.wmo[i]);
          mix(ps.youth_wait[i]), mix(ps.protection[i]), mix(ps.wmo_wait[i]), mix(ps.youth_need[i]);
          mix(ps.adult_need[i]), mix(ps.wlz[i]);
          const CareBytes& c = ps.care[i];
          mix(c.youth), mix(c.protection), mix(c.youth_waiting), mix(c.wmo_waiting);
          for (std::uint8_t w : c.wmo) mix(w);
          coupled |= ps.youth_wait[i] || ps.wmo_wait[i] || (ps.youth_need[i] & youth_need_bits::asked) ||
                     (ps.adult_need[i] & adult_need_bits::asked);
        }
        out.push_back({hh.id[h], hh.district[h], coupled, x});
      }
    }
    return out;
  }

  std::size_t state_bytes() const override {
    std::size_t n = sizeof(*this) + m_blocks.capacity() * sizeof(Block);
    for (const Block& b : m_blocks) n += b.bytes() - sizeof(Block);
    return n;
  }

 private:
  // Budget ceilings: each law's spending so far this year (nominal EUR: the blocks' cost of
  // the months before this one, summed in block order, plus the global costs) against its
  // ceiling pro rata; over it, the law's admission stop holds this month.
  void update_admission_stops(const PolicyMonth& pm, const sim::StepContext& ctx, Tally& t) {
    const ModelTables& base = pm.base();
    if (ctx.month_index % 12 == 0) {
      m_year_to_date.fill(0.0);
      m_months_to_date = 0;
    } else {
      for (const Block& b : m_blocks)
        for (int l = 0; l < law_count; ++l) m_year_to_date[l] += b.cost_by_law[l];
      for (int l = 0; l < law_count; ++l) m_year_to_date[l] += m_global_cost[l];
      ++m_months_to_date;
    }
    std::array<bool, law_count> stop{};
    for (int l = 0; l < law_count; ++l) {
      const double ceiling = base.budget_ceiling_per_month[l];
      stop[l] = base.admission_stop && ceiling >= 0 && m_months_to_date > 0 &&
                m_year_to_date[l] > ceiling * base.price_index(ctx.month_index) * m_months_to_date;
      if (stop[l]) t.add(Ind::AdmissionStop, l, 1.0);
    }
    for (Block& b : m_blocks) b.admission_stop = stop;
    // This month's global costs (the local team, the measures), added next month.
    const double index = base.price_index(ctx.month_index);
    m_global_cost.fill(0.0);
    m_global_cost[static_cast<int>(Law::Jeugdwet)] += base.wijkteam_cost_per_month * index;
    m_global_cost[static_cast<int>(Law::Wmo)] += base.wmo_team_cost_per_month * index;
    for (std::size_t k = 0; k < pm.own_cost.size(); ++k)
      m_global_cost[m_schedule.measures()[k].cost_law] += pm.own_cost[k] * index;
  }

  // The measures' intensity, own cost (in cost.by_law) and budget lines (apart), indexed.
  void book_measures(const PolicyMonth& pm, const sim::StepContext& ctx, Tally& t) {
    const double index = pm.base().price_index(ctx.month_index);
    for (std::size_t k = 0; k < pm.intensity.size(); ++k) {
      const Measure& m = m_schedule.measures()[k];
      const int column = m_schedule.column(k);
      t.add(Ind::MeasureIntensity, column, pm.intensity[k]);
      if (const double cost = pm.own_cost[k] * index; cost != 0) {
        t.add(Ind::MeasureOwnCost, column, cost);
        t.add(Ind::CostByCareType, care_type_measures + m.cost_law, cost);
        t.add(Ind::CostByLaw, m.cost_law, cost);
        t.add(Ind::CostNet, cost);
      }
      if (const double line = pm.budget_line[k] * index; line != 0) {
        t.add(Ind::MeasureBudgetLine, column, line);
        t.add(Ind::BudgetLinesByLaw, m.budget_law, line);
      }
    }
  }

  const PolicySchedule& m_schedule;
  const ModelTables& m_tables;  // measure-free: synthesis and layout
  std::array<double, law_count> m_year_to_date{}, m_global_cost{};
  int m_months_to_date = 0;
  sim::RandomKey m_key;
  int m_first_month;
  std::uint64_t m_households;
  std::uint32_t m_block_households;
  std::vector<Block> m_blocks;
};

}  // namespace

SocialDomainModel::SocialDomainModel(const ModelParams& params, double scale, std::uint32_t block_households,
                                     PolicyPlan plan)
    : m_schedule(params, scale, std::move(plan)),
      m_households(static_cast<std::uint64_t>(std::llround(params.population.households * scale))),
      m_block_households(block_households) {
  if (m_households == 0) throw std::invalid_argument("the population has no households");
  if (m_households >= max_households) throw std::invalid_argument("too many households for 40-bit ids");
  if (block_households == 0 || block_households > 1u << 20) throw std::invalid_argument("bad block size");
}

const std::vector<sim::IndicatorSpec>& SocialDomainModel::indicators() const { return tables().layout.specs; }
const std::vector<sim::SummaryColumn>& SocialDomainModel::summary_columns() const { return models::summary_columns(); }

std::unique_ptr<sim::World> SocialDomainModel::create_world(const sim::RandomKey& key, int first_month_index) const {
  return std::make_unique<HouseholdWorld>(m_schedule, key, first_month_index, m_households, m_block_households);
}

}  // namespace zorgsim::models
