#include "models/social_domain_model.hpp"

#include <cmath>
#include <stdexcept>

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
  HouseholdWorld(const ModelTables& t, const sim::RandomKey& key, int first_month, std::uint64_t households,
                 std::uint32_t block_households)
      : m_tables(t), m_key(key), m_first_month(first_month), m_households(households),
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
    if (phase == 2) {
      Tally t(tally, m_tables.layout);
      triage(m_tables, m_blocks, ctx, t);
      triage_adults(m_tables, m_blocks, ctx, t);
      allocate_places(m_tables, m_blocks, ctx);
      return;
    }
    // Poisson number of arriving households; arrival k goes to block k mod blocks. Its
    // id, and so everything drawn for it, does not depend on which block holds it.
    sim::KeyedStream rng(ctx.key, arrivals_entity, static_cast<std::uint32_t>(ctx.month_index), id(Stream::Arrivals));
    const double mean = m_tables.arrivals_per_month * static_cast<double>(m_households);
    const int n = mean > 0 ? boost::random::poisson_distribution<int, double>(mean)(rng) : 0;
    for (int k = 0; k < n && k < (1 << 20); ++k)
      m_blocks[static_cast<std::size_t>(k) % m_blocks.size()].arrivals.push_back(
          arrival_household_id(ctx.month_index, static_cast<std::uint32_t>(k)));
  }

  void step_block(std::size_t b, int phase, const sim::StepContext& ctx, double* tally) override {
    Tally t(tally, m_tables.layout);
    if (phase == 1) models::step_block_first(m_tables, m_blocks[b], ctx, t);
    else models::step_block_second(m_tables, m_blocks[b], ctx, t);
  }

  void record_block(std::size_t b, const sim::StepContext& ctx, double* tally) override {
    Tally t(tally, m_tables.layout);
    record(m_tables, m_blocks[b], ctx, t);
  }

  std::size_t person_count() const override {
    std::size_t n = 0;
    for (const Block& b : m_blocks) n += b.persons.size();
    return n;
  }

  std::size_t state_bytes() const override {
    std::size_t n = sizeof(*this) + m_blocks.capacity() * sizeof(Block);
    for (const Block& b : m_blocks) n += b.bytes() - sizeof(Block);
    return n;
  }

 private:
  const ModelTables& m_tables;
  sim::RandomKey m_key;
  int m_first_month;
  std::uint64_t m_households;
  std::uint32_t m_block_households;
  std::vector<Block> m_blocks;
};

}  // namespace

SocialDomainModel::SocialDomainModel(const ModelParams& params, double scale, std::uint32_t block_households)
    : m_tables(prepare_tables(params)),
      m_households(static_cast<std::uint64_t>(std::llround(params.population.households * scale))),
      m_block_households(block_households) {
  if (m_households == 0) throw std::invalid_argument("the population has no households");
  if (m_tables.triage_capacity >= 0) {  // the local team is sized for the base-year population
    m_tables.triage_capacity = static_cast<std::int64_t>(
        std::llround(params.access.wijkteam_fte * params.access.assessments_per_fte_month * scale));
    m_tables.wmo_triage_capacity = static_cast<std::int64_t>(
        std::llround(params.access.wmo_fte * params.access.assessments_per_fte_month * scale));
  }
  m_tables.wijkteam_cost_per_month *= scale;
  m_tables.wmo_team_cost_per_month *= scale;
  for (std::size_t k = 0; k < params.provisions.size(); ++k) {  // budgets and places of the base-year population
    Provision& p = m_tables.provisions.provisions[k];
    p.budget_per_month *= scale;
    if (p.places >= 0) p.places = static_cast<std::int64_t>(std::llround(params.provisions[k].places * scale));
  }
  if (m_households >= max_households) throw std::invalid_argument("too many households for 40-bit ids");
  if (block_households == 0 || block_households > 1u << 20) throw std::invalid_argument("bad block size");
}

const std::vector<sim::IndicatorSpec>& SocialDomainModel::indicators() const { return m_tables.layout.specs; }
const std::vector<sim::SummaryColumn>& SocialDomainModel::summary_columns() const { return models::summary_columns(); }

std::unique_ptr<sim::World> SocialDomainModel::create_world(const sim::RandomKey& key, int first_month_index) const {
  return std::make_unique<HouseholdWorld>(m_tables, key, first_month_index, m_households, m_block_households);
}

}  // namespace zorgsim::models
