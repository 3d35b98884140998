#pragma once
// The measures of a scenario laid out over the months of a run: for each month, the derived
// tables each person lives under. Untargeted measures act on everyone; each distinct target
// of the month's targeted measures is one bit of a person's cell, and cell c's tables carry
// the untargeted measures plus the targeted ones whose bits are set in c. A person outside
// every target (cell 0) lives under exactly the tables of the untargeted measures, so a
// targeted measure changes nothing outside its target. Tables are computed once, before any
// simulation, and shared by every replicate (read-only).
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "models/measures.hpp"
#include "models/model_tables.hpp"
#include "models/population.hpp"

namespace zorgsim::models {

/// The tables of one month.
struct PolicyMonth {
  std::vector<const ModelTables*> by_cell;  // [cell]; cell 0: outside every target; null: a cell nobody is in
  std::vector<const Target*> targets;       // the month's distinct targets (bit k of a cell)
  std::vector<double> intensity;            // [measure]: share of full effect this month
  std::vector<double> own_cost;             // [measure]: EUR this month, base-year prices, scaled
  std::vector<double> budget_line;          // [measure]: EUR this month, base-year prices, scaled

  int cell(const Eligibility& who) const {
    int c = 0;
    for (std::size_t k = 0; k < targets.size(); ++k) c |= static_cast<int>(targets[k]->contains(who)) << k;
    return c;
  }
  /// The tables a person (or household, by its head) lives under this month.
  const ModelTables& operator()(const Eligibility& who) const {
    return targets.empty() ? *by_cell[0] : *by_cell[static_cast<std::size_t>(cell(who))];
  }
  const ModelTables& at(int cell) const { return *by_cell[static_cast<std::size_t>(cell)]; }
  /// The tables of person i of a block, by the cell computed for it this month (compute_cells).
  const ModelTables& of(const Block& b, std::size_t i) const {
    return targets.empty() ? *by_cell[0] : *by_cell[b.cells[i]];
  }
  /// Outside every target: what municipality-wide phases (capacities, budgets) read.
  const ModelTables& base() const { return *by_cell[0]; }
  int cells() const { return static_cast<int>(by_cell.size()); }
  /// One set of tables for everyone (no measure; unit tests).
  static PolicyMonth of(const ModelTables& t) {
    PolicyMonth m;
    m.by_cell = {&t};
    return m;
  }
};

/// A phase's copy of what it needs from the month, in locals the compiler keeps in
/// registers (stores to the byte arrays of the state may alias any memory it reads through
/// a reference): with no targeted measure every lookup is the base tables.
class PolicyView {
 public:
  PolicyView(const PolicyMonth& pm, const Block& b)
      : m_cells(b.cells.data()), m_by_cell(pm.by_cell.data()), m_uniform(pm.targets.empty()) {}
  /// The tables of person i (for a household's rules: its head).
  const ModelTables& person(std::size_t i) const { return m_uniform ? *m_by_cell[0] : *m_by_cell[m_cells[i]]; }

 private:
  const std::uint8_t* m_cells;
  const ModelTables* const* m_by_cell;
  bool m_uniform;
};

/// Each person's cell from the household's income class, type and district and the person's
/// age now (`b.cells`); nothing when no measure is targeted this month.
void compute_cells(const PolicyMonth& pm, Block& b);

/// At most this many distinct targets may be active in one month (cells = 2^targets).
inline constexpr int max_targets_per_month = 6;

/// A scenario's measures over a horizon.
struct PolicyPlan {
  std::vector<Measure> measures;           // validated and bound (validate_measure)
  std::vector<std::string> columns;        // the categories of the measures.* indicators (ids); empty = the measures' ids
  int first_month = 0;                     // Month::index() of the first simulated month
  int months = 0;
};

class PolicySchedule {
 public:
  /// `scale` multiplies capacities, budgets and measure costs like the population.
  PolicySchedule(const ModelParams& base, double scale, PolicyPlan plan);
  PolicySchedule(const PolicySchedule&) = delete;
  PolicySchedule& operator=(const PolicySchedule&) = delete;

  /// No measure: the synthesis of the base-year population and the indicator layout.
  const ModelTables& initial() const { return *m_initial; }
  /// The month's tables (months outside the horizon: no measure).
  const PolicyMonth& month(int month_index) const;
  const std::vector<Measure>& measures() const { return m_plan.measures; }
  /// The layout column of measure k in the measures.* indicators.
  int column(std::size_t k) const { return m_column[k]; }
  std::size_t distinct_tables() const { return m_tables.size(); }

 private:
  const ModelTables* tables_for(const std::vector<std::pair<int, double>>& applied);
  PolicyPlan m_plan;
  ModelParams m_base;
  double m_scale;
  std::deque<ModelTables> m_tables;  // stable addresses
  std::map<std::vector<std::pair<int, double>>, const ModelTables*> m_cache;
  const ModelTables* m_initial = nullptr;
  std::vector<PolicyMonth> m_months;
  PolicyMonth m_none;
  std::vector<int> m_column;
};

/// Scales a municipality's tables: the local team's capacity and cost, the provisions'
/// budgets and places (sized for the base-year population) by `scale`.
void scale_tables(ModelTables& t, const ModelParams& p, double scale);

}  // namespace zorgsim::models
