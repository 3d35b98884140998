#include "sim/app/sweep_file.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "models/social_domain_model.hpp"
#include "sim/app/run_options.hpp"
#include "sim/app/yaml_reader.hpp"
#include "sim/build_info.hpp"
#include "sim/rng.hpp"
#include "sim/sha256.hpp"

namespace zorgsim::app {

namespace {
namespace zs = zorgsim::sim;
using yaml::MapReader;
using yaml::pos_of;

// ---- structure -----------------------------------------------------------------------

constexpr double max_seed = 9007199254740991.0;  // 2^53 - 1, as run.seed

zs::DesignMethod parse_method(MapReader& r) {
  const std::string m = r.text("method");
  for (zs::DesignMethod x : {zs::DesignMethod::Grid, zs::DesignMethod::LatinHypercube, zs::DesignMethod::Sobol,
                             zs::DesignMethod::Morris})
    if (m == zs::method_name(x)) return x;
  if (!m.empty()) r.diags().add(r.pos_of_key("method"), r.where("method"), "'" + m + "' is not one of: grid, lhs, sobol, morris");
  return zs::DesignMethod::LatinHypercube;
}

void parse_design(MapReader& parent, SweepDefinition& d) {
  const YAML::Node n = parent.get("design", true);
  if (!n) return;
  MapReader r(parent.file(), n, "design", parent.diags());
  if (!r.ok()) return;
  d.design.method = parse_method(r);
  d.design.points = r.integer("points", 0, 2, 10'000'000);
  d.design.levels = r.integer("levels", 0, 2, 1000);
  d.design.trajectories = r.integer("trajectories", 0, 2, 1'000'000);
  if (const YAML::Node s = r.get("seed", false)) {
    const double seed = r.real(s, r.where("seed"));
    if (!(seed >= 0 && seed <= max_seed && seed == std::floor(seed)))
      r.diags().add(pos_of(r.file(), s.Mark()), r.where("seed"), "must be a whole number in [0, 2^53 - 1]");
    else
      d.design.seed = static_cast<std::uint64_t>(seed);
    d.design_seed_given = true;
  }
  r.finish();
}

double real_key(MapReader& r, const std::string& key, double fallback) {
  const YAML::Node n = r.get(key, false);
  return n ? r.real(n, r.where(key)) : fallback;
}

SweepParameter parse_parameter(MapReader& parent, const YAML::Node& n, std::size_t k) {
  SweepParameter p;
  const std::string where = "parameters[" + std::to_string(k) + "]";
  MapReader r(parent.file(), n, where, parent.diags());
  p.pos = r.pos();
  if (!r.ok()) return p;
  p.path = r.text("path", false);
  p.measure = r.text("measure", false);
  p.element = r.integer("element", -1, 0, 1000);
  p.effect = r.integer("effect", -1, 0, 1000);
  p.name = r.text("name", false);
  if (p.path.empty() == p.measure.empty())
    r.diags().add(p.pos, where, "give either path (a model parameter) or measure and effect (a measure's effect size)");
  if (!p.measure.empty() && p.effect < 0) r.diags().add(p.pos, where, "a measure's parameter needs effect (its number, from 0)");
  if (!p.path.empty() && p.effect >= 0) r.diags().add(r.pos_of_key("effect"), where + ".effect", "only for a measure");
  if (const YAML::Node range = r.get("range", false)) {
    if (range.IsSequence() && range.size() == 2) {
      p.range.low = r.real(range[0], r.where("range"));
      p.range.high = r.real(range[1], r.where("range"));
      p.has_range = true;
    } else {
      r.diags().add(pos_of(r.file(), range.Mark()), r.where("range"), "expected [low, high]");
    }
  }
  const std::string dist = r.text("distribution", false);
  bool known = dist.empty();
  for (zs::Distribution x : {zs::Distribution::Uniform, zs::Distribution::LogUniform, zs::Distribution::Normal,
                             zs::Distribution::Triangular})
    if (dist == zs::distribution_name(x)) p.range.distribution = x, known = true;
  if (!known)
    r.diags().add(r.pos_of_key("distribution"), r.where("distribution"),
                  "'" + dist + "' is not one of: uniform, log-uniform, normal, triangular");
  p.range.mean = real_key(r, "mean", NAN);
  p.range.sd = real_key(r, "sd", 0);
  p.range.mode = real_key(r, "mode", NAN);
  const bool normal = p.range.distribution == zs::Distribution::Normal;
  const bool tri = p.range.distribution == zs::Distribution::Triangular;
  if (normal && (!r.get("sd", false) || p.range.sd <= 0)) r.diags().add(p.pos, where, "a normal distribution needs sd > 0");
  if (!normal && (r.get("mean", false) || r.get("sd", false)))
    r.diags().add(p.pos, where, "mean and sd are for distribution: normal");
  if (!tri && r.get("mode", false)) r.diags().add(r.pos_of_key("mode"), r.where("mode"), "only for distribution: triangular");
  r.finish();
  return p;
}

// "2026" or "2026-2035".
bool parse_years(const std::string& t, std::pair<int, int>& out) {
  const std::size_t dash = t.find('-');
  try {
    std::size_t used = 0;
    if (dash == std::string::npos) {
      out.first = out.second = std::stoi(t, &used);
      return used == t.size();
    }
    out.first = std::stoi(t.substr(0, dash), &used);
    if (used != dash) return false;
    out.second = std::stoi(t.substr(dash + 1), &used);
    return used == t.size() - dash - 1 && out.first <= out.second;
  } catch (...) {
    return false;
  }
}

SweepOutput parse_output(MapReader& parent, const YAML::Node& n, std::size_t k) {
  SweepOutput o;
  const std::string where = "outputs[" + std::to_string(k) + "]";
  MapReader r(parent.file(), n, where, parent.diags());
  o.pos = r.pos();
  if (!r.ok()) return o;
  o.indicator = r.text("indicator");
  o.categories = r.texts("categories");
  o.name = r.text("name", false);
  const YAML::Node ys = r.get("years", true);
  if (ys && ys.IsSequence() && ys.size() > 0) {
    for (const auto& y : ys) {
      std::pair<int, int> span;
      if (!y.IsScalar() || !parse_years(y.Scalar(), span))
        r.diags().add(pos_of(r.file(), y.Mark()), r.where("years"), "expected a year (2030) or a span (2026-2035)");
      else
        o.years.push_back(span);
    }
  } else if (ys) {
    r.diags().add(pos_of(r.file(), ys.Mark()), r.where("years"), "expected a non-empty list of years or spans");
  }
  r.finish();
  if (o.name.empty()) {
    o.name = o.indicator;
    if (!o.categories.empty()) {
      o.name += "[";
      for (std::size_t c = 0; c < o.categories.size(); ++c) o.name += (c ? "+" : "") + o.categories[c];
      o.name += "]";
    }
  }
  return o;
}

template <class F>
void each_item(MapReader& r, const std::string& key, F f) {
  const YAML::Node n = r.get(key, true);
  if (!n) return;
  if (!n.IsSequence() || n.size() == 0) {
    r.diags().add(pos_of(r.file(), n.Mark()), key, "expected a non-empty list");
    return;
  }
  std::size_t k = 0;
  for (const auto& item : n) f(item, k++);
}

std::string relative_to(const std::string& file, const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_relative()) p = std::filesystem::path(file).parent_path() / p;
  return p.lexically_normal().string();
}

bool is_yaml_name(const std::string& s) {
  return s.size() > 5 && (s.ends_with(".yaml") || s.ends_with(".yml"));
}

}  // namespace

