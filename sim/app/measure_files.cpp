#include "sim/app/measure_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "sim/app/yaml_reader.hpp"
#include "sim/month.hpp"

namespace zorgsim {
struct EmbeddedFile {
  const char* name;
  const char* text;
};
extern const EmbeddedFile embedded_measure_files[];
extern const int embedded_measure_files_count;
extern const EmbeddedFile embedded_scenario_files[];
extern const int embedded_scenario_files_count;
}  // namespace zorgsim

namespace zorgsim::app {

namespace {
namespace zm = zorgsim::models;
using sim::Diagnostics;
using sim::SourcePos;
using yaml::MapReader;
using yaml::pos_of;
using yaml::load_yaml;
using yaml::read_file;

int month_index(MapReader& r, const std::string& key, bool required, int fallback) {
  const std::string t = r.text(key, required);
  if (t.empty()) return fallback;
  const auto m = sim::parse_month(t);
  if (!m) {
    r.diags().add(r.pos_of_key(key), r.where(key), "expected a month YYYY-MM (got '" + t + "')");
    return fallback;
  }
  return m->index();
}

template <std::size_t N>
int choose(MapReader& r, const std::string& key, const std::array<std::string_view, N>& names) {
  const std::string t = r.text(key);
  for (std::size_t k = 0; k < N; ++k)
    if (names[k] == t) return static_cast<int>(k);
  std::string all;
  for (auto n : names) all += (all.empty() ? "" : ", ") + std::string(n);
  if (!t.empty()) r.diags().add(r.pos_of_key(key), r.where(key), "'" + t + "' is not one of: " + all);
  return 0;
}

zm::SizedValue sized(MapReader& parent, const std::string& key) {
  zm::SizedValue v;
  const YAML::Node n = parent.get(key, false);
  if (!n) return v;
  MapReader r(parent.file(), n, parent.where(key), parent.diags());
  if (!r.ok()) return v;
  if (const YAML::Node x = r.get("value", true)) v.value = r.real(x, r.where("value"));
  v.low = v.high = v.value;
  if (const YAML::Node p = r.get("plausible", false)) {
    if (p.IsSequence() && p.size() == 2) {
      v.low = r.real(p[0], r.where("plausible"));
      v.high = r.real(p[1], r.where("plausible"));
      if (v.low > v.value || v.high < v.value)
        parent.diags().add(pos_of(parent.file(), p.Mark()), r.where("plausible"),
                           "the central value lies outside its plausible range");
    } else {
      parent.diags().add(pos_of(parent.file(), p.Mark()), r.where("plausible"), "expected [low, high]");
    }
  }
  v.source = r.text("source", true);
  r.finish();
  return v;
}

std::uint8_t mask_of(MapReader& r, const std::string& key, const auto& names) {
  const std::vector<std::string> v = r.texts(key);
  if (!r.get(key, false)) return 0xFF;
  std::uint8_t mask = 0;
  for (const std::string& x : v) {
    const auto it = std::find(names.begin(), names.end(), x);
    if (it == names.end()) {
      std::string all;
      for (auto n : names) all += (all.empty() ? "" : ", ") + std::string(n);
      r.diags().add(r.pos_of_key(key), r.where(key), "'" + x + "' is not one of: " + all);
    } else {
      mask |= static_cast<std::uint8_t>(1u << (it - names.begin()));
    }
  }
  if (mask == 0) r.diags().add(r.pos_of_key(key), r.where(key), "an empty list would reach nobody");
  return mask;
}

zm::Target parse_target(MapReader& parent, const YAML::Node& n) {
  zm::Target t;
  MapReader r(parent.file(), n, "target", parent.diags());
  if (!r.ok()) return t;
  if (const YAML::Node a = r.get("ages", false)) {
    if (a.IsSequence() && a.size() == 2) {
      t.min_age = static_cast<int>(r.real(a[0], "target.ages"));
      t.max_age = static_cast<int>(r.real(a[1], "target.ages"));
      if (t.min_age < 0 || t.max_age > 120 || t.min_age > t.max_age)
        r.diags().add(pos_of(r.file(), a.Mark()), "target.ages", "expected [min, max] with 0 <= min <= max <= 120");
    } else {
      r.diags().add(pos_of(r.file(), a.Mark()), "target.ages", "expected [min, max] in years");
    }
  }
  t.income_mask = static_cast<std::uint8_t>(mask_of(r, "income_classes", zm::income_class_names) & 0x0F);
  t.type_mask = static_cast<std::uint8_t>(mask_of(r, "household_types", zm::household_type_names) & 0x1F);
  if (r.get("provisions", false)) {  // a scope, checked against the catalogue in validate_measure
    t.provisions = r.texts("provisions");
    t.provisions_pos = r.pos_of_key("provisions");
  }
  if (r.get("districts", false)) {  // names are checked against the configuration's districts later
    t.districts.reset();
    t.district_names = r.texts("districts");
    t.districts_pos = r.pos_of_key("districts");
  }
  r.finish();
  return t;
}

zm::Effect parse_effect(MapReader& parent, const YAML::Node& n, const std::string& path) {
  zm::Effect e;
  MapReader r(parent.file(), n, path, parent.diags());
  if (!r.ok()) return e;
  e.pos = r.pos();
  e.parameter = r.text("parameter");
  const std::string op = r.text("operation");
  if (op == "multiply") e.op = zm::EffectOp::Multiply;
  else if (op == "add") e.op = zm::EffectOp::Add;
  else if (op == "set") e.op = zm::EffectOp::Set;
  else if (!op.empty())
    r.diags().add(r.pos_of_key("operation"), r.where("operation"), "'" + op + "' is not one of: multiply, add, set");
  using VT = zm::Effect::ValueType;
  if (const YAML::Node v = r.get("value", true)) {
    bool b = false;
    double x = 0;
    if (v.IsSequence()) {
      e.type = VT::Numbers;
      for (const auto& item : v) e.value.reals.push_back(r.real(item, r.where("value")));
    } else if (v.IsScalar() && YAML::convert<double>::decode(v, x)) {
      e.type = VT::Number;
      e.value.real = x;
    } else if (v.IsScalar() && YAML::convert<bool>::decode(v, b)) {
      e.type = VT::Boolean;
      e.value.boolean = b;
    } else if (v.IsScalar()) {
      e.type = VT::Text;
      e.value.text = v.Scalar();
    } else {
      r.diags().add(pos_of(r.file(), v.Mark()), r.where("value"), "expected a number, true/false, text or a list");
    }
  }
  if (const YAML::Node el = r.get("elements", false)) {
    if (!el.IsSequence()) r.diags().add(pos_of(r.file(), el.Mark()), r.where("elements"), "expected a list of indices");
    else
      for (const auto& item : el) e.elements.push_back(static_cast<int>(r.real(item, r.where("elements"))));
  }
  e.low = e.high = e.value.real;
  if (const YAML::Node p = r.get("plausible", false)) {
    if (p.IsSequence() && p.size() == 2) {
      e.low = r.real(p[0], r.where("plausible"));
      e.high = r.real(p[1], r.where("plausible"));
    } else {
      r.diags().add(pos_of(r.file(), p.Mark()), r.where("plausible"), "expected [low, high]");
    }
  } else if (e.type == VT::Number) {
    r.diags().add(r.pos(), r.where("plausible"), "missing: every effect size needs a plausible range [low, high]");
  }
  e.source = r.text("source");
  r.finish();
  return e;
}

bool is_file_name(const std::string& s) {
  return s.size() > 5 && (s.compare(s.size() - 5, 5, ".yaml") == 0 || s.compare(s.size() - 4, 4, ".yml") == 0);
}

}  // namespace

models::Measure parse_measure(const std::string& name, const std::string& text, Diagnostics& diags) {
  zm::Measure m;
  m.file = name;
  const std::optional<YAML::Node> root = load_yaml(name, text, diags);
  if (!root) return m;
  MapReader r(name, *root, "", diags);
  if (!r.ok()) return m;
  m.id = r.text("id");
  m.law = choose(r, "law", zm::measure_law_names);
  const std::string kind = r.text("kind");
  if (kind == "budgetary") m.kind = zm::MeasureKind::Budgetary;
  else if (kind != "behavioural" && !kind.empty())
    diags.add(r.pos_of_key("kind"), "kind", "'" + kind + "' is not one of: behavioural, budgetary");
  m.list = r.text("list");
  m.in_base_year = r.boolean("in_base_year", false);
  m.title_nl = r.text("title_nl");
  m.description_nl = r.text("description_nl");
  m.summary = r.text("summary");
  m.mechanism = r.text("mechanism");
  m.pos = r.pos_of_key("start");
  m.start = month_index(r, "start", true, 0);
  m.end = month_index(r, "end", false, std::numeric_limits<int>::max());
  m.ramp_months = r.integer("ramp_months", 0, 0, 240);
  if (const YAML::Node t = r.get("target", false)) m.target = parse_target(r, t);
  if (const YAML::Node list = r.get("effects", false)) {
    if (!list.IsSequence()) diags.add(pos_of(name, list.Mark()), "effects", "expected a list of effects");
    else
      for (std::size_t k = 0; k < list.size(); ++k) m.effects.push_back(parse_effect(r, list[k], "effects[" + std::to_string(k) + "]"));
  }
  const auto law_of = [&](MapReader& sub, int fallback) {
    if (!sub.get("law", false)) {
      if (fallback == zm::cross_law) diags.add(sub.pos(), sub.where("law"), "required: a cross-law measure books its money to one law");
      return fallback == zm::cross_law ? 0 : fallback;
    }
    const int l = choose(sub, "law", zm::law_names);
    return l;
  };
  if (const YAML::Node c = r.get("cost", false)) {
    MapReader sub(name, c, "cost", diags);
    if (sub.ok()) {
      m.cost_law = law_of(sub, m.law);
      m.cost_one_off = sized(sub, "one_off");
      m.cost_per_month = sized(sub, "per_month");
      sub.finish();
    }
  } else {
    m.cost_law = m.law == zm::cross_law ? 0 : m.law;
  }
  if (const YAML::Node b = r.get("budget", false)) {
    MapReader sub(name, b, "budget", diags);
    if (sub.ok()) {
      m.budget_law = law_of(sub, m.law);
      m.budget_per_year = sized(sub, "per_year");
      if (!sub.get("per_year", false)) diags.add(sub.pos(), "budget.per_year", "missing (required)");
      sub.finish();
    }
    if (m.kind != zm::MeasureKind::Budgetary)
      diags.add(pos_of(name, b.Mark()), "budget", "only a budgetary measure has a budget line");
  } else if (m.kind == zm::MeasureKind::Budgetary) {
    diags.add(r.pos(), "budget", "a budgetary measure needs its budget line (budget: {law, per_year})");
  }
  r.finish();
  const std::string stem = std::filesystem::path(name).stem().string();
  if (!m.id.empty() && stem != m.id && name.find("(embedded)") != std::string::npos)
    diags.add(r.pos_of_key("id"), "id", "the id must equal the file name (" + stem + ")");
  return m;
}

Scenario parse_scenario(const std::string& name, const std::string& text, Diagnostics& diags) {
  Scenario s;
  s.file = name;
  const std::optional<YAML::Node> root = load_yaml(name, text, diags);
  if (!root) return s;
  MapReader r(name, *root, "", diags);
  if (!r.ok()) return s;
  s.pos = r.pos();
  s.name = r.text("name");
  s.description = r.text("description", false);
  s.include = r.text("include", false);
  s.measures = r.texts("measures", &s.measures_pos);
  s.remove = r.texts("remove", &s.remove_pos);
  s.measure_files = r.texts("measure_files");
  r.finish();
  return s;
}

std::vector<models::Measure> embedded_catalogue(Diagnostics& diags) {
  std::vector<zm::Measure> out;
  for (int k = 0; k < embedded_measure_files_count; ++k) {
    const EmbeddedFile& f = embedded_measure_files[k];
    out.push_back(parse_measure(std::string(f.name) + " (embedded)", f.text, diags));
  }
  return out;
}

std::vector<Scenario> embedded_scenarios(Diagnostics& diags) {
  std::vector<Scenario> out;
  for (int k = 0; k < embedded_scenario_files_count; ++k) {
    const EmbeddedFile& f = embedded_scenario_files[k];
    out.push_back(parse_scenario(std::string(f.name) + " (embedded)", f.text, diags));
  }
  return out;
}

Scenario find_scenario(const std::string& name_or_file, const std::vector<Scenario>& embedded) {
  if (is_file_name(name_or_file)) {
    Diagnostics diags;
    const std::string text = read_file(name_or_file, diags);
    diags.throw_if_any();
    Scenario s = parse_scenario(name_or_file, text, diags);
    diags.throw_if_any();
    return s;
  }
  for (const Scenario& s : embedded)
    if (s.name == name_or_file) return s;
  std::string known;
  for (const Scenario& s : embedded) known += (known.empty() ? "" : ", ") + s.name;
  throw sim::InputError("unknown scenario '" + name_or_file + "' (embedded: " + known +
                        "; or give a file ending in .yaml)");
}

ResolvedScenario resolve_scenario(const std::string& name_or_file) {
  Diagnostics diags;
  std::vector<zm::Measure> catalogue = embedded_catalogue(diags);
  const std::vector<Scenario> embedded = embedded_scenarios(diags);
  diags.throw_if_any();
  ResolvedScenario out;
  std::vector<std::string> ids;
  std::map<std::string, SourcePos> where;  // where each id was added
  std::set<std::string> visiting;
  // Follows includes first, then adds and removes (a depth-first walk; cycles are errors).
  std::function<void(const Scenario&, int)> walk = [&](const Scenario& s, int depth) {
    if (!visiting.insert(s.name).second || depth > 32)
      throw sim::InputError(s.file + ": scenario '" + s.name + "' includes itself");
    if (!s.include.empty()) {  // a file is found relative to the including file
      std::string inc = s.include;
      if (is_file_name(inc) && std::filesystem::path(inc).is_relative() && is_file_name(s.file))
        inc = (std::filesystem::path(s.file).parent_path() / inc).string();
      walk(find_scenario(inc, embedded), depth + 1);
    }
    for (const std::string& f : s.measure_files) {
      std::filesystem::path p(f);
      if (p.is_relative() && is_file_name(s.file)) p = std::filesystem::path(s.file).parent_path() / p;
      const std::string text = read_file(p.string(), diags);
      diags.throw_if_any();
      zm::Measure m = parse_measure(p.string(), text, diags);
      diags.throw_if_any();
      auto it = std::find_if(catalogue.begin(), catalogue.end(), [&](const zm::Measure& c) { return c.id == m.id; });
      if (it != catalogue.end()) *it = std::move(m);  // a user file replaces the catalogue's measure
      else catalogue.push_back(std::move(m));
    }
    for (std::size_t k = 0; k < s.measures.size(); ++k) {
      const std::string& id = s.measures[k];
      if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
        diags.add(s.measures_pos[k], id, "scenario '" + s.name + "' adds measure '" + id + "' twice");
        continue;
      }
      ids.push_back(id);
      where[id] = s.measures_pos[k];
    }
    for (std::size_t k = 0; k < s.remove.size(); ++k) {
      const std::string& id = s.remove[k];
      auto it = std::find(ids.begin(), ids.end(), id);
      if (it == ids.end())
        diags.add(s.remove_pos[k], id, "scenario '" + s.name + "' removes measure '" + id + "', which it does not have");
      else ids.erase(it);
    }
    visiting.erase(s.name);
  };
  const Scenario top = find_scenario(name_or_file, embedded);
  walk(top, 0);
  out.name = top.name;
  out.description = top.description;
  for (const std::string& id : ids) {
    auto it = std::find_if(catalogue.begin(), catalogue.end(), [&](const zm::Measure& c) { return c.id == id; });
    if (it == catalogue.end()) {
      diags.add(where[id], id, "unknown measure '" + id + "' (see `zorgsim measures`)");
      continue;
    }
    out.measures.push_back(*it);
  }
  diags.throw_if_any();
  return out;
}

