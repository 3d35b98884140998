#include "sim/config_tree.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "sim/month.hpp"

namespace zorgsim::sim {

namespace {

struct Layer {
  std::string name;
  YAML::Node root;
  bool is_assignment = false;
  std::string assigned_path;  // for command-line assignments
};

SourcePos pos_of(const Layer& layer, const YAML::Mark& mark) {
  if (layer.is_assignment || mark.line < 0) return SourcePos{layer.name, 0, 0};
  return SourcePos{layer.name, mark.line + 1, mark.column + 1};
}

// yaml-cpp keeps duplicate keys silently (lookups return the first): find them ourselves.
void check_duplicates(const Layer& layer, const YAML::Node& node, const std::string& prefix,
                      Diagnostics& diags) {
  if (node.IsMap()) {
    std::set<std::string> seen;
    for (const auto& kv : node) {
      const std::string key = kv.first.Scalar();
      const std::string path = prefix.empty() ? key : prefix + "." + key;
      if (!seen.insert(key).second)
        diags.add(pos_of(layer, kv.first.Mark()), path, "duplicate key (already given above)");
      check_duplicates(layer, kv.second, path, diags);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) check_duplicates(layer, item, prefix, diags);
  }
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

struct Catalog {
  std::set<std::string> params;    // full parameter paths
  std::set<std::string> sections;  // every proper prefix of a parameter path
  explicit Catalog(const ResolvedParams& p) {
    for (const auto& r : p.all()) add(r.spec->path);
    for (const ParamSpec* c : p.collections()) add(c->path + ".x"), params.insert(c->path);
  }
  void add(std::string path) {
    params.insert(path);
    for (auto dot = path.rfind('.'); dot != std::string::npos; dot = path.rfind('.')) {
      path = path.substr(0, dot);
      sections.insert(path);
    }
  }
  std::string suggest(const std::string& path) const {
    std::string best;
    std::size_t best_d = 4;  // suggest only close names
    for (const auto* set : {&params, &sections})
      for (const auto& cand : *set) {
        const std::size_t d = edit_distance(path, cand);
        if (d < best_d) best_d = d, best = cand;
      }
    return best;
  }
};

std::string describe(const YAML::Node& n) {
  if (n.IsScalar()) return "'" + n.Scalar() + "'";
  if (n.IsSequence()) return "a list";
  if (n.IsMap()) return "a map";
  return "nothing";
}

bool parse_real(const YAML::Node& n, double& out) {
  if (!n.IsScalar()) return false;
  const std::string& s = n.Scalar();
  if (s == "true" || s == "false" || s.empty()) return false;
  try {
    std::size_t used = 0;
    out = std::stod(s, &used);
    return used == s.size() && std::isfinite(out);
  } catch (...) {
    return false;
  }
}

// Parses `n` as `spec` requires; reports a type or range problem and returns false.
bool parse_value(const ParamSpec& spec, const YAML::Node& n, const SourcePos& pos,
                 ParamValue& v, Diagnostics& diags) {
  const auto bad_type = [&] {
    diags.add(pos, spec.path, std::string("expected ") + kind_name(spec.kind) + ", got " + describe(n));
    return false;
  };
  const auto check_range = [&](double x) {
    if (x < spec.min) {
      std::ostringstream m;
      m << "must be >= " << spec.min << " (got " << x << ")";
      diags.add(pos, spec.path, m.str());
      return false;
    }
    if (x > spec.max) {
      std::ostringstream m;
      m << "must be <= " << spec.max << " (got " << x << ")";
      diags.add(pos, spec.path, m.str());
      return false;
    }
    return true;
  };
  switch (spec.kind) {
    case ParamKind::Real:
      if (!parse_real(n, v.real)) return bad_type();
      return check_range(v.real);
    case ParamKind::Integer: {
      double x = 0;
      if (!parse_real(n, x) || x != std::floor(x) || std::fabs(x) > 9007199254740991.0) return bad_type();
      v.integer = static_cast<long long>(x);
      return check_range(x);
    }
    case ParamKind::Boolean:
      if (!n.IsScalar() || (n.Scalar() != "true" && n.Scalar() != "false")) return bad_type();
      v.boolean = n.Scalar() == "true";
      return true;
    case ParamKind::Text:
      if (!n.IsScalar()) return bad_type();
      v.text = n.Scalar();
      return true;
    case ParamKind::Month:
      if (!n.IsScalar() || !parse_month(n.Scalar())) {
        diags.add(pos, spec.path, "expected a month as YYYY-MM, got " + describe(n));
        return false;
      }
      v.text = n.Scalar();
      return true;
    case ParamKind::RealList: {
      if (!n.IsSequence() || n.size() == 0) return bad_type();
      v.reals.clear();
      bool ok = true;
      for (const auto& item : n) {
        double x = 0;
        if (!parse_real(item, x)) {
          diags.add(pos, spec.path, "list element " + std::to_string(v.reals.size() + 1) +
                                        ": expected a number, got " + describe(item));
          ok = false;
        } else if (!check_range(x)) {
          ok = false;
        }
        v.reals.push_back(x);
      }
      if (spec.length > 0 && static_cast<int>(v.reals.size()) != spec.length) {
        diags.add(pos, spec.path, "expected " + std::to_string(spec.length) + " numbers, got " +
                                      std::to_string(v.reals.size()));
        ok = false;
      }
      return ok;
    }
    case ParamKind::TextList: {
      if (!n.IsSequence() || n.size() == 0) return bad_type();
      v.texts.clear();
      for (const auto& item : n) {
        if (!item.IsScalar()) return bad_type();
        v.texts.push_back(item.Scalar());
      }
      return true;
    }
    case ParamKind::Collection: {
      diags.add(pos, spec.path, "a collection of records is not a single value");
      return false;
    }
  }
  return false;
}

// Applies one parameter entry (plain value or documented map) from `layer`.
void apply_entry(const Layer& layer, const YAML::Node& key, const YAML::Node& node,
                 ResolvedParam& r, Diagnostics& diags) {
  const ParamSpec& spec = *r.spec;
  const SourcePos pos = pos_of(layer, node.Mark().line >= 0 ? node.Mark() : key.Mark());
  YAML::Node value = node;
  std::string source, tuned;
  std::vector<double> plausible;
  if (node.IsMap()) {
    bool has_value = false;
    for (const auto& kv : node) {
      const std::string k = kv.first.Scalar();
      const SourcePos kpos = pos_of(layer, kv.first.Mark());
      if (k == "value") {
        value.reset(kv.second);  // rebind: Node::operator= would write into the tree
        has_value = true;
      } else if (k == "source" || k == "tuned" || k == "note") {
        if (!kv.second.IsScalar()) {
          diags.add(kpos, spec.path + "." + k, "expected text");
          continue;
        }
        if (k == "source") source = kv.second.Scalar();
        if (k == "tuned") tuned = kv.second.Scalar();
      } else if (k == "plausible") {
        // [low, high], or for a list one [low, high] per element: flattened into pairs.
        const auto pair = [&](const YAML::Node& n, std::vector<double>& out) {
          double lo = 0, hi = 0;
          if (!n.IsSequence() || n.size() != 2 || !parse_real(n[0], lo) || !parse_real(n[1], hi) || lo > hi)
            return false;
          out.push_back(lo), out.push_back(hi);
          return true;
        };
        std::vector<double> ranges;
        bool ok = pair(kv.second, ranges);
        if (!ok && spec.kind == ParamKind::RealList && kv.second.IsSequence() && kv.second.size() > 0) {
          ranges.clear();
          ok = true;
          for (const auto& e : kv.second) ok = ok && pair(e, ranges);
        }
        if (!ok) {
          diags.add(kpos, spec.path + ".plausible",
                    "expected [low, high] with low <= high (or, for a list, one [low, high] per element)");
          continue;
        }
        plausible = ranges;
      } else {
        diags.add(kpos, spec.path + "." + k,
                  "unknown key (a parameter entry has value, source, tuned, plausible, note)");
      }
    }
    if (!has_value) {
      diags.add(pos, spec.path, "a documented parameter needs a 'value' key");
      return;
    }
  }
  ParamValue v;
  const SourcePos vpos = pos_of(layer, value.Mark().line >= 0 ? value.Mark() : key.Mark());
  if (!parse_value(spec, value, layer.is_assignment ? pos : vpos, v, diags)) {
    if (r.layer.empty()) r.layer = layer.name + " (invalid)";  // reported once, not again as missing
    return;
  }
  if (!plausible.empty()) {
    std::vector<double> xs;
    if (spec.kind == ParamKind::Real) xs = {v.real};
    if (spec.kind == ParamKind::Integer) xs = {static_cast<double>(v.integer)};
    if (spec.kind == ParamKind::RealList) xs = v.reals;
    if (plausible.size() > 2 && plausible.size() != 2 * xs.size())
      diags.add(pos, spec.path + ".plausible",
                "needs one [low, high] per element (" + std::to_string(xs.size()) + " elements)");
    else
      for (std::size_t k = 0; k < xs.size(); ++k) {
        const double lo = plausible[plausible.size() > 2 ? 2 * k : 0], hi = plausible[plausible.size() > 2 ? 2 * k + 1 : 1];
        const std::string which = xs.size() > 1 ? " (element " + std::to_string(k + 1) + ")" : "";
        if (xs[k] < lo || xs[k] > hi) diags.add(pos, spec.path, "value lies outside its own plausible range" + which);
        if (lo < spec.min || hi > spec.max) diags.add(pos, spec.path, "plausible range exceeds the valid range" + which);
      }
  }
  r.value = std::move(v);
  r.pos = vpos;
  r.layer = layer.name;
  r.source = source.empty() ? "set in " + layer.name : source;
  r.tuned = tuned;
  if (!plausible.empty()) r.plausible = plausible;
}

bool valid_record_id(const std::string& id) {
  if (id.empty() || id.size() > 48 || !(id[0] >= 'a' && id[0] <= 'z')) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

void walk(const Layer& layer, const YAML::Node& map, const std::string& prefix,
          Catalog& cat, ResolvedParams& params, Diagnostics& diags);

// A collection: each key is a record id, each value the record's fields.
void walk_collection(const Layer& layer, const YAML::Node& node, const std::string& path, Catalog& cat,
                     ResolvedParams& params, Diagnostics& diags) {
  if (!node.IsMap()) {
    diags.add(pos_of(layer, node.Mark()), path, "expected a map of records (id: {field: value, ...}), got " + describe(node));
    return;
  }
  for (const auto& kv : node) {
    const std::string id = kv.first.Scalar();
    const SourcePos pos = pos_of(layer, kv.first.Mark());
    if (!valid_record_id(id)) {
      diags.add(pos, path + "." + id, "a record id is lower-case letters, digits and '_', starting with a letter (at most 48)");
      continue;
    }
    if (!kv.second.IsMap()) {
      diags.add(pos, path + "." + id, "expected a record (a map of fields), got " + describe(kv.second));
      continue;
    }
    params.add_record(path, id, pos);
    for (const ParamSpec& field : params.collection(path)->collection->fields)
      cat.add(path + "." + id + "." + field.path);
    walk(layer, kv.second, path + "." + id, cat, params, diags);
  }
}

void walk(const Layer& layer, const YAML::Node& map, const std::string& prefix,
          Catalog& cat, ResolvedParams& params, Diagnostics& diags) {
  for (const auto& kv : map) {
    const std::string key = kv.first.Scalar();
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    const SourcePos pos = pos_of(layer, kv.first.Mark());
    if (!layer.is_assignment && key.find('.') != std::string::npos) {
      // "youth.x: 1" beside "youth: {x: 2}" would set one parameter twice unnoticed.
      diags.add(pos, path, "write nested sections, not dotted keys (dots are for --set only)");
      continue;
    }
    if (params.collection(path)) {
      walk_collection(layer, kv.second, path, cat, params, diags);
    } else if (cat.params.count(path)) {
      apply_entry(layer, kv.first, kv.second, params.at(path), diags);
    } else if (cat.sections.count(path)) {
      if (!kv.second.IsMap()) {
        diags.add(pos, path, "expected a section (a map of parameters), got " + describe(kv.second));
        continue;
      }
      walk(layer, kv.second, path, cat, params, diags);
    } else {
      std::string msg = "unknown key";
      const std::string hint = cat.suggest(path);
      if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
      diags.add(pos, path, msg);
    }
  }
}

}  // namespace

struct ConfigLayers::Impl {
  std::vector<Layer> layers;
};

ConfigLayers::ConfigLayers() : m_impl(std::make_unique<Impl>()) {}
ConfigLayers::~ConfigLayers() = default;
ConfigLayers::ConfigLayers(ConfigLayers&&) noexcept = default;
ConfigLayers& ConfigLayers::operator=(ConfigLayers&&) noexcept = default;

void ConfigLayers::add_text(const std::string& name, const std::string& text, Diagnostics& diags) {
  Layer layer{name, {}, false, {}};
  try {
    layer.root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    diags.add(SourcePos{name, e.mark.line + 1, e.mark.column + 1}, "", "YAML syntax: " + e.msg);
    return;
  }
  if (layer.root.IsNull()) return;  // an empty file changes nothing
  if (!layer.root.IsMap()) {
    diags.add(pos_of(layer, layer.root.Mark()), "", "a configuration must be a map of sections");
    return;
  }
  check_duplicates(layer, layer.root, "", diags);
  m_impl->layers.push_back(std::move(layer));
}

void ConfigLayers::add_file(const std::string& path, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.add(SourcePos{path, 0, 0}, "", "cannot open the configuration file");
    return;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  add_text(path, ss.str(), diags);
}

void ConfigLayers::add_assignment(const std::string& assignment, Diagnostics& diags) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    diags.add(SourcePos{"command line", 0, 0}, "", "expected PATH=VALUE, got '" + assignment + "'");
    return;
  }
  const std::string path = assignment.substr(0, eq);
  Layer layer{"command line", {}, true, path};
  try {
    YAML::Node value = YAML::Load(assignment.substr(eq + 1));
    // Build the nested map path: a.b.c -> {a: {b: {c: value}}}
    YAML::Node root(YAML::NodeType::Map);
    std::vector<std::string> parts;
    std::stringstream ss(path);
    for (std::string part; std::getline(ss, part, '.');) parts.push_back(part);
    YAML::Node cur = root;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      cur[parts[i]] = YAML::Node(YAML::NodeType::Map);
      cur.reset(cur[parts[i]]);
    }
    cur[parts.back()] = value;
    layer.root = root;
  } catch (const YAML::Exception& e) {
    diags.add(SourcePos{layer.name, 0, 0}, path, "YAML syntax: " + e.msg);
    return;
  }
  m_impl->layers.push_back(std::move(layer));
}