SweepDefinition parse_sweep(const std::string& file) {
  zs::Diagnostics diags;
  SweepDefinition d;
  d.file = file;
  d.text = yaml::read_file(file, diags);
  diags.throw_if_any();
  const auto root = yaml::load_yaml(file, d.text, diags);
  diags.throw_if_any();
  MapReader r(file, *root, "", diags);
  if (r.ok()) {
    d.name = r.text("name");
    d.description = r.text("description", false);
    d.config = r.text("config", false);
    if (!d.config.empty()) d.config = relative_to(file, d.config);
    d.sets = r.texts("set");
    d.scenarios = r.texts("scenarios", &d.scenario_pos);
    if (!r.get("scenarios", true) || d.scenarios.empty()) {
      if (r.get("scenarios", false)) diags.add(r.pos_of_key("scenarios"), "scenarios", "name at least one scenario");
    }
    for (std::string& s : d.scenarios)
      if (is_yaml_name(s)) s = relative_to(file, s);
    if (const YAML::Node s = r.get("seed", false)) {
      const double seed = r.real(s, "seed");
      if (!(seed >= 0 && seed <= max_seed && seed == std::floor(seed)))
        diags.add(pos_of(file, s.Mark()), "seed", "must be a whole number in [0, 2^53 - 1]");
      else
        d.seed = static_cast<long long>(seed);
    }
    d.replicates = r.integer("replicates", 2, 1, 100000);
    const std::string seeds = r.text("seeds", false);
    if (seeds == "per-point") d.common_seeds = false;
    else if (!seeds.empty() && seeds != "common")
      diags.add(r.pos_of_key("seeds"), "seeds", "'" + seeds + "' is not one of: common, per-point");
    parse_design(r, d);
    d.bootstrap = r.integer("bootstrap", 1000, 0, 100000);
    if (const YAML::Node l = r.get("level", false)) {
      d.level = r.real(l, "level");
      if (!(d.level >= 0.5 && d.level < 1)) diags.add(pos_of(file, l.Mark()), "level", "must be in [0.5, 1)");
    }
    each_item(r, "parameters", [&](const YAML::Node& n, std::size_t k) { d.parameters.push_back(parse_parameter(r, n, k)); });
    each_item(r, "outputs", [&](const YAML::Node& n, std::size_t k) { d.outputs.push_back(parse_output(r, n, k)); });
    r.finish();
  }
  if (!d.design_seed_given) d.design.seed = static_cast<std::uint64_t>(d.seed);
  d.design.dimensions = static_cast<int>(d.parameters.size());
  diags.throw_if_any();
  if (const std::string e = zs::check_design(d.design); !e.empty()) {
    diags.add(r.ok() ? r.pos_of_key("design") : zs::SourcePos{file, 0, 0}, "design", e);
    diags.throw_if_any();
  }
  return d;
}