namespace {
// District names of a target, against the configuration's districts.
void resolve_districts(zm::Measure& m, const Configuration& c, Diagnostics& diags) {
  if (m.target.district_names.empty()) return;
  const auto& names = c.model.population.district_names;
  for (const std::string& d : m.target.district_names) {
    const auto it = std::find(names.begin(), names.end(), d);
    if (it == names.end()) {
      std::string all;
      for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
      diags.add(m.target.districts_pos, "target.districts", "'" + d + "' is not a district of the configuration (" + all + ")");
    } else {
      m.target.districts.set(static_cast<std::size_t>(it - names.begin()));
    }
  }
  if (m.target.districts.none()) diags.add(m.target.districts_pos, "target.districts", "an empty list would reach nobody");
}
}  // namespace

models::PolicyPlan plan_scenario(const ResolvedScenario& s, const Configuration& c,
                                 const std::vector<std::string>& columns) {
  Diagnostics diags;
  zm::PolicyPlan plan;
  plan.first_month = c.run.start_month().index();
  plan.months = c.run.months();
  plan.columns = columns;
  const int last = plan.first_month + plan.months - 1;
  for (zm::Measure m : s.measures) {
    if (m.in_base_year) {
      diags.add(m.pos, m.id,
                "measure '" + m.id + "' (" + m.list +
                    ") was implemented before the base year and is part of the calibrated 2024 figures; it cannot be "
                    "added again");
      continue;
    }
    resolve_districts(m, c, diags);
    zm::validate_measure(m, c.model, c.params, plan.first_month, last, diags);
    plan.measures.push_back(std::move(m));
  }
  std::vector<const zm::Measure*> ptrs;
  for (const zm::Measure& m : plan.measures) ptrs.push_back(&m);
  zm::check_contradictions(ptrs, diags);
  if (diags.empty()) zm::validate_together(ptrs, c.model, c.params, plan.first_month, last, diags);
  // Cells per month are 2^targets: keep the number of distinct targets active at once small.
  for (int month = plan.first_month; month <= last; ++month) {
    std::vector<const zm::Target*> targets;
    for (const zm::Measure& m : plan.measures)
      if (m.active(month) && m.target.restricts() && !m.effects.empty() &&
          std::none_of(targets.begin(), targets.end(), [&](const zm::Target* t) { return *t == m.target; }))
        targets.push_back(&m.target);
    if (targets.size() > static_cast<std::size_t>(zm::max_targets_per_month)) {
      diags.add(s.measures.front().pos, s.name,
                "more than " + std::to_string(zm::max_targets_per_month) + " distinct targets active in " +
                    sim::Month::from_index(month).str() + ": give several measures the same target");
      break;
    }
  }
  diags.throw_if_any();
  return plan;
}

void check_catalogue(const Configuration& c) {
  Diagnostics diags;
  std::vector<zm::Measure> all = embedded_catalogue(diags);
  diags.throw_if_any();
  std::set<std::string> ids;
  for (zm::Measure& m : all) {
    if (!ids.insert(m.id).second) diags.add(m.pos, m.id, "two catalogue measures have the id '" + m.id + "'");
    resolve_districts(m, c, diags);
    // Check against a horizon that contains the measure (base-year measures included).
    const int first = std::min(m.start, c.run.start_month().index());
    const int last = std::max({m.start, m.end == std::numeric_limits<int>::max() ? m.start : m.end,
                               c.run.end_month().index()});
    zm::validate_measure(m, c.model, c.params, first, last, diags);
  }
  diags.throw_if_any();
}

}  // namespace zorgsim::app