void ConfigLayers::resolve(ResolvedParams& params, Diagnostics& diags) const {
  Catalog cat(params);
  for (const Layer& layer : m_impl->layers) walk(layer, layer.root, "", cat, params, diags);
  for (const ResolvedParam& r : params.all())
    if (r.layer.empty()) {
      if (r.record >= 0)
        diags.add(params.records()[r.record].pos, r.spec->path, "the record has no value for this required field");
      else
        diags.add(SourcePos{}, r.spec->path, "no value given (and no default)");
    }
}

namespace {
void emit_value(YAML::Emitter& out, const ParamSpec& spec, const ParamValue& v) {
  switch (spec.kind) {
    case ParamKind::Real: out << v.real; break;
    case ParamKind::Integer: out << v.integer; break;
    case ParamKind::Boolean: out << v.boolean; break;
    case ParamKind::Text:
    case ParamKind::Month: out << YAML::DoubleQuoted << v.text; break;
    case ParamKind::RealList:
      out << YAML::Flow << YAML::BeginSeq;
      for (double x : v.reals) out << x;
      out << YAML::EndSeq;
      break;
    case ParamKind::TextList:
      out << YAML::Flow << YAML::BeginSeq;
      for (const auto& s : v.texts) out << YAML::DoubleQuoted << s;
      out << YAML::EndSeq;
      break;
    case ParamKind::Collection: break;  // never a value: records are emitted field by field
  }
}
}  // namespace

