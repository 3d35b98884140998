#pragma once
// What the engine needs from a model, and nothing domain-specific: indicators to record,
// a world per replicate made of independent blocks, and how to step one block one month.
// The engine owns the clock, the threads, the reductions and the output.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/rng.hpp"

namespace zorgsim::sim {

/// How monthly values become yearly values.
enum class Aggregation {
  Stock,  // a count at the end of the month; the year's value is December's
  Flow,   // an amount during the month; the year's value is the sum of its months
};

/// One recorded indicator: a scalar or a vector over named categories, per month.
struct IndicatorSpec {
  std::string name;         // "youth.stock_by_state": a dot separates group and name
  std::string unit;         // "persons", "EUR", "households"
  Aggregation aggregation = Aggregation::Stock;
  std::string description;  // what it counts, in English
  std::string dutch;        // the Dutch term users look for
  std::vector<std::string> categories;  // empty = scalar
  std::size_t width() const { return categories.empty() ? 1 : categories.size(); }
};

/// A column of the per-year summary table: the sum of some categories of an indicator.
struct SummaryColumn {
  std::string header;
  std::string indicator;
  std::vector<int> categories;  // empty = all
  double scale = 1.0;           // e.g. 1e-6 for EUR million
  int decimals = 0;
};

/// What the clock tells a block each month.
struct StepContext {
  int month_index = 0;     // Month::index() of the month being simulated
  int step = 0;            // 0 for the first simulated month
  RandomKey key;
};

/// How a month is split. A per-block phase runs on every block, in parallel; a global
/// phase runs once, on one thread, and may read and write every block (e.g. to allocate
/// scarce capacity or to hand arrivals to blocks). Phases run in the order listed.
enum class PhaseKind { PerBlock, Global };

/// The state of one top-level entity in a digest (tests of common random numbers): two runs
/// that treat an entity alike give it equal digests.
struct EntityDigest {
  std::uint64_t id = 0;
  int group = 0;           // a model-defined grouping (e.g. the household's district)
  bool coupled = false;    // takes part in a shared allocation now (a queue, a waiting list)
  std::uint64_t digest = 0;
};

/// One replicate's simulated population, split in blocks that can be stepped in parallel.
/// A block's step reads and writes only that block (plus read-only shared data), and
/// adds its contributions to a tally laid out as the model's indicators, in order.
class World {
 public:
  virtual ~World() = default;
  virtual std::size_t block_count() const = 0;
  /// Synthesises block `b` (called once, blocks in any order and in parallel).
  virtual void init_block(std::size_t b) = 0;
  /// The phases of a month (default: one per-block phase).
  virtual std::vector<PhaseKind> month_phases() const { return {PhaseKind::PerBlock}; }
  /// Per-block phase `phase` of one month for block `b`; adds to that block's `tally`.
  virtual void step_block(std::size_t b, int phase, const StepContext& ctx, double* tally) = 0;
  /// Global phase `phase` of one month; adds to the month's global tally row (summed
  /// after the block rows, in a fixed order).
  virtual void step_global(int /*phase*/, const StepContext& /*ctx*/, double* /*tally*/) {}
  /// Adds the block's current stocks to `tally` without simulating (the initial state).
  virtual void record_block(std::size_t b, const StepContext& ctx, double* tally) = 0;
  virtual std::size_t person_count() const = 0;
  /// One digest per top-level entity, in a fixed order (default: none).
  virtual std::vector<EntityDigest> entity_digests() const { return {}; }
  /// Bytes of simulation state held (capacity, not just size).
  virtual std::size_t state_bytes() const = 0;
};

class Model {
 public:
  virtual ~Model() = default;
  virtual const std::vector<IndicatorSpec>& indicators() const = 0;
  virtual const std::vector<SummaryColumn>& summary_columns() const = 0;
  /// A new world for one replicate; blocks are synthesised later by init_block.
  virtual std::unique_ptr<World> create_world(const RandomKey& key, int first_month_index) const = 0;
};

}  // namespace zorgsim::sim
