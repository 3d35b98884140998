#pragma once
// Reading the project's own YAML files (measures, scenarios, sweeps) with positions: every
// problem is reported as file:line:column with the key's path, unknown keys included.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "sim/diagnostics.hpp"

namespace zorgsim::app::yaml {
using sim::Diagnostics;
using sim::SourcePos;

inline SourcePos pos_of(const std::string& file, const YAML::Mark& m) {
  if (m.line < 0) return {file, 0, 0};
  return {file, m.line + 1, m.column + 1};
}

// yaml-cpp keeps duplicate keys silently: report them.
void check_duplicates(const std::string& file, const YAML::Node& node, Diagnostics& diags);

// Reads the keys of one map, each once; unknown keys are reported by finish().
class MapReader {
 public:
  MapReader(std::string file, YAML::Node map, std::string path, Diagnostics& diags)
      : m_file(std::move(file)), m_map(std::move(map)), m_path(std::move(path)), m_diags(diags) {
    if (!m_map.IsMap()) {
      m_diags.add(pos_of(m_file, m_map.Mark()), m_path, "expected a map");
      m_ok = false;
    }
  }
  bool ok() const { return m_ok; }
  SourcePos pos() const { return pos_of(m_file, m_map.Mark()); }
  std::string where(const std::string& key) const { return m_path.empty() ? key : m_path + "." + key; }

  YAML::Node get(const std::string& key, bool required) {
    m_known.insert(key);
    if (!m_ok) return {};
    YAML::Node n = m_map[key];
    if (!n && required) m_diags.add(pos(), where(key), "missing (required)");
    return n;
  }
  SourcePos pos_of_key(const std::string& key) const {
    for (const auto& kv : m_map)
      if (kv.first.Scalar() == key) return pos_of(m_file, kv.second.Mark());
    return pos();
  }
  std::string text(const std::string& key, bool required = true) {
    const YAML::Node n = get(key, required);
    if (!n) return {};
    if (!n.IsScalar()) {
      m_diags.add(pos_of(m_file, n.Mark()), where(key), "expected text");
      return {};
    }
    return n.Scalar();
  }
  bool boolean(const std::string& key, bool fallback) {
    const YAML::Node n = get(key, false);
    if (!n) return fallback;
    bool b = fallback;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, b))
      m_diags.add(pos_of(m_file, n.Mark()), where(key), "expected true or false (got '" + scalar(n) + "')");
    return b;
  }
  double real(const YAML::Node& n, const std::string& path) {
    double v = 0;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, v)) {
      m_diags.add(pos_of(m_file, n.Mark()), path, "expected a number (got '" + scalar(n) + "')");
      return 0;
    }
    return v;
  }
  int integer(const std::string& key, int fallback, int lo, int hi) {
    const YAML::Node n = get(key, false);
    if (!n) return fallback;
    int v = fallback;
    if (!n.IsScalar() || !YAML::convert<int>::decode(n, v)) {
      m_diags.add(pos_of(m_file, n.Mark()), where(key), "expected a whole number (got '" + scalar(n) + "')");
    } else if (v < lo || v > hi) {
      m_diags.add(pos_of(m_file, n.Mark()), where(key),
                  "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "] (got " + std::to_string(v) + ")");
    }
    return v;
  }
  std::vector<std::string> texts(const std::string& key, std::vector<SourcePos>* positions = nullptr) {
    const YAML::Node n = get(key, false);
    std::vector<std::string> out;
    if (!n) return out;
    if (!n.IsSequence()) {
      m_diags.add(pos_of(m_file, n.Mark()), where(key), "expected a list");
      return out;
    }
    for (const auto& item : n) {
      if (!item.IsScalar()) {
        m_diags.add(pos_of(m_file, item.Mark()), where(key), "expected text in the list");
        continue;
      }
      out.push_back(item.Scalar());
      if (positions) positions->push_back(pos_of(m_file, item.Mark()));
    }
    return out;
  }
  // Reports keys that were never asked for, with the keys that exist.
  void finish() {
    if (!m_ok) return;
    for (const auto& kv : m_map) {
      const std::string key = kv.first.Scalar();
      if (m_known.count(key)) continue;
      std::string known;
      for (const auto& k : m_known) known += (known.empty() ? "" : ", ") + k;
      m_diags.add(pos_of(m_file, kv.first.Mark()), where(key), "unknown key (expected one of: " + known + ")");
    }
  }
  const std::string& file() const { return m_file; }
  Diagnostics& diags() { return m_diags; }

 private:
  static std::string scalar(const YAML::Node& n) { return n.IsScalar() ? n.Scalar() : "a list or map"; }
  std::string m_file;
  YAML::Node m_map;
  std::string m_path;
  Diagnostics& m_diags;
  std::set<std::string> m_known;
  bool m_ok = true;
};

/// The document, or nothing (reported) when it is not YAML; duplicate keys are reported.
std::optional<YAML::Node> load_yaml(const std::string& name, const std::string& text, Diagnostics& diags);
/// A file's text, or "" with a problem reported when it cannot be read.
std::string read_file(const std::string& path, Diagnostics& diags);

}  // namespace zorgsim::app::yaml