// ---- binding ---------------------------------------------------------------------------

namespace {

std::string label_of(const SweepParameter& p, const models::Measure* m) {
  if (!p.name.empty()) return p.name;
  if (!p.measure.empty())  // "max-q-norms: provisions.begeleiding.max_units" (the effect's number if unbound)
    return p.measure + ": " + (m ? m->effects[static_cast<std::size_t>(p.effect)].parameter : "effect " + std::to_string(p.effect));
  return p.element >= 0 ? p.path + "[" + std::to_string(p.element) + "]" : p.path;
}

const models::Measure* find_measure(const std::vector<ResolvedScenario>& scenarios, const std::string& id) {
  for (const ResolvedScenario& s : scenarios)
    for (const models::Measure& m : s.measures)
      if (m.id == id) return &m;
  return nullptr;
}

// A model parameter: its unit and default range, checked against its declaration.
void bind_model_parameter(const SweepParameter& p, const Configuration& c, zs::SweepParameterInfo& info,
                          zs::Diagnostics& diags) {
  const zs::ResolvedParam* rp = c.params.find(p.path);
  if (!rp) {
    diags.add(p.pos, p.path, "unknown parameter (see `zorgsim params`)");
    return;
  }
  const zs::ParamSpec& spec = *rp->spec;
  const bool list = spec.kind == zs::ParamKind::RealList;
  if (spec.kind != zs::ParamKind::Real && spec.kind != zs::ParamKind::Integer && !list) {
    diags.add(p.pos, p.path, std::string("cannot be varied: it is ") + zs::kind_name(spec.kind));
    return;
  }
  if (list && (p.element < 0 || static_cast<std::size_t>(p.element) >= rp->value.reals.size())) {
    diags.add(p.pos, p.path, "a list of " + std::to_string(rp->value.reals.size()) + ": name its element (0-based)");
    return;
  }
  if (!list && p.element >= 0) diags.add(p.pos, p.path, "not a list: element does not apply");
  info.unit = spec.unit;
  if (!p.has_range) {
    const std::size_t at = list && rp->plausible.size() > 2 ? 2 * static_cast<std::size_t>(p.element) : 0;
    if (rp->plausible.size() < at + 2) {
      diags.add(p.pos, p.path, "has no plausible range in the configuration: give range: [low, high]");
      return;
    }
    info.range.low = rp->plausible[at];
    info.range.high = rp->plausible[at + 1];
    info.source = "plausible range (" + rp->layer + ")";
  }
  if (info.range.low < spec.min || info.range.high > spec.max)
    diags.add(p.pos, p.path, "range [" + exact(info.range.low) + ", " + exact(info.range.high) +
                                 "] leaves the valid range [" + exact(spec.min) + ", " + exact(spec.max) + "]");
}

void bind_measure_parameter(const SweepParameter& p, const models::Measure* m, zs::SweepParameterInfo& info,
                            zs::Diagnostics& diags) {
  if (!m) {
    diags.add(p.pos, p.measure, "measure '" + p.measure + "' is in none of the sweep's scenarios");
    return;
  }
  if (static_cast<std::size_t>(p.effect) >= m->effects.size()) {
    diags.add(p.pos, p.measure, "measure '" + p.measure + "' has " + std::to_string(m->effects.size()) + " effects (0-based)");
    return;
  }
  const models::Effect& e = m->effects[static_cast<std::size_t>(p.effect)];
  if (e.type != models::Effect::ValueType::Number) {
    diags.add(p.pos, p.measure, "effect " + std::to_string(p.effect) + " is not a number");
    return;
  }
  info.path = e.parameter;
  info.unit = e.op == models::EffectOp::Multiply ? "factor" : "effect value";
  if (!p.has_range) {
    if (!(e.low < e.high)) {
      diags.add(p.pos, p.measure, "effect " + std::to_string(p.effect) + " has no plausible range: give range: [low, high]");
      return;
    }
    info.range.low = e.low;
    info.range.high = e.high;
    info.source = "plausible range (" + m->file + ")";
  }
}

std::uint64_t point_seed(long long seed, std::size_t point) {
  // Per-point seeds: a keyed draw, so they do not collide with the common seed's streams.
  const zs::Words4 w = zs::draw_words({static_cast<std::uint64_t>(seed), 0}, point, 0, 0xFFFFu);
  return (static_cast<std::uint64_t>(w[0]) << 32 | w[1]) >> 1;  // keep seeds positive as long long
}

// Everything of a measure that changes a run (a user's measure file may be edited between a
// kill and a resume): dates, ramp, target, effects, money.
std::string measure_text(const models::Measure& m) {
  const models::Target& t = m.target;
  std::string h = m.id + " law " + std::to_string(m.law) + " kind " + std::to_string(static_cast<int>(m.kind)) +
                  " months " + std::to_string(m.start) + "-" + std::to_string(m.end) + " ramp " +
                  std::to_string(m.ramp_months) + " ages " + std::to_string(t.min_age) + "-" + std::to_string(t.max_age) +
                  " income " + std::to_string(t.income_mask) + " types " + std::to_string(t.type_mask) + " districts " +
                  t.districts.to_string() + " provisions";
  for (const std::string& p : t.provisions) h += " " + p;
  for (const models::Effect& e : m.effects) {
    h += "\n  " + e.parameter + " op " + std::to_string(static_cast<int>(e.op)) + " type " +
         std::to_string(static_cast<int>(e.type)) + " = " + exact(e.value.real) + " " + (e.value.boolean ? "T" : "F") +
         " '" + e.value.text + "' [";
    for (double x : e.value.reals) h += exact(x) + ",";
    h += "] elements";
    for (int k : e.elements) h += " " + std::to_string(k);
  }
  const auto money = [](const models::SizedValue& v) { return exact(v.value); };
  h += "\n  cost " + money(m.cost_one_off) + " " + money(m.cost_per_month) + " law " + std::to_string(m.cost_law) +
       " budget " + money(m.budget_per_year) + " law " + std::to_string(m.budget_law) + "\n";
  return h;
}

std::string hash_of(const SweepPlan& plan, const Configuration& c) {
  std::string h = plan.def.text + "\n--\n" + c.sha256 + "\n" + zs::version() + " " + zs::git_commit() + "\n";
  for (const std::string& a : plan.base_assignments) h += a + "\n";
  for (const ResolvedScenario& s : plan.scenarios) {
    h += "scenario " + s.name + ":\n";
    for (const models::Measure& m : s.measures) h += measure_text(m);
  }
  return zs::sha256_hex(h);
}

std::vector<std::string> assignments_for(const SweepPlan& plan, const Configuration& base, const std::vector<double>& v) {
  std::vector<std::string> a = plan.base_assignments;
  std::map<std::string, std::vector<double>> lists;  // list parameters: the whole list, elements replaced
  for (std::size_t k = 0; k < plan.def.parameters.size(); ++k) {
    const SweepParameter& p = plan.def.parameters[k];
    if (p.path.empty()) continue;
    const zs::ResolvedParam& rp = *base.params.find(p.path);
    if (rp.spec->kind == zs::ParamKind::RealList) {
      auto it = lists.try_emplace(p.path, rp.value.reals).first;
      it->second[static_cast<std::size_t>(p.element)] = v[k];
    } else if (rp.spec->kind == zs::ParamKind::Integer) {
      a.push_back(p.path + "=" + std::to_string(std::llround(v[k])));
    } else {
      a.push_back(p.path + "=" + exact(v[k]));
    }
  }
  for (const auto& [path, xs] : lists) {
    std::string s = path + "=[";
    for (std::size_t i = 0; i < xs.size(); ++i) s += (i ? ", " : "") + exact(xs[i]);
    a.push_back(s + "]");
  }
  return a;
}

PointInputs inputs_at(const SweepPlan& plan, const std::vector<double>& v) {
  PointInputs in{load_configuration(plan.def.config, assignments_for(plan, *plan.base, v)), plan.scenarios};
  for (std::size_t k = 0; k < plan.def.parameters.size(); ++k) {
    const SweepParameter& p = plan.def.parameters[k];
    if (p.measure.empty()) continue;
    for (ResolvedScenario& s : in.scenarios)
      for (models::Measure& m : s.measures)
        if (m.id == p.measure) m.effects[static_cast<std::size_t>(p.effect)].value.real = v[k];
  }
  for (const ResolvedScenario& s : in.scenarios) (void)plan_scenario(s, in.config);
  return in;
}

}  // namespace