std::string emit_resolved_yaml(const ResolvedParams& params) {
  YAML::Emitter out;
  out.SetDoublePrecision(17);
  out << YAML::BeginMap;
  // Group parameters by section, keeping declaration order otherwise: each path is
  // ordered by the first-declaration rank of each of its prefixes.
  const auto split = [](const std::string& path) {
    std::vector<std::string> parts;
    std::stringstream ss(path);
    for (std::string part; std::getline(ss, part, '.');) parts.push_back(part);
    return parts;
  };
  std::map<std::string, std::size_t> rank;
  std::vector<std::pair<std::vector<std::size_t>, const ResolvedParam*>> order;
  for (const ResolvedParam& r : params.all()) {
    std::vector<std::size_t> key;
    std::string prefix;
    for (const auto& part : split(r.spec->path)) {
      prefix += (prefix.empty() ? "" : ".") + part;
      key.push_back(rank.emplace(prefix, rank.size()).first->second);
    }
    order.emplace_back(std::move(key), &r);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> open;  // the sections currently open
  for (const auto& [key, rp] : order) {
    const ResolvedParam& r = *rp;
    const std::vector<std::string> parts = split(r.spec->path);
    std::size_t common = 0;
    while (common < open.size() && common + 1 < parts.size() && open[common] == parts[common])
      ++common;
    while (open.size() > common) out << YAML::EndMap, open.pop_back();
    for (std::size_t i = common; i + 1 < parts.size(); ++i) {
      out << YAML::Key << parts[i] << YAML::Value << YAML::BeginMap;
      open.push_back(parts[i]);
    }
    out << YAML::Key << parts.back() << YAML::Value << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "value" << YAML::Value;
    emit_value(out, *r.spec, r.value);
    if (!r.source.empty()) out << YAML::Key << "source" << YAML::Value << YAML::DoubleQuoted << r.source;
    if (!r.tuned.empty()) out << YAML::Key << "tuned" << YAML::Value << YAML::DoubleQuoted << r.tuned;
    if (r.plausible.size() == 2) {
      out << YAML::Key << "plausible" << YAML::Value << YAML::Flow << YAML::BeginSeq << r.plausible[0]
          << r.plausible[1] << YAML::EndSeq;
    } else if (!r.plausible.empty()) {  // one range per list element
      out << YAML::Key << "plausible" << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (std::size_t k = 0; k + 1 < r.plausible.size(); k += 2)
        out << YAML::BeginSeq << r.plausible[k] << r.plausible[k + 1] << YAML::EndSeq;
      out << YAML::EndSeq;
    }
    out << YAML::EndMap;
  }
  while (!open.empty()) out << YAML::EndMap, open.pop_back();
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace zorgsim::sim
