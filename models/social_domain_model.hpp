#pragma once
// The social-domain model as the engine sees it: indicators, summary columns, and a
// world of household blocks per replicate.
#include <cstdint>
#include <memory>

#include "models/model_tables.hpp"
#include "models/policy_schedule.hpp"
#include "sim/model.hpp"

namespace zorgsim::models {

class SocialDomainModel final : public sim::Model {
 public:
  /// `scale` multiplies the profile's households (e.g. 100 for a large benchmark);
  /// `block_households` is the work unit of parallel loops (results do not depend on it
  /// being run by any particular thread, but they do depend on it through nothing: each
  /// household draws from its own streams).
  /// `plan`: the scenario's policy measures over the run's horizon (none: the baseline).
  SocialDomainModel(const ModelParams& params, double scale, std::uint32_t block_households, PolicyPlan plan = {});

  const std::vector<sim::IndicatorSpec>& indicators() const override;
  const std::vector<sim::SummaryColumn>& summary_columns() const override;
  std::unique_ptr<sim::World> create_world(const sim::RandomKey& key, int first_month_index) const override;

  /// The measure-free tables (the synthesis and the indicator layout).
  const ModelTables& tables() const { return m_schedule.initial(); }
  const PolicySchedule& schedule() const { return m_schedule; }
  std::uint64_t household_count() const { return m_households; }

 private:
  PolicySchedule m_schedule;
  std::uint64_t m_households;
  std::uint32_t m_block_households;
};

}  // namespace zorgsim::models
