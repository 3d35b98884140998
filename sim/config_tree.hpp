#pragma once
// Layered YAML configuration: the embedded default, then user files, then command-line
// assignments; later layers override earlier ones parameter by parameter. With
// calibration.cpp, the only code that includes yaml-cpp.
//
// A parameter is written either as a plain value or as a map with documentation:
//   cost_eur_per_year: 6500
//   cost_eur_per_year: {value: 6500, source: "CBS Iv3 2022-24", plausible: [5000, 8000]}
// Keys of that map: value (required), source, tuned, plausible, note.
#include <memory>
#include <string>

#include "sim/diagnostics.hpp"
#include "sim/parameters.hpp"

namespace zorgsim::sim {

class ConfigLayers {
 public:
  ConfigLayers();
  ~ConfigLayers();
  ConfigLayers(ConfigLayers&&) noexcept;
  ConfigLayers& operator=(ConfigLayers&&) noexcept;

  /// Parses YAML text; syntax errors and duplicate keys go to `diags`.
  void add_text(const std::string& name, const std::string& text, Diagnostics& diags);
  /// Reads and parses a file; a missing or unreadable file goes to `diags`.
  void add_file(const std::string& path, Diagnostics& diags);
  /// A command-line assignment "path.to.param=value" (value in YAML syntax).
  void add_assignment(const std::string& assignment, Diagnostics& diags);

  /// Resolves every declared parameter. Reports unknown keys (with a suggestion), wrong
  /// types, out-of-range values, wrong list lengths and missing values.
  void resolve(ResolvedParams& params, Diagnostics& diags) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// The fully resolved configuration as YAML (every parameter with value and source);
/// loadable again as a configuration file.
std::string emit_resolved_yaml(const ResolvedParams& params);

}  // namespace zorgsim::sim
