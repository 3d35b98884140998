#include "models/measures.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "sim/month.hpp"

namespace zorgsim::models {

double Measure::intensity(int month_index) const {
  if (!active(month_index)) return 0.0;
  const int k = month_index - start;
  if (k >= ramp_months) return 1.0;
  return static_cast<double>(k + 1) / static_cast<double>(ramp_months + 1);
}

namespace {

double change(EffectOp op, double base, double v, double f) {
  switch (op) {
    case EffectOp::Multiply: return base * (1.0 + f * (v - 1.0));
    case EffectOp::Add: return base + f * v;
    case EffectOp::Set: return base + f * (v - base);
  }
  return base;
}

bool is_list(sim::ParamKind k) { return k == sim::ParamKind::RealList; }
bool is_switch(sim::ParamKind k) {
  return k == sim::ParamKind::Boolean || k == sim::ParamKind::Integer || k == sim::ParamKind::Text ||
         k == sim::ParamKind::Month || k == sim::ParamKind::TextList;
}

std::string number(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

}  // namespace

sim::ParamValue effect_value(const Effect& e, double f, const sim::ParamValue& current) {
  sim::ParamValue v = current;
  if (f <= 0) return v;
  switch (e.spec->kind) {
    case sim::ParamKind::Real: v.real = change(e.op, current.real, e.value.real, f); break;
    case sim::ParamKind::RealList:
      for (std::size_t k = 0; k < v.reals.size(); ++k) {
        if (!e.elements.empty() && std::find(e.elements.begin(), e.elements.end(), static_cast<int>(k)) == e.elements.end())
          continue;
        const double target = e.value.reals.empty() ? e.value.real : e.value.reals[k];
        v.reals[k] = change(e.op, current.reals[k], target, f);
      }
      break;
    default: v = e.value; break;  // a switch: on from the first month
  }
  return v;
}

std::map<const sim::ParamSpec*, ChangedParam> apply_effects(const std::vector<std::pair<const Effect*, double>>& effects,
                                                          ModelParams& params) {
  std::map<const sim::ParamSpec*, ChangedParam> changed;  // record fields have a spec per record
  for (const auto& [e, f] : effects) {
    auto [it, fresh] = changed.try_emplace(e->spec, ChangedParam{e->base, e});
    it->second.value = effect_value(*e, f, it->second.value);
    it->second.last = e;
    void* target = &params;
    if (e->record >= 0) target = e->collection->at(&params, static_cast<std::size_t>(e->record));
    e->spec->assign(target, it->second.value);
  }
  return changed;
}

bool bind_effect(Effect& e, const sim::ResolvedParams& params, sim::Diagnostics& diags) {
  const sim::ResolvedParam* rp = params.find(e.parameter);
  if (!rp || rp->spec->kind == sim::ParamKind::Collection || e.parameter.rfind("run.", 0) == 0) {
    diags.add(e.pos, e.parameter, "no such model parameter (see `zorgsim params`)");
    return false;
  }
  e.spec = rp->spec;
  e.base = rp->value;
  e.record = -1;
  if (rp->record >= 0) {  // a record field: its position among the records of its collection
    const auto& records = params.records();
    const sim::ParamSpec* coll = records[static_cast<std::size_t>(rp->record)].collection;
    int position = 0;
    for (int k = 0; k < rp->record; ++k) position += records[static_cast<std::size_t>(k)].collection == coll;
    e.record = position;
    e.collection = coll->collection.get();
  }
  const sim::ParamKind kind = e.spec->kind;
  using VT = Effect::ValueType;
  const bool type_ok = kind == sim::ParamKind::Real       ? e.type == VT::Number
                       : kind == sim::ParamKind::RealList ? (e.type == VT::Number || e.type == VT::Numbers)
                       : kind == sim::ParamKind::Boolean  ? e.type == VT::Boolean
                       : kind == sim::ParamKind::Integer  ? e.type == VT::Number
                       : kind == sim::ParamKind::Text || kind == sim::ParamKind::Month ? e.type == VT::Text
                                                                                      : false;
  if (!type_ok) {
    diags.add(e.pos, e.parameter, std::string("the value does not fit a ") + sim::kind_name(kind) + " parameter");
    return false;
  }
  if (kind == sim::ParamKind::Integer) e.value.integer = static_cast<long long>(std::llround(e.value.real));
  if (e.type == VT::Numbers && e.op != EffectOp::Set) {
    diags.add(e.pos, e.parameter, "a list value can only be `set`; multiply and add take one number");
    return false;
  }
  if (is_switch(kind) && e.op != EffectOp::Set) {
    diags.add(e.pos, e.parameter, std::string("a ") + sim::kind_name(kind) + " parameter can only be `set`");
    return false;
  }
  if (!e.elements.empty() && !is_list(kind)) {
    diags.add(e.pos, e.parameter, "`elements` applies to list parameters only");
    return false;
  }
  for (int k : e.elements)
    if (k < 0 || k >= static_cast<int>(e.base.reals.size())) {
      diags.add(e.pos, e.parameter,
                "element " + std::to_string(k) + " out of range (the list has " + std::to_string(e.base.reals.size()) +
                    " elements)");
      return false;
    }
  if (is_list(kind) && !e.value.reals.empty() && e.value.reals.size() != e.base.reals.size()) {
    diags.add(e.pos, e.parameter,
              "a list value must have " + std::to_string(e.base.reals.size()) + " elements (got " +
                  std::to_string(e.value.reals.size()) + ")");
    return false;
  }
  if (kind == sim::ParamKind::Month && !sim::parse_month(e.value.text)) {
    diags.add(e.pos, e.parameter, "expected a month YYYY-MM (got '" + e.value.text + "')");
    return false;
  }
  return true;
}

bool municipality_wide(const std::string& path) {
  static const char* const prefixes[] = {"population.", "demography.", "migration.", "money.", "budget_ceiling.",
                                         "access.wijkteam_fte", "access.wmo_fte", "access.assessments_per_fte_month",
                                         "access.salary_per_fte_year", "access.triage_limited", "youth.capacity_limited",
                                         "wmo.capacity_limited", "wmo.wlz_population_share", "wmo.wlz_mortality_rr",
                                         "youth.separation_need", "youth.bridging_general",
                                         "wmo.bridging_general"};
  for (const char* p : prefixes)
    if (path.rfind(p, 0) == 0) return true;
  const auto ends_with = [&](const std::string& s) {
    return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0;
  };
  return path.rfind("provisions.", 0) == 0 && (ends_with(".places") || ends_with(".budget_per_year"));
}

namespace {

// A changed value must lie in the declared valid range; `who` names what gave it.
void check_value(const Effect& e, const sim::ParamValue& v, const std::string& who, sim::Diagnostics& diags) {
  const auto check = [&](double x, const std::string& what) {
    if (!std::isfinite(x) || x < e.spec->min || x > e.spec->max)
      diags.add(e.pos, e.parameter,
                who + " gives " + what + number(x) + " at full effect, outside the valid range [" +
                    number(e.spec->min) + ", " + number(e.spec->max) + "]");
  };
  if (e.spec->kind == sim::ParamKind::Real) check(v.real, "");
  if (e.spec->kind == sim::ParamKind::RealList)
    for (std::size_t k = 0; k < v.reals.size(); ++k) check(v.reals[k], "element " + std::to_string(k) + " = ");
  if (e.spec->kind == sim::ParamKind::Integer && (v.integer < e.spec->min || v.integer > e.spec->max))
    check(static_cast<double>(v.integer), "");
}

// The effect alone at full effect: within the valid range; its central value within its
// plausible range.
void check_range(const Effect& e, const Measure& m, sim::Diagnostics& diags) {
  check_value(e, effect_value(e, 1.0), "measure '" + m.id + "'", diags);
  if (e.spec->kind == sim::ParamKind::Real || e.spec->kind == sim::ParamKind::RealList) {
    const double c = e.value.reals.empty() ? e.value.real : e.value.reals.front();
    if (e.value.reals.empty() && (e.low > c || e.high < c))
      diags.add(e.pos, e.parameter,
                "the central value " + number(c) + " lies outside its plausible range [" + number(e.low) + ", " +
                    number(e.high) + "]");
  }
}

}  // namespace

void validate_measure(Measure& m, const ModelParams& base, const sim::ResolvedParams& params, int first_month,
                      int last_month, sim::Diagnostics& diags) {
  if (m.start > last_month || m.end < first_month || m.start < first_month)
    diags.add(m.pos, m.id,
              "starts " + sim::Month::from_index(m.start).str() + ", outside the run's horizon " +
                  sim::Month::from_index(first_month).str() + " to " + sim::Month::from_index(last_month).str());
  if (m.end < m.start) diags.add(m.pos, m.id, "ends before it starts");
  if (m.kind == MeasureKind::Behavioural && m.effects.empty())
    diags.add(m.pos, m.id, "a behavioural measure needs at least one effect");
  if (m.kind == MeasureKind::Budgetary && !m.effects.empty())
    diags.add(m.pos, m.id, "a budgetary measure changes no parameter: its money is its budget line");
  bool bound = true;
  for (Effect& e : m.effects) bound &= bind_effect(e, params, diags);
  if (!bound) return;
  for (const std::string& id : m.target.provisions) {
    const bool known = std::any_of(base.provisions.begin(), base.provisions.end(),
                                   [&](const ProvisionParams& p) { return p.id == id; });
    if (!known) diags.add(m.target.provisions_pos, "target.provisions", "'" + id + "' is not a provision of the catalogue");
  }
  if (!m.target.provisions.empty())
    for (const Effect& e : m.effects) {
      const bool inside = std::any_of(m.target.provisions.begin(), m.target.provisions.end(), [&](const std::string& id) {
        return e.parameter.rfind("provisions." + id + ".", 0) == 0;
      });
      if (!inside)
        diags.add(e.pos, e.parameter, "outside the measure's target provisions (an effect must be a field provisions.<id>.* of one of them)");
    }
  ModelParams full = base;
  std::vector<std::pair<const Effect*, double>> all;
  for (const Effect& e : m.effects) {
    check_range(e, m, diags);
    if (m.target.restricts() && municipality_wide(e.parameter))
      diags.add(e.pos, e.parameter,
                "a municipality-wide parameter (capacity, budget, price or demography) cannot be changed for a target "
                "group only");
    all.push_back({&e, 1.0});
  }
  for (const auto& [spec, c] : apply_effects(all, full)) check_value(*c.last, c.value, "measure '" + m.id + "'", diags);
  sim::Diagnostics cross;
  validate(full, params, cross);
  for (const sim::Diagnostic& d : cross.items())
    diags.add(m.pos, d.path, "with measure '" + m.id + "' at full effect: " + d.message);
}

void validate_together(const std::vector<const Measure*>& measures, const ModelParams& base,
                       const sim::ResolvedParams& params, int first_month, int last_month, sim::Diagnostics& diags) {
  // The distinct sets of measures with effects active in one month.
  std::vector<std::vector<std::size_t>> sets;
  for (int month = first_month; month <= last_month; ++month) {
    std::vector<std::size_t> active;
    for (std::size_t k = 0; k < measures.size(); ++k)
      if (measures[k]->active(month) && !measures[k]->effects.empty()) active.push_back(k);
    if (active.size() >= 2 && std::find(sets.begin(), sets.end(), active) == sets.end()) sets.push_back(active);
  }
  for (const auto& set : sets) {
    std::string names;
    std::vector<std::pair<const Effect*, double>> all;
    for (std::size_t k : set) {
      names += (names.empty() ? "'" : ", '") + measures[k]->id + "'";
      for (const Effect& e : measures[k]->effects) all.push_back({&e, 1.0});
    }
    ModelParams full = base;
    const auto changed = apply_effects(all, full);
    const std::size_t before = diags.items().size();
    for (const auto& [spec, c] : changed) check_value(*c.last, c.value, "together, measures " + names, diags);
    sim::Diagnostics cross;
    validate(full, params, cross);
    for (const sim::Diagnostic& d : cross.items())
      diags.add(measures[set.front()]->pos, d.path, "with measures " + names + " together at full effect: " + d.message);
    if (diags.items().size() > before) return;  // one report is enough
  }
}

void check_contradictions(const std::vector<const Measure*>& measures, sim::Diagnostics& diags) {
  for (std::size_t a = 0; a < measures.size(); ++a)
    for (std::size_t b = a + 1; b < measures.size(); ++b) {
      const Measure& x = *measures[a];
      const Measure& y = *measures[b];
      if (x.end < y.start || y.end < x.start) continue;  // never active together
      const Target &s = x.target, &t = y.target;  // groups that share nobody cannot contradict
      const bool disjoint = s.max_age < t.min_age || t.max_age < s.min_age || !(s.income_mask & t.income_mask) ||
                            !(s.type_mask & t.type_mask) || (s.districts & t.districts).none();
      if (disjoint) continue;
      for (const Effect& e : x.effects)
        for (const Effect& g : y.effects) {
          if (e.op != EffectOp::Set || g.op != EffectOp::Set || e.parameter != g.parameter) continue;
          const bool overlap = e.elements.empty() || g.elements.empty() ||
                               std::any_of(e.elements.begin(), e.elements.end(), [&](int k) {
                                 return std::find(g.elements.begin(), g.elements.end(), k) != g.elements.end();
                               });
          if (!overlap) continue;
          const sim::ParamValue u = effect_value(e, 1.0), v = effect_value(g, 1.0);
          if (u.real == v.real && u.reals == v.reals && u.boolean == v.boolean && u.text == v.text &&
              u.integer == v.integer && u.texts == v.texts)
            continue;
          diags.add(g.pos, g.parameter,
                    "measures '" + x.id + "' and '" + y.id + "' set this parameter to different values while both are active");
        }
    }
}

}  // namespace zorgsim::models
