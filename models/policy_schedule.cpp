#include "models/policy_schedule.hpp"

#include "models/block_access.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace zorgsim::models {

void scale_tables(ModelTables& t, const ModelParams& p, double scale) {
  if (t.triage_capacity >= 0) {  // the local team is sized for the base-year population
    t.triage_capacity =
        static_cast<std::int64_t>(std::llround(p.access.wijkteam_fte * p.access.assessments_per_fte_month * scale));
    t.wmo_triage_capacity =
        static_cast<std::int64_t>(std::llround(p.access.wmo_fte * p.access.assessments_per_fte_month * scale));
  }
  t.wijkteam_cost_per_month *= scale;
  t.wmo_team_cost_per_month *= scale;
  for (double& c : t.budget_ceiling_per_month)
    if (c >= 0) c *= scale;
  for (std::size_t k = 0; k < p.provisions.size(); ++k) {  // budgets and places of the base-year population
    Provision& q = t.provisions.provisions[k];
    q.budget_per_month *= scale;
    if (q.places >= 0) q.places = static_cast<std::int64_t>(std::llround(p.provisions[k].places * scale));
  }
}

namespace {
// The cells somebody can be in: every combination of age (at the targets' age limits),
// income class, household type and district. Tables are prepared for these only.
std::vector<bool> reachable_cells(const PolicyMonth& pm, std::size_t districts) {
  std::vector<int> ages = {0};
  for (const Target* t : pm.targets) {
    ages.push_back(t->min_age);
    if (t->max_age < 120) ages.push_back(t->max_age + 1);
  }
  std::vector<bool> reachable(std::size_t{1} << pm.targets.size(), false);
  reachable[0] = true;  // outside every target: what municipality-wide phases read, reachable or not
  for (int age : ages)
    for (int income = 0; income < income_class_count; ++income)
      for (int type = 0; type < household_type_count; ++type)
        for (std::size_t d = 0; d < std::max<std::size_t>(districts, 1); ++d)
          reachable[static_cast<std::size_t>(pm.cell({age, income, type, static_cast<int>(d)}))] = true;
  return reachable;
}
}  // namespace

const ModelTables* PolicySchedule::tables_for(const std::vector<std::pair<int, double>>& applied) {
  if (auto it = m_cache.find(applied); it != m_cache.end()) return it->second;
  ModelParams p = m_base;
  std::vector<std::pair<const Effect*, double>> effects;
  for (const auto& [k, f] : applied)
    for (const Effect& e : m_plan.measures[static_cast<std::size_t>(k)].effects) effects.push_back({&e, f});
  apply_effects(effects, p);
  ModelTables& t = m_tables.emplace_back(prepare_tables(p, m_initial));
  scale_tables(t, p, m_scale);
  t.layout = {};  // tallies use the initial tables' layout (the same for every cell)
  m_cache.emplace(applied, &t);
  return &t;
}

PolicySchedule::PolicySchedule(const ModelParams& base, double scale, PolicyPlan plan)
    : m_plan(std::move(plan)), m_base(base), m_scale(scale) {
  std::vector<std::string> columns = m_plan.columns;
  if (columns.empty())
    for (const Measure& m : m_plan.measures) columns.push_back(m.id);
  for (const Measure& m : m_plan.measures) {
    int c = -1;
    for (std::size_t k = 0; k < columns.size(); ++k)
      if (columns[k] == m.id) c = static_cast<int>(k);
    if (c < 0) throw std::invalid_argument("measure '" + m.id + "' has no column in the measures indicators");
    m_column.push_back(c);
  }
  ModelTables& none = m_tables.emplace_back(prepare_tables(m_base));
  scale_tables(none, m_base, m_scale);
  std::vector<std::string> provision_ids;
  for (const ProvisionParams& q : m_base.provisions) provision_ids.push_back(q.id);
  none.layout = IndicatorLayout(m_base.population.district_names, provision_ids, columns);
  m_initial = &none;
  m_cache.emplace(std::vector<std::pair<int, double>>{}, &none);
  const std::size_t n = m_plan.measures.size();
  m_none.by_cell = {m_initial};
  m_none.intensity.assign(n, 0.0);
  m_none.own_cost.assign(n, 0.0);
  m_none.budget_line.assign(n, 0.0);

  for (int m = 0; m < m_plan.months; ++m) {
    const int month = m_plan.first_month + m;
    PolicyMonth pm = m_none;
    std::vector<std::pair<int, double>> untargeted;
    std::vector<std::vector<std::pair<int, double>>> by_target;  // per distinct target
    for (std::size_t k = 0; k < n; ++k) {
      const Measure& x = m_plan.measures[k];
      const double f = x.intensity(month);
      pm.intensity[k] = f;
      if (f <= 0) continue;
      pm.own_cost[k] = x.cost_per_month.value * m_scale + (month == x.start ? x.cost_one_off.value * m_scale : 0.0);
      pm.budget_line[k] = x.budget_per_year.value / 12.0 * m_scale;
      if (x.effects.empty()) continue;
      if (!x.target.restricts()) {
        untargeted.push_back({static_cast<int>(k), f});
        continue;
      }
      std::size_t bit = 0;
      while (bit < pm.targets.size() && !(*pm.targets[bit] == x.target)) ++bit;
      if (bit == pm.targets.size()) {
        pm.targets.push_back(&x.target);
        by_target.emplace_back();
      }
      by_target[bit].push_back({static_cast<int>(k), f});
    }
    if (pm.targets.size() > static_cast<std::size_t>(max_targets_per_month))
      throw std::invalid_argument("more than " + std::to_string(max_targets_per_month) +
                                  " distinct measure targets are active in one month");
    const std::size_t cells = std::size_t{1} << pm.targets.size();
    pm.by_cell.assign(cells, nullptr);
    const std::vector<bool> reachable = reachable_cells(pm, m_base.population.district_names.size());
    for (std::size_t c = 0; c < cells; ++c) {
      if (!reachable[c]) continue;  // nobody is in these targets at once (e.g. ages 7-12 and 65+)
      // Measures apply in the scenario's order, whichever target they belong to.
      std::vector<std::pair<int, double>> applied = untargeted;
      for (std::size_t bit = 0; bit < pm.targets.size(); ++bit)
        if ((c >> bit) & 1) applied.insert(applied.end(), by_target[bit].begin(), by_target[bit].end());
      std::sort(applied.begin(), applied.end());
      pm.by_cell[c] = tables_for(applied);
    }
    m_months.push_back(std::move(pm));
  }
}

void compute_cells(const PolicyMonth& pm, Block& b) {
  if (pm.targets.empty()) return;
  const Households& hh = b.households;
  const Persons& ps = b.persons;
  b.cells.assign(ps.size(), 0);
  for (std::size_t h = 0; h < hh.count(); ++h) {
    const auto [begin, end] = members(hh, h);
    for (std::size_t i = begin; i < end; ++i)
      b.cells[i] = static_cast<std::uint8_t>(pm.cell(household_who(hh, h, years(ps.age_months[i]))));
  }
}

const PolicyMonth& PolicySchedule::month(int month_index) const {
  const int m = month_index - m_plan.first_month;
  if (m < 0 || m >= static_cast<int>(m_months.size())) return m_none;
  return m_months[static_cast<std::size_t>(m)];
}

}  // namespace zorgsim::models