SweepPlan bind_sweep(const SweepDefinition& def, const std::vector<std::string>& extra_sets) {
  SweepPlan plan;
  plan.def = def;
  plan.base_assignments = def.sets;
  plan.base_assignments.insert(plan.base_assignments.end(), extra_sets.begin(), extra_sets.end());
  auto base = std::make_shared<Configuration>(load_configuration(def.config, plan.base_assignments));
  plan.base = base;
  const Configuration& c = *base;
  zs::Diagnostics diags;
  for (std::size_t s = 0; s < def.scenarios.size(); ++s) {
    try {
      plan.scenarios.push_back(resolve_scenario(def.scenarios[s]));
    } catch (const zs::InputError& e) {
      diags.add(def.scenario_pos[s], "scenarios", e.what());
    }
  }
  diags.throw_if_any();
  zs::SweepResults& r = plan.skeleton;
  r.name = def.name;
  r.description = def.description;
  r.sweep_yaml = def.text;
  r.config_sha256 = c.sha256;
  r.config_yaml = c.resolved_yaml;
  r.replicates = def.replicates;
  r.bootstrap = def.bootstrap;
  r.level = def.level;
  r.design = def.design;
  for (const SweepParameter& p : def.parameters) {
    zs::SweepParameterInfo info;
    info.path = p.path;
    info.measure = p.measure;
    info.range = p.range;
    info.source = "sweep file";
    const models::Measure* m = p.measure.empty() ? nullptr : find_measure(plan.scenarios, p.measure);
    if (p.measure.empty()) bind_model_parameter(p, c, info, diags);
    else bind_measure_parameter(p, m, info, diags);
    info.name = label_of(p, m && static_cast<std::size_t>(p.effect) < m->effects.size() ? m : nullptr);
    zs::ParameterRange& rg = info.range;
    if (std::isnan(rg.mean)) rg.mean = 0.5 * (rg.low + rg.high);
    if (std::isnan(rg.mode)) rg.mode = 0.5 * (rg.low + rg.high);
    if (rg.distribution != zs::Distribution::Normal) rg.mean = rg.sd = 0;
    if (rg.distribution != zs::Distribution::Triangular) rg.mode = 0;
    if (const std::string e = zs::check_range(rg); !e.empty()) diags.add(p.pos, info.name, e);
    r.parameters.push_back(info);
  }
  for (std::size_t i = 0; i < r.parameters.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (const SweepParameter &a = def.parameters[i], &b = def.parameters[j];
          a.path == b.path && a.element == b.element && a.measure == b.measure && a.effect == b.effect)
        diags.add(a.pos, r.parameters[i].name, "varied twice");
  // Outputs: indicators and categories of the model, years of the horizon.
  const models::SocialDomainModel model(c.model, c.run.scale, static_cast<std::uint32_t>(c.run.block_households));
  const int y0 = c.run.start_month().year, y1 = c.run.end_month().year;
  for (const SweepOutput& o : def.outputs) {
    const auto& inds = model.indicators();
    const auto it = std::find_if(inds.begin(), inds.end(), [&](const zs::IndicatorSpec& x) { return x.name == o.indicator; });
    if (it == inds.end()) {
      diags.add(o.pos, o.indicator, "unknown indicator (see `zorgsim outputs`)");
      continue;
    }
    for (const std::string& cat : o.categories)
      if (std::find(it->categories.begin(), it->categories.end(), cat) == it->categories.end())
      {
        std::string known;
        for (const std::string& k : it->categories) known += (known.empty() ? "" : ", ") + k;
        diags.add(o.pos, o.indicator, "has no category '" + cat + "'" + (known.empty() ? " (it is a scalar)" : " (categories: " + known + ")"));
      }
    std::string cats;
    for (const std::string& cat : o.categories) cats += (cats.empty() ? "" : "+") + cat;
    for (const auto& [first, last] : o.years) {
      const std::string label = first == last ? std::to_string(first) : std::to_string(first) + "-" + std::to_string(last);
      if (first < y0 || last > y1)
        diags.add(o.pos, o.name, (first == last ? "year " : "years ") + label + " outside the horizon " + std::to_string(y0) +
                                     "-" + std::to_string(y1));
      r.columns.push_back({o.name + " " + label, o.name, o.indicator, cats.empty() ? "all" : cats, it->unit, first, last});
    }
  }
  for (const ResolvedScenario& s : plan.scenarios) {
    r.scenarios.push_back(s.name);
    std::string ids;
    for (const models::Measure& m : s.measures) ids += (ids.empty() ? "" : ", ") + m.id;
    r.scenario_measures.push_back(ids);
  }
  for (std::size_t s = 0; s < r.scenarios.size(); ++s)
    for (std::size_t t = 0; t < s; ++t)
      if (r.scenarios[s] == r.scenarios[t]) diags.add(def.scenario_pos[s], r.scenarios[s], "scenario listed twice");
  diags.throw_if_any();

  // The design, its values and the seeds.
  const zs::Design design = zs::make_design(def.design);
  const std::size_t P = design.points(), K = r.parameters.size();
  r.unit = design.unit;
  r.values.resize(P * K);
  for (std::size_t p = 0; p < P; ++p)
    for (std::size_t k = 0; k < K; ++k) {
      double v = zs::value_at(r.parameters[k].range, r.unit[p * K + k]);
      const SweepParameter& sp = def.parameters[k];
      if (!sp.path.empty() && c.params.find(sp.path)->spec->kind == zs::ParamKind::Integer) v = std::round(v);
      r.values[p * K + k] = v;
    }
  for (std::size_t p = 0; p < P; ++p)
    for (int rep = 0; rep < def.replicates; ++rep)
      r.seeds.push_back(def.common_seeds ? static_cast<std::uint64_t>(def.seed) : point_seed(def.seed, p));
  r.outputs.assign(r.runs() * r.columns.size(), std::nan(""));
  r.done.assign(r.runs(), 0);
  r.sweep_sha256 = hash_of(plan, c);

  // Before any run: the centre, and each parameter at both ends with the others at the centre.
  std::vector<double> centre(K);
  for (std::size_t k = 0; k < K; ++k) centre[k] = zs::value_at(r.parameters[k].range, 0.5);
  const auto check_at = [&](const std::vector<double>& v, const std::string& what) {
    try {
      (void)inputs_at(plan, v);
    } catch (const zs::InputError& e) {
      throw zs::InputError(def.file + ": the sweep is invalid at " + what + ":\n" + e.what());
    }
  };
  check_at(centre, "the centre of its ranges");
  for (std::size_t k = 0; k < K; ++k)
    for (double u : {0.0, 1.0}) {
      std::vector<double> v = centre;
      v[k] = zs::value_at(r.parameters[k].range, u);
      check_at(v, r.parameters[k].name + " = " + exact(v[k]) + " (the others at the centre)");
    }
  return plan;
}

PointInputs point_inputs(const SweepPlan& plan, std::size_t point) {
  const std::size_t K = plan.skeleton.parameters.size();
  const std::vector<double> v(plan.skeleton.values.begin() + static_cast<std::ptrdiff_t>(point * K),
                              plan.skeleton.values.begin() + static_cast<std::ptrdiff_t>((point + 1) * K));
  try {
    return inputs_at(plan, v);
  } catch (const zs::InputError& e) {
    std::string values;
    for (std::size_t k = 0; k < K; ++k) values += "\n  " + plan.skeleton.parameters[k].name + " = " + exact(v[k]);
    throw zs::InputError(plan.def.file + ": design point " + std::to_string(point) + " is invalid:" + values + "\n" + e.what());
  }
}

}  // namespace zorgsim::app
